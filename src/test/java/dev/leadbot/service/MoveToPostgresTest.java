package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.webhook.WebhookSink;
import dev.leadbot.store.Database;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.PostgresServer;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot stopped half-way through its prospects' conversations on SQLite, moved to PostgreSQL, and started there. */
class MoveToPostgresTest {

    @TempDir
    Path dir;

    @Test
    void conversationsGoOnAfterTheMoveWithEveryLeadOnceAndTheFunnelWhole() throws Exception {
        try (FakeHttpServer hook = new FakeHttpServer()) {
            // The CRM is down until the bot runs on PostgreSQL: the finished lead's delivery is pending when it moves.
            AtomicBoolean crmUp = new AtomicBoolean(false);
            List<String> accepted = new CopyOnWriteArrayList<>();
            hook.handle(request -> {
                if (!crmUp.get()) {
                    return Reply.json(500, "{}");
                }
                accepted.add(request.header("webhook-id"));
                return Reply.json(200, "{}");
            });
            WebhookSink crm = WebhookSink.from(new SinkSettings("webhook", "crm", "leadbot.yaml:6:5",
                    Map.of("url", hook.url("/leads").toString(), "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), Map.of()),
                    HttpSetup.standard().calls(), Clock.systemUTC());

            try (BotHarness bot = new BotHarness(dir, new Database.SqliteFile(dir.resolve("leadbot.db")), List.of(crm))) {
                ProspectChat finished = new ProspectChat(bot.api, bot.api.user(90, "Klient"));
                Lockstep.walk(List.of(finished), Lockstep.OWNER_VIA_TELEGRAM);
                ProspectChat halfWay = new ProspectChat(bot.api, bot.api.user(91, "Klient"));
                Lockstep.walk(List.of(halfWay), Lockstep.OWNER_VIA_TELEGRAM.subList(0, 4));
                bot.api.await(BotHarness.OWNER, summaries -> BotHarness.leadsIn(summaries) >= 1);
                bot.api.awaitState(() -> !hook.requests().isEmpty());
                List<FunnelEvent> funnel = bot.store.funnel().events(Instant.EPOCH, false);

                bot.moveTo(PostgresServer.freshDatabase("move_to_postgres"));

                assertEquals(funnel, bot.store.funnel().events(Instant.EPOCH, false), "the funnel, step by step");
                crmUp.set(true);
                Lockstep.walk(List.of(halfWay), Lockstep.OWNER_VIA_TELEGRAM.subList(4, Lockstep.OWNER_VIA_TELEGRAM.size()));
                bot.api.await(BotHarness.OWNER, summaries -> BotHarness.leadsIn(summaries) >= 2);
                bot.api.awaitState(() -> accepted.size() >= 2);
                bot.restart(); // whatever was pending has gone: nothing goes out again

                assertEquals(2, bot.store.leads().completedSince(Instant.EPOCH).size(), "one lead for each prospect");
                assertEquals(2, BotHarness.leadsIn(bot.api.messages(BotHarness.OWNER)), "one summary for each in the owner chat");
                assertEquals(2, accepted.size(), "each lead delivered to the CRM once: " + accepted);
                assertEquals(bot.store.leads().completedSince(Instant.EPOCH).stream().map(lead -> lead.id()).collect(Collectors.toSet()), Set.copyOf(accepted));
                assertEquals(1, finished.messages().stream().filter(m -> m.text().contains("Спасибо, Клиент!")).count());
                assertEquals(1, halfWay.messages().stream().filter(m -> m.text().contains("Спасибо, Клиент!")).count());
                List<FunnelEvent> after = bot.store.funnel().events(Instant.EPOCH, false);
                assertEquals(funnel, after.subList(0, funnel.size()), "the steps before the move come first, as they were");
            }
        }
    }
}
