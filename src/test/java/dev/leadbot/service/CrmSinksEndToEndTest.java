package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.amocrm.AmoCrmSink;
import dev.leadbot.sink.amocrm.FakeAmoCrm;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.webhook.WebhookSink;
import dev.leadbot.store.StoreKind;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leads finished in Telegram, through the delivery outbox, into CRMs that fail first. */
class CrmSinksEndToEndTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    /** Once with the embedded SQLite file, once with the state in PostgreSQL: the same service, the same guarantees. */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLeadReachesEverySinkExactlyOnceEvenWhenEachFailsFirst(StoreKind store) throws Exception {
        try (FakeAmoCrm amo = new FakeAmoCrm(System::nanoTime); FakeHttpServer hook = new FakeHttpServer()) {
            amo.failNext(Reply.json(503, "{\"title\":\"Service Unavailable\",\"status\":503}"));
            AtomicInteger calls = new AtomicInteger();
            hook.handle(request -> calls.incrementAndGet() == 1 ? Reply.json(500, "{}") : Reply.json(200, "{}"));
            AmoCrmSink amoSink = AmoCrmSink.from(new SinkSettings("amocrm", "amo", "leadbot.yaml:2:5",
                    Map.of("base_url", amo.server.url("").toString(), "token", FakeAmoCrm.TOKEN), Map.of()), HttpSetup.standard());
            WebhookSink hookSink = WebhookSink.from(new SinkSettings("webhook", "hooks", "leadbot.yaml:6:5",
                    Map.of("url", hook.url("/leads").toString(), "secret", SECRET), Map.of()), HttpSetup.standard().calls(), Clock.systemUTC());

            try (BotHarness bot = new BotHarness(dir, store.database(dir, "crm_sinks"), List.of(amoSink, hookSink))) {
                ProspectChat chat = new ProspectChat(bot.api, bot.api.user(90, "Klient"));
                Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM);

                bot.api.awaitState(() -> amo.leads().size() == 1 && hook.requests().size() == 2);
                bot.restart(); // pending or not, nothing may go out again

                assertEquals(1, amo.leads().size());
                assertEquals("Клиент — Telegram #" + hook.requests().get(1).header("webhook-id").substring(0, 8),
                        amo.leads().get(0).path("name").asText());
                assertEquals(hook.requests().get(0).header("webhook-id"), hook.requests().get(1).header("webhook-id"));
                assertEquals(2, hook.requests().size());
                assertEquals(1, bot.store.leads().completedSince(Instant.EPOCH).size());
                bot.api.await(BotHarness.OWNER, summaries -> BotHarness.leadsIn(summaries) >= 1);
                assertEquals(1, BotHarness.leadsIn(bot.api.messages(BotHarness.OWNER)), "one summary in the owner chat");
            }
        }
    }

    @Test
    void aSinkThatFailsForGoodIsReportedToTheOwnerInTelegram() throws Exception {
        try (FakeHttpServer hook = new FakeHttpServer()) {
            hook.handle(request -> Reply.json(410, ""));
            WebhookSink hookSink = WebhookSink.from(new SinkSettings("webhook", "hooks", "leadbot.yaml:6:5",
                    Map.of("url", hook.url("/leads").toString(), "secret", SECRET), Map.of()), HttpSetup.standard().calls(), Clock.systemUTC());

            try (BotHarness bot = new BotHarness(dir, List.of(hookSink))) {
                ProspectChat chat = new ProspectChat(bot.api, bot.api.user(91, "Klient"));
                Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM);

                List<BotMessage> owner = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("не доставлен в «hooks»"));
                String alert = owner.stream().filter(m -> m.text().contains("не доставлен")).findFirst().orElseThrow().text();
                assertTrue(alert.contains("the endpoint answered 410 Gone"), alert);
                assertTrue(alert.contains("leadbot leads --retry"), alert);
            }
        }
    }
}
