package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Conversation;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the store does across its tables (a batch, a forget, opening and closing), the same on SQLite and on PostgreSQL: each test runs once on each. */
class StoreTest extends OnEachStore {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    static final Conversation MIDWAY = new Conversation(
            new Prospect(42, 4242, Optional.of("anna_k"), "Anna", Optional.empty(), "ru"), Optional.of("vk_ads"),
            Instant.parse("2026-11-22T09:58:00.123456789Z"), "features", 7,
            List.of(Answer.of("role", "role", "expert", "🎯 Я маркетолог"),
                    new Answer("extras", "extras", List.of("a", "b"), "A и B"),
                    Answer.of("concept", "concept", "line\nbreak \"quoted\" <b>", "line\nbreak \"quoted\" <b>")),
            List.of("greeting", "role", "features"), List.of("crm", "sheets"), List.of("greeting"), Conversation.Status.ASKING, 5);

    @Test
    void aForgetInABatchDeletesEverythingOfTheChatInItsOwnTransactionKeepingItsConfirmation() throws Exception {
        try (Store store = Store.open(database, CLOCK)) {
            Batch first = new Batch(List.of("crm"));
            first.put(42, MIDWAY);
            first.put(43, MIDWAY);
            first.completed(LEAD);
            first.send(42, List.of("question"));
            List<Outgoing> committed = store.commit("qualification", first);
            store.replies().sent(committed.get(0), Optional.of(new ReplyStore.QuestionMessage(7, 555)));
            store.ownerMessages().record(new OwnerMessageStore.OwnerMessage(1, 900, List.of(LEAD.id())));
            first = new Batch();
            first.send(42, List.of("not sent yet"));
            store.commit("qualification", first);

            Batch forget = new Batch(List.of("crm"));
            forget.forget(42);
            forget.send(42, List.of("deleted"));
            store.commit("qualification", forget);

            assertEquals(Optional.empty(), store.conversations().conversation(42));
            assertEquals(List.of(), store.leads().completedSince(Instant.EPOCH));
            assertEquals(List.of(), store.deliveries().claimDue("crm", Instant.parse("2030-01-01T00:00:00Z"), 10));
            assertEquals(List.of(), store.ownerMessages().showing(LEAD.id()));
            assertEquals(Optional.empty(), store.replies().questionMessage(42, 7));
            assertEquals(List.of("deleted"), store.replies().unsent().stream().map(Outgoing::payload).toList());
            assertEquals(Optional.of(MIDWAY), store.conversations().conversation(43));
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

            assertEquals(Optional.of(fresh), store.conversations().conversation(42));
            assertEquals(List.of(), store.leads().completedSince(Instant.EPOCH));
            assertEquals(List.of(), store.deliveries().claimDue("crm", Instant.parse("2030-01-01T00:00:00Z"), 10));
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

    static final Lead LEAD = new Lead("lead-42", "qualification", MIDWAY.prospect(), MIDWAY.source(),
            MIDWAY.answers(), 50, List.of("owner", "hot"), MIDWAY.path(),
            new dev.leadbot.lead.Contact(Optional.of("Анна"), Optional.of("+79161234567"), Optional.empty(), Optional.of("anna_k")),
            MIDWAY.startedAt(), Instant.parse("2026-11-22T10:01:00Z"));

    @Test
    void aForgetByTheOwnersToolsIsSeenAndRefusesABatchWorkedOutBeforeIt() throws Exception {
        try (Store bot = Store.open(database, CLOCK)) {
            Batch first = new Batch();
            first.put(42, MIDWAY);
            bot.commit("qualification", first);
            assertFalse(bot.conversations().changedElsewhere());
            bot.commit("qualification", first);
            assertFalse(bot.conversations().changedElsewhere(), "the bot's own commits do not count");

            try (Store tools = Store.openForTools(database, CLOCK)) {
                tools.forget(42);
            }
            Batch stale = new Batch();
            stale.put(42, MIDWAY);
            StoreException refused = assertThrows(StoreException.class, () -> bot.commit("qualification", stale));

            assertTrue(refused.changedElsewhere());
            assertEquals("another program changed " + database + " while 1 chats were handled; nothing committed, the updates are handled"
                    + " again", refused.getMessage());
            assertEquals(Optional.empty(), bot.conversations().conversation(42));
            assertTrue(bot.conversations().changedElsewhere());
            assertFalse(bot.conversations().changedElsewhere());
            bot.commit("qualification", stale);
            assertEquals(Optional.of(MIDWAY), bot.conversations().conversation(42));
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
            assertEquals(Optional.of(MIDWAY), store.conversations().conversation(43), "the forget of the failed batch is not committed");
            assertEquals(Optional.empty(), store.conversations().conversation(42), "nor its first conversation");
            assertEquals(OptionalLong.empty(), store.lastUpdateId());
            clock.failAfter(Integer.MAX_VALUE);
            Batch next = new Batch();
            next.put(42, MIDWAY);
            store.commit("qualification", next);
        }
        try (Store store = Store.open(database, CLOCK)) {
            assertEquals(Optional.of(MIDWAY), store.conversations().conversation(42));
            assertEquals(Optional.of(MIDWAY), store.conversations().conversation(43));
            assertEquals(OptionalLong.empty(), store.lastUpdateId());
        }
    }

    /** A call on one table's store, for a thread of its own. */
    private interface Call {
        Object run() throws StoreException;
    }

    @Test
    void eachTablesStoreWaitsForTheOneSessionWhileAnotherStoreUsesIt() throws Exception {
        Instant at = Instant.parse("2026-11-22T09:59:00Z");
        try (Store store = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            batch.record(List.of(new FunnelEvent(FunnelEvent.Kind.STARTED, 42, at, "qualification", "0a1b2c3d", at, 0, "greeting",
                    Optional.empty(), Optional.empty(), Optional.empty())));
            store.commit("qualification", batch);
            List<Call> calls = List.of(() -> store.conversations().conversation(42), () -> store.replies().unsent(),
                    () -> store.leads().latest(1), () -> store.ownerMessages().leadsShownIn(1, 1), () -> store.dialogs().open(),
                    () -> store.deliveries().nextDue("crm"), () -> store.followUps().next(), () -> store.forget(43));
            List<Thread> others = new ArrayList<>();
            List<Thread.State> whileHeld = new ArrayList<>();
            List<Object> answers = java.util.Collections.synchronizedList(new ArrayList<>());

            store.funnel().events(Instant.EPOCH, false, event -> {
                // Inside the funnel's read, which holds the session: every other store's call waits for it to end.
                for (Call call : calls) {
                    Thread other = new Thread(() -> {
                        try {
                            answers.add(call.run());
                        } catch (StoreException e) {
                            answers.add(e);
                        }
                    });
                    other.start();
                    others.add(other);
                    Thread.State state = other.getState();
                    while (state == Thread.State.NEW || state == Thread.State.RUNNABLE) {
                        Thread.onSpinWait();
                        state = other.getState();
                    }
                    whileHeld.add(state);
                }
            });
            for (Thread other : others) {
                other.join();
            }

            assertEquals(java.util.Collections.nCopies(calls.size(), Thread.State.BLOCKED), whileHeld);
            assertEquals(calls.size(), answers.size());
            assertFalse(answers.stream().anyMatch(StoreException.class::isInstance), answers.toString());
        }
    }
}
