package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.telegram.TelegramRendering;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leads that waited together reach the owner as one compact digest; a claim's edit keeps it compact; a tap opens one in full. */
class OwnerDigestInTelegramTest {

    @TempDir
    Path dir;

    @Test
    void leadsThatWaitedTogetherArriveCompactAndAClaimEditsTheDigestKeepingItCompact() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            // The owner chat's first summary hangs until the other two leads are stored, so those two wait together.
            FakeBotApi.Hold first = bot.api.hold("sendMessage", BotHarness.OWNER);
            Thread releaser = new Thread(() -> {
                first.awaitArrived();
                bot.api.awaitState(() -> storedLeads(bot) == 3);
                first.release();
            });
            releaser.start();
            List<Lead> leads = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна", "Борис", "Вера"));
            releaser.join();
            Lead boris = leads.get(1);
            Lead vera = leads.get(2);
            String compact = TelegramRendering.compact(boris) + "\n\n" + TelegramRendering.compact(vera);

            BotMessage digest = bot.awaitFirst(BotHarness.OWNER, m -> m.html().equals(compact));
            assertEquals(List.of(List.of("🙋 Беру · Борис", "💬 Написать · Борис"), List.of("🙋 Беру · Вера", "💬 Написать · Вера")),
                    digest.rows());

            FakeUser owner = bot.api.user(BotHarness.OWNER, "Иван");
            String press = owner.press(digest, "Беру · Борис");
            bot.api.awaitState(() -> bot.api.callbackAnswered(press));
            BotMessage claimed = bot.awaitFirst(BotHarness.OWNER, m -> m.id() == digest.id() && m.html().contains("🙋 Взял(а): Иван"));
            assertTrue(claimed.html().startsWith(TelegramRendering.compact(boris) + "\n🙋 Взял(а): Иван · "), claimed.html());
            assertTrue(claimed.html().endsWith("\n\n" + TelegramRendering.compact(vera)), claimed.html());
            assertEquals(List.of(List.of("✅ Сделка · Борис", "❌ Не лид · Борис"), List.of("💬 Написать · Борис"),
                    List.of("🙋 Беру · Вера", "💬 Написать · Вера")), claimed.rows());

            owner.send("/lead_" + vera.id().substring(0, 8));
            BotMessage full = bot.awaitFirst(BotHarness.OWNER, m -> m.id() > digest.id() && m.html().contains("<b>Новый лид</b>"));
            assertTrue(full.html().contains("представился: Вера") && full.html().contains("<code>" + vera.id() + "</code>"), full.html());
        }
    }

    private static int storedLeads(BotHarness bot) {
        try {
            return bot.store.leads().completedSince(Instant.EPOCH).size();
        } catch (dev.leadbot.store.StoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
