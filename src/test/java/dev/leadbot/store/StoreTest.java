package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Conversation;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The store's behaviour, the same on SQLite and on PostgreSQL: each test runs once on each. */
class StoreTest extends OnEachStore {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    static final Conversation MIDWAY = new Conversation(
            new Prospect(42, 4242, Optional.of("anna_k"), "Anna", Optional.empty(), "ru"), Optional.of("vk_ads"),
            Instant.parse("2026-11-22T09:58:00.123456789Z"), "features", 7,
            List.of(Answer.of("role", "role", "expert", "🎯 Я маркетолог"),
                    new Answer("extras", "extras", List.of("a", "b"), "A и B"),
                    Answer.of("concept", "concept", "line\nbreak \"quoted\" <b>", "line\nbreak \"quoted\" <b>")),
            List.of("greeting", "role", "features"), List.of("crm", "sheets"), List.of("greeting"), Conversation.Status.ASKING, 5);

    @Test
    void aConversationSurvivesClosingAndReopeningExactly() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            batch.handled(1001);
            batch.handled(1000);
            store.commit("qualification", batch);
        }
        try (Store store = Store.open(database, CLOCK)) {
            assertEquals(Optional.of(MIDWAY), store.conversation(42));
            assertEquals(OptionalLong.of(1001), store.lastUpdateId());
            assertEquals(Optional.empty(), store.conversation(43));
        }
    }

    @Test
    void repliesWaitInOrderUntilSentAndForgetRemovesEverythingOfTheChat() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            batch.put(43, MIDWAY);
            batch.send(42, List.of("first", "second"));
            batch.send(43, List.of("other"));
            batch.send(42, List.of("third"));
            List<Outgoing> committed = store.commit("qualification", batch);
            store.sent(committed.get(0), Optional.of(new Store.QuestionMessage(7, 555)));

            assertEquals(List.of("first", "second", "other", "third"), committed.stream().map(Outgoing::payload).toList());
            assertEquals(List.of("second", "other", "third"), store.unsent().stream().map(Outgoing::payload).toList());
            assertEquals(Optional.of(555), store.questionMessage(42, 7));
            assertEquals(4, store.forget(42).total());
            assertEquals(Optional.empty(), store.conversation(42));
            assertEquals(Optional.empty(), store.questionMessage(42, 7));
            assertEquals(List.of("other"), store.unsent().stream().map(Outgoing::payload).toList());
            assertEquals(Optional.of(MIDWAY), store.conversation(43));
        }
    }

    @Test
    void aManagersConversationWithAProspectIsKeptWithTheLeadSurvivesReopeningAndGoesWithForget() throws Exception {
        Lead lead = dev.leadbot.sink.SinkFixtures.lead(1);
        long prospect = lead.prospect().chatId();
        try (Store store = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.completed(lead);
            batch.dialog(new DialogChange.Opened(prospect, lead.id(), "Клиент 1", "Иван"));
            batch.dialog(new DialogChange.Writing(1000, prospect));
            batch.dialog(new DialogChange.Writing(1001, prospect));
            batch.dialog(new DialogChange.Said(lead.id(), DialogChange.Kind.TO_PROSPECT, "Иван", "Здравствуйте"));
            batch.dialog(new DialogChange.Writing(1002, 999_999));
            batch.dialog(new DialogChange.Said("no-such-lead", DialogChange.Kind.FROM_PROSPECT, "x", "y"));
            store.commit("qualification", batch);
        }
        try (Store store = Store.open(database, CLOCK)) {
            assertEquals(List.of(new Store.OpenDialog(prospect, lead.id(), "Клиент 1", "Иван", List.of(1000L, 1001L))), store.openDialogs());
            assertEquals(List.of(new Store.DialogLine(CLOCK.instant(), DialogChange.Kind.TO_PROSPECT, "Иван", "Здравствуйте")),
                    store.dialog(lead.id()));
            Batch closing = new Batch();
            closing.dialog(new DialogChange.Closed(prospect));
            store.commit("qualification", closing);
            assertEquals(List.of(), store.openDialogs());

            Batch again = new Batch();
            again.dialog(new DialogChange.Opened(prospect, lead.id(), "Клиент 1", "Ольга"));
            store.commit("qualification", again);
            store.forget(prospect);
            assertEquals(List.of(), store.openDialogs());
            assertEquals(List.of(), store.dialog(lead.id()));
        }
    }

    @Test
    void aRemovalInABatchDeletesTheConversation() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch first = new Batch();
            first.put(42, MIDWAY);
            store.commit("qualification", first);
            Batch second = new Batch();
            second.remove(42);
            store.commit("qualification", second);

            assertEquals(Optional.empty(), store.conversation(42));
        }
    }

    @Test
    void aForgetInABatchDeletesEverythingOfTheChatInItsOwnTransactionKeepingItsConfirmation() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch first = new Batch(List.of("crm"));
            first.put(42, MIDWAY);
            first.put(43, MIDWAY);
            first.completed(LEAD);
            first.send(42, List.of("question"));
            List<Outgoing> committed = store.commit("qualification", first);
            store.sent(committed.get(0), Optional.of(new Store.QuestionMessage(7, 555)));
            store.ownerMessage(new Store.OwnerMessage(1, 900, List.of(LEAD.id())));
            first = new Batch();
            first.send(42, List.of("not sent yet"));
            store.commit("qualification", first);

            Batch forget = new Batch(List.of("crm"));
            forget.forget(42);
            forget.send(42, List.of("deleted"));
            store.commit("qualification", forget);

            assertEquals(Optional.empty(), store.conversation(42));
            assertEquals(List.of(), store.leads(Instant.EPOCH));
            assertEquals(List.of(), store.claimDue("crm", Instant.parse("2030-01-01T00:00:00Z"), 10));
            assertEquals(List.of(), store.ownerMessagesShowing(LEAD.id()));
            assertEquals(Optional.empty(), store.questionMessage(42, 7));
            assertEquals(List.of("deleted"), store.unsent().stream().map(Outgoing::payload).toList());
            assertEquals(Optional.of(MIDWAY), store.conversation(43));
        }
    }

    @Test
    void aForgetThenANewConversationInOneBatchDeletesTheOldDataAndKeepsTheNewState() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch first = new Batch(List.of("crm"));
            first.put(42, MIDWAY);
            first.completed(LEAD);
            store.commit("qualification", first);
            Conversation fresh = new Conversation(MIDWAY.prospect(), Optional.empty(), Instant.parse("2026-11-22T10:00:00Z"), "role", 1,
                    List.of(), List.of("greeting", "role"), List.of(), List.of(), Conversation.Status.ASKING, 5);

            Batch again = new Batch(List.of("crm"));
            again.forget(42);
            again.put(42, fresh);
            store.commit("qualification", again);

            assertEquals(Optional.of(fresh), store.conversation(42));
            assertEquals(List.of(), store.leads(Instant.EPOCH));
            assertEquals(List.of(), store.claimDue("crm", Instant.parse("2030-01-01T00:00:00Z"), 10));
        }
    }

    @Test
    void aSecondInstanceIsRefusedNamingTheDatabase() throws Exception {
        try (Store first = Store.open(database, CLOCK)) {
            assertEquals(database, first.database());
            StoreException e = assertThrows(StoreException.class, () -> Store.open(database, CLOCK));
            assertEquals(database + " is in use by another running leadbot; stop that one first (two bots on one token would also take"
                    + " each other's updates)", e.getMessage());
        }
        Store.open(database, CLOCK).close();
    }

    @Test
    void aCommitOnAClosedStoreReportsAStoreException() throws Exception {
        Store store = Store.open(database, CLOCK);
        store.close();
        Batch batch = new Batch();
        batch.put(42, MIDWAY);

        StoreException e = assertThrows(StoreException.class, () -> store.commit("qualification", batch));

        assertTrue(e.getMessage().startsWith("cannot commit 1 conversations in " + database), e.getMessage());
    }

    static final dev.leadbot.lead.Lead LEAD = new dev.leadbot.lead.Lead("lead-42", "qualification", MIDWAY.prospect(), MIDWAY.source(),
            MIDWAY.answers(), 50, List.of("owner", "hot"), MIDWAY.path(),
            new dev.leadbot.lead.Contact(Optional.of("Анна"), Optional.of("+79161234567"), Optional.empty(), Optional.of("anna_k")),
            MIDWAY.startedAt(), Instant.parse("2026-11-22T10:01:00Z"));

    @Test
    void aLeadIsStoredWithItsBatchOnceEvenWhenTheBatchIsReplayed() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            batch.completed(LEAD);
            store.commit("qualification", batch);
            store.commit("qualification", batch);

            assertEquals(List.of(LEAD), store.leads(Instant.EPOCH));
            assertEquals(List.of(), store.leads(Instant.parse("2026-11-22T10:02:00Z")));
            assertEquals(2, store.forget(42).total());
            assertEquals(List.of(), store.leads(Instant.EPOCH));
        }
    }

    @Test
    void aClaimPressIsCommittedWithItsUpdatesOffsetOrNotAtAllSoACrashNeverLosesIt() throws Exception {
        Instant at = Instant.parse("2026-11-22T10:05:00Z");
        LeadMove ivanTakes = new LeadMove(LEAD.id(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Иван"), Optional.of(at)));
        try (Store bot = Store.open(database, CLOCK)) {
            Lead other = dev.leadbot.sink.SinkFixtures.lead(1);
            Batch finished = new Batch();
            finished.completed(LEAD);
            finished.completed(other);
            finished.handled(6);
            bot.commit("qualification", finished);
            bot.changedElsewhere();

            // A commit that fails (here: overtaken by another program's write) keeps neither the offset nor the press.
            Batch press = new Batch();
            press.handled(7);
            press.move(ivanTakes);
            try (Store tools = Store.openForTools(database, CLOCK)) {
                tools.moveLead(new LeadMove(other.id(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Пётр"),
                        Optional.of(at))));
            }
            assertThrows(StoreException.class, () -> bot.commit("qualification", press));
            assertEquals(OptionalLong.of(6), bot.lastUpdateId());
            assertEquals(Handling.NEW, bot.handling(List.of(LEAD.id())).get(LEAD.id()));
            assertThrows(IllegalStateException.class, () -> press.outcome(ivanTakes));

            // Telegram sends the update again; committed, it keeps both.
            bot.changedElsewhere();
            Batch again = new Batch();
            again.handled(7);
            again.move(ivanTakes);
            bot.commit("qualification", again);
            assertEquals(Optional.of(new Store.Move(true, ivanTakes.next())), again.outcome(ivanTakes));
        }
        // Killed right after that commit, before answering the press or editing a summary: the press is kept with its update.
        try (Store bot = Store.open(database, CLOCK)) {
            assertEquals(OptionalLong.of(7), bot.lastUpdateId());
            assertEquals(ivanTakes.next(), bot.handling(List.of(LEAD.id())).get(LEAD.id()));

            Batch both = new Batch();
            LeadMove olgaTakes = new LeadMove(LEAD.id(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Ольга"),
                    Optional.of(at.plusSeconds(1))));
            LeadMove won = new LeadMove(LEAD.id(), Handling.Status.TAKEN, new Handling(Handling.Status.WON, Optional.empty(),
                    Optional.of(at.plusSeconds(2))));
            both.move(olgaTakes);
            both.move(won);
            both.handled(8);
            bot.commit("qualification", both);
            assertEquals(Optional.of(new Store.Move(false, ivanTakes.next())), both.outcome(olgaTakes), "Ольга is told Иван was first");
            Handling deal = new Handling(Handling.Status.WON, Optional.of("Иван"), Optional.of(at.plusSeconds(2)));
            assertEquals(Optional.of(new Store.Move(true, deal)), both.outcome(won), "the manager who took it stays its manager");

            Batch gone = new Batch();
            LeadMove forgotten = new LeadMove("no-such-lead", Handling.Status.NEW, ivanTakes.next());
            gone.move(forgotten);
            bot.commit("qualification", gone);
            assertEquals(Optional.empty(), gone.outcome(forgotten));
        }
    }

    @Test
    void theOwnersToolsReadBesideARunningBot() throws Exception {
        try (Store bot = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.completed(LEAD);
            bot.commit("qualification", batch);

            try (Store tools = Store.openForTools(database, CLOCK)) {
                assertEquals(List.of(LEAD), tools.leads(Instant.EPOCH));
            }
        }
    }

    @Test
    void aQuestionMessageForgottenByTheOwnersToolsIsNotFoundOnceTheBotHasSeenTheirWrite() throws Exception {
        try (Store bot = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            batch.send(42, List.of("first"));
            List<Outgoing> committed = bot.commit("qualification", batch);
            assertFalse(bot.changedElsewhere());
            bot.sent(committed.get(0), Optional.of(new Store.QuestionMessage(7, 555)));
            assertEquals(Optional.of(555), bot.questionMessage(42, 7));

            try (Store tools = Store.openForTools(database, CLOCK)) {
                tools.forget(42);
            }

            assertTrue(bot.changedElsewhere());
            assertEquals(Optional.empty(), bot.questionMessage(42, 7));
        }
    }

    @Test
    void aForgetByTheOwnersToolsIsSeenAndRefusesABatchWorkedOutBeforeIt() throws Exception {
        try (Store bot = Store.open(database, CLOCK)) {
            Batch first = new Batch();
            first.put(42, MIDWAY);
            bot.commit("qualification", first);
            assertFalse(bot.changedElsewhere());
            bot.commit("qualification", first);
            assertFalse(bot.changedElsewhere(), "the bot's own commits do not count");

            try (Store tools = Store.openForTools(database, CLOCK)) {
                tools.forget(42);
            }
            Batch stale = new Batch();
            stale.put(42, MIDWAY);
            StoreException refused = assertThrows(StoreException.class, () -> bot.commit("qualification", stale));

            assertTrue(refused.changedElsewhere());
            assertEquals("another program changed " + database + " while 1 chats were handled; nothing committed, the updates are handled"
                    + " again", refused.getMessage());
            assertEquals(Optional.empty(), bot.conversation(42));
            assertTrue(bot.changedElsewhere());
            assertFalse(bot.changedElsewhere());
            bot.commit("qualification", stale);
            assertEquals(Optional.of(MIDWAY), bot.conversation(42));
        }
    }


    /** A clock that answers {@code readings} times, then throws: a failure from inside a batch's transaction that is no SQLException. */
    private static final class FailingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);

        void failAfter(int more) {
            readings.set(more);
        }

        @Override
        public Instant instant() {
            if (readings.getAndDecrement() <= 0) {
                throw new IllegalStateException("the clock broke");
            }
            return CLOCK.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aBatchThatFailsHalfWayWithoutAnSqlErrorLeavesNothingStoredAndTheStoreWorksOn() throws Exception {
        FailingClock clock = new FailingClock();
        try (Store store = Store.open(database, clock)) {
            Batch kept = new Batch();
            kept.put(43, MIDWAY);
            store.commit("qualification", kept);

            Batch broken = new Batch();
            broken.forget(43);
            broken.put(42, MIDWAY);
            broken.put(44, MIDWAY);
            broken.handled(1000);
            clock.failAfter(1);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.commit("qualification", broken));

            assertEquals("the clock broke", thrown.getMessage());
            assertEquals(Optional.of(MIDWAY), store.conversation(43), "the forget of the failed batch is not committed");
            assertEquals(Optional.empty(), store.conversation(42), "nor its first conversation");
            assertEquals(OptionalLong.empty(), store.lastUpdateId());
            clock.failAfter(Integer.MAX_VALUE);
            Batch next = new Batch();
            next.put(42, MIDWAY);
            store.commit("qualification", next);
        }
        try (Store store = Store.open(database, CLOCK)) {
            assertEquals(Optional.of(MIDWAY), store.conversation(42));
            assertEquals(Optional.of(MIDWAY), store.conversation(43));
            assertEquals(OptionalLong.empty(), store.lastUpdateId());
        }
    }
}
