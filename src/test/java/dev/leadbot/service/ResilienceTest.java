package dev.leadbot.service;

import static dev.leadbot.testing.LeadFiles.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegram misbehaving: floods of 429, bursts of 5xx, an outage, a blocked chat; and a crowd. */
class ResilienceTest {

    @TempDir
    Path dir;

    /** Every question shows up once: nothing lost, nothing sent twice. */
    private static void assertEachQuestionOnce(List<BotMessage> messages) {
        for (Lockstep.Step step : Lockstep.OWNER_VIA_TELEGRAM) {
            assertEquals(1, messages.stream().filter(m -> m.text().contains(step.expected())).count(), step.expected() + " in " + messages);
        }
    }

    @Test
    void aStormOf429sAndABurstOf5xxMidConversationLoseNothingAndDoubleNothing() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(70, "Klient"));
            List<Lockstep.Step> steps = Lockstep.OWNER_VIA_TELEGRAM;
            Lockstep.walk(List.of(chat), steps.subList(0, 3));

            bot.api.rateLimitNext(12);
            Lockstep.walk(List.of(chat), steps.subList(3, 5));
            bot.api.failNext(5, 502);
            Lockstep.walk(List.of(chat), steps.subList(5, steps.size()));

            bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид"));
            assertEachQuestionOnce(bot.api.botMessages(70));
            assertTrue(bot.api.rateLimited() >= 12, "429s answered: " + bot.api.rateLimited());
            assertEquals(1, bot.api.botMessages(BotHarness.OWNER).size());
        }
    }

    @Test
    void aBotApiOutageIsSurvivedAndEveryUpdateIsHandledOnce() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(71, "Klient"));
            Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM.subList(0, 2));

            bot.api.failNext(4, 502);
            Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM.subList(2, Lockstep.OWNER_VIA_TELEGRAM.size()));

            bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид"));
            assertEachQuestionOnce(bot.api.botMessages(71));
        }
    }

    @Test
    void anOwnerChatThatBlockedTheBotGetsOneAttemptPerLeadAndNoRetries() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            bot.api.block(BotHarness.OWNER);

            Lockstep.walk(List.of(new ProspectChat(bot.api, bot.api.user(72, "Klient"))), Lockstep.OWNER_VIA_TELEGRAM);
            bot.api.awaitState(() -> bot.api.forbidden() >= 1);
            Lockstep.walk(List.of(new ProspectChat(bot.api, bot.api.user(73, "Klient"))), Lockstep.OWNER_VIA_TELEGRAM);
            bot.api.awaitState(() -> bot.api.forbidden() >= 2);
            // A third conversation drains the queues behind it: had a 403 been retried, it would show by now.
            Lockstep.walk(List.of(new ProspectChat(bot.api, bot.api.user(74, "Klient"))), Lockstep.OWNER_VIA_TELEGRAM);
            bot.api.awaitState(() -> bot.api.forbidden() >= 3);

            assertEquals(3, bot.api.forbidden());
            assertEquals(List.of(), bot.api.botMessages(BotHarness.OWNER));
        }
    }

    @Test
    void whenOneOwnerChatBlockedTheBotTheOtherOwnersAreToldTheLeadDidNotReachIt() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, 2000L))) {
            bot.api.block(2000);

            Lockstep.walk(List.of(new ProspectChat(bot.api, bot.api.user(75, "Klient"))), Lockstep.OWNER_VIA_TELEGRAM);

            List<BotMessage> owner = bot.api.await(BotHarness.OWNER, all -> all.size() >= 2);
            // The two owner chats' sinks deliver on their own: the summary and the warning come in either order.
            assertTrue(owner.stream().anyMatch(message -> message.text().contains("Новый лид")), owner.toString());
            assertTrue(owner.stream().anyMatch(message -> message.text().startsWith("⚠️ Лид ")
                    && message.text().contains("не доставлен в «owner-telegram:2000»")), owner.toString());
            assertEquals(1, bot.store.deliveries().deadDeliveries().size());
        }
    }

    @Test
    void twoHundredProspectsAtOnceEachFinishWithTheirOwnCorrectLead() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER))) {
            List<ProspectChat> chats = IntStream.range(0, 200)
                    .mapToObj(i -> new ProspectChat(bot.api, bot.api.user(10_000 + i, "Klient"))).toList();

            Lockstep.walk(chats, Lockstep.OWNER_VIA_TELEGRAM);

            bot.api.await(BotHarness.OWNER, summaries -> BotHarness.leadsIn(summaries) == 200);
            bot.api.awaitState(() -> lines(bot.leads) == 200);
            Set<Long> chatIds = new HashSet<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(bot.leads)) {
                JsonNode lead = json.readTree(line);
                chatIds.add(lead.path("prospect").path("chat_id").asLong());
                assertEquals(50, lead.path("score").asInt(), line);
                assertEquals("load", lead.path("source").asText(), line);
                assertEquals("[\"owner\",\"b2b\",\"hot\",\"crm\"]", lead.path("tags").toString(), line);
            }
            assertEquals(200, chatIds.size());
            chats.forEach(chat -> assertEachQuestionOnce(chat.messages()));
        }
    }

}
