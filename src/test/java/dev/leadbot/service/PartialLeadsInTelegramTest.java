package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadJson;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.ProspectChat;
import dev.leadbot.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer's flow in Telegram on a clock the test moves: a prospect who gave consent and their name and then
 * went silent is reminded, abandoned by the service's follow-up timers, and becomes exactly one partial lead in the
 * owner chat and the leads file, also across a restart; one who comes back and finishes is a complete lead naming it.
 */
class PartialLeadsInTelegramTest {

    private static final String PARTIAL = "Неполная заявка";
    private static final Instant START = Instant.parse("2026-11-23T07:00:00Z"); // 10:00 in Moscow

    @TempDir
    Path dir;

    /** An owner who agreed to share their details and is asked their name: not past the point yet. */
    private static ProspectChat agreed(BotHarness bot) {
        ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna").username("anna_k"));
        chat.send("/start vk_ads", QualificationInTelegramTest.ROLE);
        chat.press("Я владелец бизнеса", "В какой сфере ваш бизнес?");
        chat.press("Товарный бизнес", "Что для вас сейчас важнее всего?");
        chat.press("Увеличить число заказов", QualificationInTelegramTest.CONTACT_INTRO);
        chat.press("Продолжить", "Как к вам обращаться?");
        return chat;
    }

    /** An owner who agreed and gave their name, then went silent at "how would you like us to reach you?". */
    private static ProspectChat silentPastThePoint(BotHarness bot) {
        ProspectChat chat = agreed(bot);
        chat.send("Пётр", "Как вам удобнее связаться?");
        return chat;
    }

    private static long count(BotHarness bot, FunnelEvent.Kind kind) throws Exception {
        return bot.store.funnel().events(Instant.EPOCH, false).stream().filter(e -> e.kind() == kind).count();
    }

    /** Moves the clock a quarter of an hour at a time, firing what is due as the service's thread does, until the conversation is abandoned. */
    private static void silentUntilAbandoned(BotHarness bot, TestClock clock) throws Exception {
        for (int quarter = 1; quarter <= 4 * 24 * 5 && count(bot, FunnelEvent.Kind.ABANDONED) == 0; quarter++) {
            clock.set(START.plus(Duration.ofMinutes(15L * quarter)));
            bot.service.followUpsDue();
        }
        assertEquals(1, count(bot, FunnelEvent.Kind.ABANDONED), "abandoned within five days of silence");
    }

    /** Moves the clock on by {@code days} from where it is, a quarter of an hour at a time, firing what is due. */
    private static void silentFor(BotHarness bot, TestClock clock, int days) {
        Instant from = clock.instant();
        for (int quarter = 1; quarter <= 4 * 24 * days; quarter++) {
            clock.set(from.plus(Duration.ofMinutes(15L * quarter)));
            bot.service.followUpsDue();
        }
    }

    private static List<Lead> leadsFile(BotHarness bot) throws Exception {
        return Files.readAllLines(bot.leads).stream().map(LeadJson::fromJson).toList();
    }

    @Test
    void aProspectSilentPastThePointIsOnePartialLeadInTheOwnerChatAndTheLeadsFileAlsoAfterARestart() throws Exception {
        TestClock clock = new TestClock(START);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            silentPastThePoint(bot);
            silentUntilAbandoned(bot, clock);

            BotMessage summary = bot.awaitFirst(BotHarness.OWNER, BotHarness.saying(PARTIAL));
            assertTrue(summary.html().startsWith("⏸ <b>Неполная заявка</b> · "), summary.html());
            assertTrue(summary.html().contains("\n⏸ Замолчал на вопросе: <i>Как вам удобнее связаться?</i>\n"), summary.html());
            assertTrue(summary.html().contains("• <b>Имя</b>: Пётр\n"), summary.html());
            bot.api.awaitState(() -> Files.exists(bot.leads) && dev.leadbot.testing.LeadFiles.lines(bot.leads) == 1);

            // A restart, and days more of silence: the timers are spent and the conversation is abandoned already.
            bot.restart();
            clock.set(START.plus(Duration.ofDays(9)));
            assertEquals(0, bot.service.followUpsDue());

            List<Lead> file = leadsFile(bot);
            assertEquals(1, file.size());
            assertTrue(file.get(0).partial());
            assertEquals("channel", file.get(0).stoppedAt().orElseThrow().node());
            assertEquals(1, bot.store.leads().completedSince(Instant.EPOCH).size());
            assertEquals(1, bot.api.botMessages(BotHarness.OWNER).stream().filter(BotHarness.saying(PARTIAL)).count(),
                    "one partial lead in the owner chat");
            assertEquals(0, bot.api.botMessages(BotHarness.OWNER).stream().filter(BotHarness.saying("Новый лид")).count());
        }
    }

    @Test
    void aProspectWhoComesBackAfterThePartialLeadAndFinishesIsACompleteLeadThatNamesIt() throws Exception {
        TestClock clock = new TestClock(START);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = silentPastThePoint(bot);
            silentUntilAbandoned(bot, clock);
            bot.awaitFirst(BotHarness.OWNER, BotHarness.saying(PARTIAL));
            String partialId = bot.store.leads().completedSince(Instant.EPOCH).get(0).id();
            // The reminders go out on the bulk lane: the prospect answers the last one, the one under it all.
            chat.expect("вчера мы не договорили");

            chat.press("Напишите мне в Telegram", "Когда вам удобно");
            chat.press("Утром", "Спасибо, Пётр");

            BotMessage complete = bot.awaitFirst(BotHarness.OWNER, BotHarness.saying("Новый лид"));
            assertTrue(complete.html().contains("\n✅ Дополняет неполную заявку <code>" + partialId + "</code>\n"), complete.html());
            bot.api.awaitState(() -> dev.leadbot.testing.LeadFiles.lines(bot.leads) == 2);
            List<Lead> file = leadsFile(bot);
            assertTrue(file.get(0).partial());
            assertFalse(file.get(1).partial());
            assertEquals(java.util.Optional.of(partialId), file.get(1).completes());
        }
    }

    @Test
    void aProspectSilentBeforeThePointIsAbandonedWithoutALeadAndIsOneOnceBackPastItAndSilentAgain() throws Exception {
        TestClock clock = new TestClock(START);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = agreed(bot);
            silentUntilAbandoned(bot, clock);

            assertEquals(List.of(), bot.store.leads().completedSince(Instant.EPOCH));
            assertEquals(List.of(), bot.api.botMessages(BotHarness.OWNER));

            chat.expect("вчера мы не договорили");
            chat.send("Пётр", "Как вам удобнее связаться?");
            silentFor(bot, clock, 5);

            BotMessage summary = bot.awaitFirst(BotHarness.OWNER, BotHarness.saying(PARTIAL));
            assertTrue(summary.html().contains("• <b>Имя</b>: Пётр\n"), summary.html());
            assertEquals(1, bot.store.leads().completedSince(Instant.EPOCH).size());
            assertEquals(1, count(bot, FunnelEvent.Kind.ABANDONED), "the funnel counts the conversation abandoned once");
        }
    }
}
