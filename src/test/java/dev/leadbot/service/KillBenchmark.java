package dev.leadbot.service;

import dev.leadbot.lead.Lead;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.BotProcess;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.PostgresServer;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The packaged bot killed with SIGKILL in the middle of a load: N prospects walk the owner path
 * together; halfway, while the answers of one step are being handled and replied to, the process
 * is killed and started again. Every prospect must still get every reply and finish, with exactly
 * one lead and one owner summary each. Reports the load's rate, the recovery time and any reply
 * sent twice (one sent just before the kill but not yet marked sent). Run after {@code mvn package}:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.telegram.KillBenchmark -Dexec.args=1000}.
 */
public final class KillBenchmark {

    public static void main(String[] args) throws Exception {
        int prospects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("leadbot-kill");
        try (FakeBotApi api = new FakeBotApi()) {
            api.startedEarlier(BotHarness.OWNER);
            Map<String, String> env = BotProcess.against(api, dir);
            // -Dleadbot.store=postgresql: the bot's state in PostgreSQL (a server of the benchmark's own, fsync on) instead of its file.
            Optional<PostgresServer> postgres = PostgresServer.forBenchmark();
            postgres.ifPresent(server -> env.put("LEADBOT_DB", server.url()));
            Database database = postgres.<Database>map(PostgresServer::database).orElse(new Database.SqliteFile(dir.resolve("data/leadbot.db")));
            List<ProspectChat> chats = IntStream.range(0, prospects).mapToObj(i -> new ProspectChat(api, api.user(100_000 + i, "Klient")))
                    .toList();
            List<Lockstep.Step> steps = Lockstep.OWNER_VIA_TELEGRAM;
            int killAt = steps.size() / 2;
            long start = System.nanoTime();
            Process first = BotProcess.start(dir, "1", env);
            Lockstep.walk(chats, steps.subList(0, killAt));

            Lockstep.Step step = steps.get(killAt);
            int before = api.botMessageCount();
            chats.forEach(step.move());
            api.awaitState(() -> api.botMessageCount() >= before + prospects / 2);
            first.destroyForcibly();
            first.waitFor(60, TimeUnit.SECONDS);
            int sentBeforeKill = api.botMessageCount() - before;
            long killed = System.nanoTime();

            Process second = BotProcess.start(dir, "2", env);
            double recovery;
            double seconds;
            try {
                chats.forEach(chat -> chat.expect(step.expected()));
                recovery = (System.nanoTime() - killed) / 1e9;
                Lockstep.walk(chats, steps.subList(killAt + 1, steps.size()));
                seconds = (System.nanoTime() - start) / 1e9;
                // The owner's chat takes about a message a second; summaries waiting for it go as digests.
                for (int waited = 0; waited < prospects; waited = Math.min(prospects, waited + 100)) {
                    int next = Math.min(prospects, waited + 100);
                    api.await(BotHarness.OWNER, all -> BotHarness.leadsIn(all) >= next);
                }
                System.out.printf("all %d owner summaries in %.1f s%n", prospects, (System.nanoTime() - start) / 1e9);
            } finally {
                // A clean stop sends what is queued, so any summary sent twice would be counted below.
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
            }
            report(api, chats, prospects, sentBeforeKill, recovery, seconds, (int) BotHarness.leadsIn(api.botMessages(BotHarness.OWNER)),
                    database);
        }
    }

    private static void report(FakeBotApi api, List<ProspectChat> chats, int prospects, int sentBeforeKill, double recovery,
            double seconds, int summaries, Database database) throws Exception {
        List<Lead> leads;
        try (Store store = Store.openForTools(database, Clock.systemUTC())) {
            leads = store.leads().completedSince(Instant.EPOCH);
        }
        long twice = chats.stream().mapToLong(chat -> {
            List<String> texts = chat.messages().stream().map(BotMessage::text).toList();
            return texts.size() - texts.stream().distinct().count();
        }).sum();
        long finished = chats.stream().filter(chat -> chat.messages().stream().anyMatch(m -> m.text().contains("Спасибо, Клиент!"))).count();
        long distinctChats = leads.stream().mapToLong(lead -> lead.prospect().chatId()).distinct().count();
        int updates = prospects * Lockstep.OWNER_VIA_TELEGRAM.size();
        System.out.printf("%d prospects, %d updates in %.1f s (with the kill and restart): %.0f updates/s%n", prospects, updates, seconds,
                updates / seconds);
        System.out.printf("killed after %d of the step's messages had reached Telegram; all prospects had their reply %.1f s after the kill%n",
                sentBeforeKill, recovery);
        System.out.printf("finished %d/%d, leads %d (chats %d), owner summaries %d, replies sent twice %d%n", finished, prospects,
                leads.size(), distinctChats, summaries, twice);
        boolean lossless = finished == prospects && leads.size() == prospects && distinctChats == prospects && summaries == prospects;
        System.out.println(lossless ? "nothing lost, no lead doubled" : "FAILED: something was lost or doubled");
        if (!lossless) {
            System.exit(1);
        }
    }
}
