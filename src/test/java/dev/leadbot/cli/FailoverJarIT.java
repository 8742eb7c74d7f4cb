package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.telegram.Lockstep;
import dev.leadbot.telegram.ProspectChat;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.LeadFiles;
import dev.leadbot.testing.OwnerChat;
import dev.leadbot.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the packaged jar on one PostgreSQL share ten bots (issue 14): prospects of every bot are half-way through
 * the customer's flow when one instance is killed with SIGKILL; its bots move to the other two, and every conversation
 * finishes with exactly one lead and one owner summary, no question asked twice. The leases expire after 3 s here instead
 * of 15 s, so the test waits less; the failover benchmark keeps the defaults.
 */
class FailoverJarIT {

    private static final int BOTS = 10;
    private static final int PROSPECTS_PER_BOT = 2;
    private static final List<String> NAMES = List.of("east", "west", "north");
    /** Only against a hang: every wait ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Map<FakeBotApi, Integer> conflictCounts(Instances instances) {
        Map<FakeBotApi, Integer> counts = new HashMap<>();
        instances.bots().forEach(bot -> counts.put(bot, bot.conflicts().size()));
        return counts;
    }

    @Test
    void aKilledInstancesBotsMoveToTheOthersAndEveryConversationFinishesWithOneLeadAndOneSummary() throws Exception {
        String database = PostgresServer.shared().freshDatabaseUrl("failover_it");
        List<String> jvm = new ArrayList<>(Instances.DOCKER_JVM);
        jvm.addAll(List.of("-Dleadbot.lease.heartbeat=1s", "-Dleadbot.lease.expiry=3s"));
        try (FakeBotApi api = new FakeBotApi()) {
            Instances instances = new Instances(dir, api, BOTS, database, jvm);
            try {
                for (String name : NAMES) {
                    instances.start(name);
                }
                Instances.await("three instances dividing ten bots", instances::settled, PATIENCE, instances::division);

                List<ProspectChat> chats = new ArrayList<>();
                for (FakeBotApi bot : instances.bots()) {
                    for (int p = 0; p < PROSPECTS_PER_BOT; p++) {
                        chats.add(new ProspectChat(bot, bot.user(500 + p, "Klient")));
                    }
                }
                List<Lockstep.Step> steps = Lockstep.OWNER_VIA_TELEGRAM;
                int half = steps.size() / 2;
                Lockstep.walk(chats, steps.subList(0, half));

                // The instance polling the most bots dies while its prospects wait for their next question; they answer at once,
                // and their answers wait at Telegram for whoever polls their bot next.
                String victim = NAMES.stream().max(Comparator.comparingInt(name -> instances.polledBy(name).size())).orElseThrow();
                List<FakeBotApi> orphaned = instances.polledBy(victim);
                Map<FakeBotApi, Integer> conflictsBefore = conflictCounts(instances);
                instances.kill(victim);
                chats.forEach(steps.get(half).move());
                List<String> survivors = instances.names();
                Instances.await("the bots of " + victim + " " + orphaned.stream().map(instances::name).toList()
                        + " polled by the others", () -> orphaned.stream().allMatch(bot -> bot.lastPolledThrough()
                        .filter(survivors::contains).isPresent()), PATIENCE, instances::division);

                chats.forEach(chat -> chat.expect(steps.get(half).expected()));
                Lockstep.walk(chats, steps.subList(half + 1, steps.size()));
                for (FakeBotApi bot : instances.bots()) {
                    bot.await(Instances.OWNER, all -> OwnerChat.leadsIn(all) >= PROSPECTS_PER_BOT);
                    bot.awaitState(() -> LeadFiles.lines(instances.leadsFile(bot)) >= PROSPECTS_PER_BOT);
                }
                List<FakeBotApi.Conflict> afterKill = instances.bots().stream()
                        .flatMap(bot -> bot.conflicts().stream().skip(conflictsBefore.get(bot))).toList();

                // The killed instance comes back and takes its fair share from the others.
                instances.start(victim);
                Instances.await(victim + " taking its share again", instances::settled, PATIENCE, instances::division);
                // A clean stop sends whatever is still queued, so a summary or lead made twice would be counted below.
                instances.close();

                assertFalse(orphaned.isEmpty(), "the killed instance polled no bot");
                for (FakeBotApi bot : instances.bots()) {
                    assertEquals(PROSPECTS_PER_BOT, OwnerChat.leadsIn(bot.botMessages(Instances.OWNER)), "owner summaries of "
                            + instances.name(bot));
                    Set<Long> leads = new HashSet<>();
                    for (String line : Files.readAllLines(instances.leadsFile(bot))) {
                        leads.add(JSON.readTree(line).path("prospect").path("chat_id").asLong());
                    }
                    assertEquals(Set.of(500L, 501L), leads, "the leads of " + instances.name(bot));
                    assertEquals(PROSPECTS_PER_BOT, Files.readAllLines(instances.leadsFile(bot)).size(), "lines in the leads file of "
                            + instances.name(bot));
                }
                for (ProspectChat chat : chats) {
                    List<String> texts = chat.messages().stream().map(BotMessage::text).toList();
                    assertEquals(texts.size(), Set.copyOf(texts).size(), "a message repeated: " + texts);
                    assertTrue(texts.get(texts.size() - 1).contains("Спасибо, Клиент!"), texts.toString());
                }

                // Telegram ends a getUpdates when a newer one comes for the same token (409 Conflict), and so does the fake. Two
                // kinds of ended polls are expected here and harmless, since nobody waits for their answer: the polls the killed
                // instance left waiting, and those a live instance cancelled as it handed a bot over (to a newcomer, at the start
                // and when the killed one came back). Neither Telegram nor the fake can tell them from a fight, two live
                // instances polling one bot. But a live instance still polling reads the 409, and leadbot logs every failed poll
                // it reads ("getUpdates failed: 409 Conflict: terminated by other getUpdates request…"): none may have read one.
                Map<String, Long> ended = instances.bots().stream().flatMap(bot -> bot.conflicts().stream())
                        .collect(Collectors.groupingBy(FakeBotApi.Conflict::superseded, Collectors.counting()));
                for (String name : NAMES) {
                    assertFalse(instances.output(name).contains("terminated by other getUpdates request"), name
                            + " polled a bot another live instance polled; polls ended by a newer one, by whose: " + ended);
                }
                // Between the kill and the return, the survivors keep their bots: only polls the killed one left waiting end,
                // at most one of each of its bots.
                assertTrue(afterKill.stream().allMatch(conflict -> conflict.superseded().equals(victim))
                        && afterKill.size() <= orphaned.size(), "polls ended after the kill: " + afterKill);
            } finally {
                instances.close();
            }
        }
    }
}
