package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.webhook.WebhookSink;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Не сейчас" at the consent question: no lead, nothing to the owner or any sink, no conversation kept. */
class ConsentInTelegramTest {

    @TempDir
    Path dir;

    @Test
    void aDeclinedConsentLeavesNoLeadNoDeliveryAndNoConversation() throws Exception {
        try (FakeHttpServer hook = new FakeHttpServer()) {
            hook.handle(request -> Reply.json(200, "{}"));
            WebhookSink sink = WebhookSink.from(new SinkSettings("webhook", "hooks", "leadbot.yaml:2:5",
                    Map.of("url", hook.url("/leads").toString(), "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), Map.of()),
                    HttpSetup.standard().calls(), Clock.systemUTC());
            try (BotHarness bot = new BotHarness(dir, List.of(sink))) {
                ProspectChat declining = new ProspectChat(bot.api, bot.api.user(95, "Vera").lastName("Orlova").username("vera_o"));
                declining.send("/start vk_ads", QualificationInTelegramTest.ROLE);
                declining.press("Я владелец бизнеса", "В какой сфере");
                declining.press("B2B-компания", "Что для вас сейчас важнее всего?");
                declining.press("Квалифицировать входящие заявки", QualificationInTelegramTest.CONTACT_INTRO);
                declining.press("Не сейчас", "Хорошо, без проблем!");

                // A prospect who agrees afterwards: once their lead is everywhere, a lead of the first would be too.
                Lockstep.walk(List.of(new ProspectChat(bot.api, bot.api.user(96, "Klient"))), Lockstep.OWNER_VIA_TELEGRAM);
                bot.api.awaitState(() -> hook.requests().size() == 1);
                bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид"));
                bot.api.awaitState(() -> {
                    try {
                        return Files.exists(bot.leads) && !Files.readString(bot.leads).isEmpty();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

                assertEquals(1, bot.api.botMessages(BotHarness.OWNER).size());
                assertFalse(bot.api.botMessages(BotHarness.OWNER).get(0).text().contains("Vera"));
                assertEquals(List.of(96L), bot.store.leads().completedSince(Instant.EPOCH).stream().map(l -> l.prospect().chatId()).toList());
                assertFalse(Files.readString(bot.leads).contains("Vera"), Files.readString(bot.leads));
                assertFalse(hook.requests().get(0).body().contains("Vera"));
                assertEquals(Optional.empty(), bot.store.conversations().conversation(95));
                assertTrue(bot.store.conversations().conversation(96).isPresent());
            }
        }
    }
}
