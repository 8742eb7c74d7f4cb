package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.ProspectChat;
import dev.leadbot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole conversations with the customer's flow on a clock the test moves: reminders after 15 minutes, 3 hours and a
 * day, each with the question's buttons; nothing from 21:00 to 09:00 Moscow time; abandoned a day after the last. Each
 * check fires the timers due at the clock's now, as the service's thread does, and then looks at what the prospect got.
 */
class FollowUpsInTelegramTest {

    private static final String FIRST = "мы остановились на полпути";
    private static final String SECOND = "Возвращаюсь к нашему разговору";
    private static final String THIRD = "вчера мы не договорили";
    private static final String OWNER_BUTTON = "Я владелец бизнеса";

    @TempDir
    Path dir;

    /** 10:00 in Moscow: a reminder 15 minutes, 3 hours and a day after it is in the day. */
    private static final Instant TEN = moscow("2026-11-23T10:00:00");

    /** The bot on {@code clock}, with Anna at the first question. */
    private BotHarness askedAt(TestClock clock) throws Exception {
        BotHarness bot = new BotHarness(dir, clock);
        new ProspectChat(bot.api, bot.api.user(42, "Anna")).send("/start", QualificationInTelegramTest.ROLE);
        bot.awaitSettled();
        return bot;
    }

    private static Instant moscow(String dateTime) {
        return Instant.parse(dateTime + "Z").minus(Duration.ofHours(3));
    }

    private static long count(BotHarness bot, FunnelEvent.Kind kind) throws Exception {
        return bot.store.funnel().events(Instant.EPOCH, false).stream().filter(e -> e.kind() == kind).count();
    }

    /**
     * Fires what is due at {@code at} and waits until what it sent was sent or refused; the number fired by this call (the
     * service's own thread may have fired them first).
     */
    private static int at(BotHarness bot, TestClock clock, Instant at) {
        clock.set(at);
        int fired = bot.service.followUpsDue();
        bot.awaitSettled();
        return fired;
    }

    /** Anna, a B2B owner, gives consent and her name (the customer's partial-lead point) and is asked how to reach her. */
    private static ProspectChat answeredUpToHerName(BotHarness bot) {
        ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
        chat.send("/start", QualificationInTelegramTest.ROLE);
        chat.press(OWNER_BUTTON, "В какой сфере");
        chat.press("B2B-компания", "Что для вас сейчас важнее всего?");
        chat.press("Квалифицировать входящие заявки", "Давайте обсудим");
        chat.press("Продолжить", "Как к вам обращаться?");
        chat.send("Анна", "Как вам удобнее");
        return chat;
    }

    private static BotMessage reminder(BotHarness bot, long chat, String text, int messages) {
        List<BotMessage> all = bot.awaitCount(chat, messages);
        BotMessage last = BotHarness.last(all);
        assertTrue(last.text().contains(text), last.text());
        return last;
    }

    @Test
    void aSilentProspectGetsEachReminderAtItsTimeWithTheButtonsNothingAtNightAndIsAbandonedOnce() throws Exception {
        TestClock clock = new TestClock(moscow("2026-11-23T20:50:00"));
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            assertEquals(1, bot.api.botMessages(42).size());

            // 21:05 is the first reminder's moment, but the quiet hours have begun: nothing, all night.
            for (String night : List.of("2026-11-23T21:05:00", "2026-11-24T03:00:00", "2026-11-24T08:59:59")) {
                assertEquals(0, at(bot, clock, moscow(night)), night);
            }
            assertEquals(0, count(bot, FunnelEvent.Kind.FOLLOWED_UP));
            assertEquals(1, bot.api.botMessages(42).size());

            at(bot, clock, moscow("2026-11-24T09:00:00"));
            BotMessage first = reminder(bot, 42, FIRST, 2);
            assertTrue(first.text().startsWith("Anna, мы остановились на полпути"), first.text());
            assertTrue(first.text().endsWith(QualificationInTelegramTest.ROLE), first.text());
            assertTrue(first.buttons().stream().anyMatch(b -> b.contains(OWNER_BUTTON)), first.buttons().toString());
            assertEquals(List.of(), bot.api.botMessages(42).get(0).buttons(), "the earlier copy lost its buttons");

            // The second keeps its 2h45m after the first; the third its 21h after that, which is night again: 09:00.
            assertEquals(0, at(bot, clock, moscow("2026-11-24T11:44:59")));
            at(bot, clock, moscow("2026-11-24T11:45:00"));
            reminder(bot, 42, SECOND, 3);
            assertEquals(0, at(bot, clock, moscow("2026-11-25T08:59:59")));
            at(bot, clock, moscow("2026-11-25T09:00:00"));
            reminder(bot, 42, THIRD, 4);
            at(bot, clock, moscow("2026-11-26T09:00:00"));
            assertEquals(0, at(bot, clock, moscow("2026-12-26T09:00:00")));

            assertEquals(3, count(bot, FunnelEvent.Kind.FOLLOWED_UP));
            assertEquals(1, count(bot, FunnelEvent.Kind.ABANDONED));
            assertEquals(Optional.empty(), bot.store.followUps().next());
            assertEquals(4, bot.api.botMessages(42).size(), "the question and three reminders, each once");

            // One tap on the last reminder continues the conversation.
            chat.press(OWNER_BUTTON, "В какой сфере");
        }
    }

    @Test
    void anyActivityStartsTheSilenceAgainAtTheQuestionTheProspectIsAt() throws Exception {
        Instant start = moscow("2026-11-23T10:00:00");
        TestClock clock = new TestClock(start);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            clock.set(start.plus(Duration.ofMinutes(10)));
            chat.press(OWNER_BUTTON, "В какой сфере");
            int shown = bot.api.botMessages(42).size();

            assertEquals(0, at(bot, clock, start.plus(Duration.ofMinutes(15))));
            assertEquals(0, at(bot, clock, start.plus(Duration.ofMinutes(24))));
            assertEquals(shown, bot.api.botMessages(42).size());
            at(bot, clock, start.plus(Duration.ofMinutes(25)));
            BotMessage first = reminder(bot, 42, FIRST, shown + 1);
            assertTrue(first.text().contains("В какой сфере"), first.text());

            // A sticker is activity too: the count starts again from it, at the first reminder.
            clock.set(start.plus(Duration.ofMinutes(30)));
            chat.user.sendSticker();
            bot.api.await(42, messages -> messages.size() > shown + 1);
            int afterSticker = bot.api.botMessages(42).size();
            assertEquals(0, at(bot, clock, start.plus(Duration.ofMinutes(44))));
            assertEquals(afterSticker, bot.api.botMessages(42).size());
            at(bot, clock, start.plus(Duration.ofMinutes(30 + 15)));
            reminder(bot, 42, FIRST, afterSticker + 1);
        }
    }

    @Test
    void aReminderDueWhileTheBotWasDownGoesOnceAfterTheRestart() throws Exception {
        Instant start = TEN;
        TestClock clock = new TestClock(start);
        try (BotHarness bot = askedAt(clock)) {
            // Down from 10:05 to 12:00: the 10:15 reminder is late by less than the flow's 6 hours.
            bot.restart((store, flow) -> clock.set(start.plus(Duration.ofHours(2))));
            bot.service.followUpsDue();
            reminder(bot, 42, FIRST, 2);
            assertEquals(0, bot.service.followUpsDue());
            assertEquals(1, count(bot, FunnelEvent.Kind.FOLLOWED_UP));
            // The second keeps its gap from when the first went: 2h45m after 12:00.
            assertEquals(0, at(bot, clock, start.plus(Duration.ofMinutes(120 + 164))));
            at(bot, clock, start.plus(Duration.ofMinutes(120 + 165)));
            reminder(bot, 42, SECOND, 3);
            assertEquals(3, bot.api.botMessages(42).size());
        }
    }

    @Test
    void aReminderLaterThanTheFlowAllowsIsDroppedAndOnlyTheNextOneInTimeGoes() throws Exception {
        Instant start = TEN;
        TestClock clock = new TestClock(start);
        try (BotHarness bot = askedAt(clock)) {
            // Back at 16:16: the 10:15 reminder is over 6 hours late and dropped; the 13:00 one is in time and goes.
            bot.restart((store, flow) -> clock.set(start.plus(Duration.ofMinutes(6 * 60 + 16))));
            bot.service.followUpsDue();
            reminder(bot, 42, SECOND, 2);
            assertEquals(0, bot.service.followUpsDue());
            assertEquals(1, count(bot, FunnelEvent.Kind.FOLLOWED_UP));
            assertEquals(2, bot.api.botMessages(42).size());
        }
    }

    @Test
    void aProspectWhoBlockedTheBotGetsNothingMore() throws Exception {
        Instant start = TEN;
        TestClock clock = new TestClock(start);
        try (BotHarness bot = askedAt(clock)) {
            bot.api.block(42);
            // Settled: the reminder's calls refused and given up on, its timer and the next one gone.
            at(bot, clock, start.plus(Duration.ofMinutes(15)));
            assertTrue(bot.api.forbidden() >= 1, "the reminder was refused");
            // The refusal is turned into the abandonment by the next look for due follow-ups (the service's own, or this one).
            bot.service.followUpsDue();
            assertEquals(Optional.empty(), bot.store.followUps().next());
            int refused = bot.api.forbidden();
            assertEquals(0, at(bot, clock, start.plus(Duration.ofDays(3))));
            assertEquals(refused, bot.api.forbidden(), "nothing more after the refused reminder");
            assertEquals(1, count(bot, FunnelEvent.Kind.FOLLOWED_UP));
            // Blocked before the partial-lead point: abandoned at once, and no lead of it.
            assertEquals(1, count(bot, FunnelEvent.Kind.ABANDONED));
            assertEquals(0, BotHarness.leadsIn(bot.api.botMessages(BotHarness.OWNER)));
        }
    }

    @Test
    void aProspectWhoGaveTheirPhoneThenBlockedTheBotBecomesOnePartialLeadAtOnceAndGetsNothing() throws Exception {
        TestClock clock = new TestClock(TEN);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = answeredUpToHerName(bot);
            chat.press("Позвоните мне", "Нажмите кнопку");
            chat.send("+7 701 555 12 34", "Когда вам удобно");
            int asked = bot.api.botMessages(42).size();

            bot.api.block(42);
            // The first reminder is refused: the abandonment comes at once, not a day after the last reminder.
            at(bot, clock, moscow("2026-11-23T10:15:00"));
            List<BotMessage> owner = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Неполная заявка"));
            assertTrue(owner.stream().anyMatch(m -> m.text().contains("+77015551234")), owner.toString());
            bot.api.awaitState(() -> {
                try {
                    return bot.store.replies().unsent().isEmpty() && bot.store.followUps().next().isEmpty();
                } catch (dev.leadbot.store.StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            int refused = bot.api.forbidden();
            assertEquals(0, at(bot, clock, moscow("2026-11-28T10:00:00")));
            assertEquals(1, BotHarness.leadsIn(bot.api.botMessages(BotHarness.OWNER)));
            assertEquals(1, count(bot, FunnelEvent.Kind.ABANDONED));
            assertEquals(asked, bot.api.botMessages(42).size(), "nothing reached the chat that blocked the bot");
            assertEquals(refused, bot.api.forbidden(), "nothing more was even tried after the refused reminder");
        }
    }

    @Test
    void aProspectWhoSaidForgetGetsNothingMore() throws Exception {
        Instant start = moscow("2026-11-23T10:00:00");
        TestClock clock = new TestClock(start);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            chat.send("/forget", "Удалить все ваши ответы и контакты из бота?");
            chat.press("Да, удалить", "Готово");
            int messages = bot.api.botMessages(42).size();
            assertEquals(Optional.empty(), bot.store.followUps().next());
            assertEquals(0, at(bot, clock, start.plus(Duration.ofDays(3))));
            assertEquals(messages, bot.api.botMessages(42).size());
            assertEquals(List.of(), bot.store.funnel().events(Instant.EPOCH, false));
        }
    }

    @Test
    void aFinishedConversationIsNotFollowedUp() throws Exception {
        Instant start = moscow("2026-11-23T10:00:00");
        TestClock clock = new TestClock(start);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            chat.press("Я пока просто изучаю", "");
            chat.send("/restart", QualificationInTelegramTest.ROLE);
            assertTrue(bot.store.followUps().next().isPresent(), "a conversation at a question has a reminder coming");
        }
    }

    @Test
    void aProspectWhoGaveTheirNameAndWentSilentIsRemindedThenBecomesOnePartialLead() throws Exception {
        TestClock clock = new TestClock(TEN);
        try (BotHarness bot = new BotHarness(dir, clock)) {
            ProspectChat chat = answeredUpToHerName(bot);
            int asked = bot.api.botMessages(42).size();

            for (String moment : List.of("2026-11-23T10:15:00", "2026-11-23T13:00:00", "2026-11-24T10:00:00")) {
                at(bot, clock, moscow(moment));
            }
            bot.awaitCount(42, asked + 3);
            at(bot, clock, moscow("2026-11-25T10:00:00"));
            List<BotMessage> owner = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Неполная заявка"));
            assertEquals(0, at(bot, clock, moscow("2026-11-28T10:00:00")));
            assertEquals(1, BotHarness.leadsIn(bot.api.botMessages(BotHarness.OWNER)), owner.toString());
            assertEquals(1, count(bot, FunnelEvent.Kind.ABANDONED));
            assertEquals(asked + 3, bot.api.botMessages(42).size(), "three reminders, and nothing to the prospect on abandoning");
            bot.api.user(BotHarness.OWNER, "Owner").send("/stats");
            bot.api.awaitState(() -> !bot.api.photos(BotHarness.OWNER).isEmpty());
            String caption = bot.api.photos(BotHarness.OWNER).get(0).caption();
            assertTrue(caption.contains("\nНапоминаний замолчавшим: 3 · бросили после них: 1\n"), caption);

            // Back days later: one tap on the last reminder's buttons continues, and the complete lead follows.
            chat.press("Напишите мне в Telegram", "Когда вам удобно");
            chat.press("Вечером", "Спасибо, Анна!");
            bot.api.await(BotHarness.OWNER, all -> BotHarness.leadsIn(all) >= 2);
        }
    }
}
