package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.followup.Due;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.followup.Silence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Follow-up timers live in the store: committed with the step that sets them, read back exactly, gone with the chat. */
class FollowUpLogTest extends OnEachStore {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static FollowUpTimer reminder(long chat, int attempt, Duration in) {
        Silence silence = attempt == 1 ? Silence.from(T0) : new Silence(T0, attempt - 1, Optional.of(T0.plusSeconds(900)));
        return new FollowUpTimer(chat, new Due.Reminder(attempt, T0.plus(in)), silence);
    }

    private Store store() throws StoreException {
        return Store.open(database, CLOCK);
    }

    @Test
    void timersAreCommittedWithTheirStepAndComeDueInOrder() throws Exception {
        try (Store store = store()) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.followUp(42, Optional.of(reminder(42, 2, Duration.ofHours(3))));
            batch.put(43, StoreTest.MIDWAY);
            batch.followUp(43, Optional.of(new FollowUpTimer(43, new Due.Abandon(T0.plus(Duration.ofMinutes(15))), Silence.from(T0))));
            store.commit("qualification", batch);

            assertEquals(Optional.of(T0.plus(Duration.ofMinutes(15))), store.followUps().next());
            assertEquals(List.of(), store.followUps().due(T0.plus(Duration.ofMinutes(14)), 10));
            assertEquals(List.of(new FollowUpTimer(43, new Due.Abandon(T0.plus(Duration.ofMinutes(15))), Silence.from(T0)),
                    reminder(42, 2, Duration.ofHours(3))), store.followUps().due(T0.plus(Duration.ofDays(1)), 10));
            assertEquals(1, store.followUps().due(T0.plus(Duration.ofDays(1)), 1).size());
        }
    }

    @Test
    void aLaterStepReplacesOrCancelsTheTimer() throws Exception {
        try (Store store = store()) {
            Batch first = new Batch();
            first.put(42, StoreTest.MIDWAY);
            first.followUp(42, Optional.of(reminder(42, 1, Duration.ofMinutes(15))));
            store.commit("qualification", first);
            Batch rescheduled = new Batch();
            rescheduled.put(42, StoreTest.MIDWAY);
            rescheduled.followUp(42, Optional.of(reminder(42, 1, Duration.ofMinutes(20))));
            store.commit("qualification", rescheduled);
            assertEquals(List.of(reminder(42, 1, Duration.ofMinutes(20))), store.followUps().due(T0.plus(Duration.ofDays(1)), 10));
            Batch finished = new Batch();
            finished.put(42, StoreTest.MIDWAY);
            finished.followUp(42, Optional.empty());
            store.commit("qualification", finished);
            assertEquals(Optional.empty(), store.followUps().next());
        }
    }

    @Test
    void forgettingABlockedOrRemovedChatTakesItsTimerWithIt() throws Exception {
        try (Store store = store()) {
            Batch batch = new Batch();
            for (long chat : List.of(42L, 43L, 44L, 45L)) {
                batch.put(chat, StoreTest.MIDWAY);
                batch.followUp(chat, Optional.of(reminder(chat, 1, Duration.ofMinutes(15))));
            }
            store.commit("qualification", batch);

            assertEquals(new Store.Forgotten(1, 0, 0, 0, 0, 1), store.forget(42));
            store.followUps().cancel(43);
            Batch declined = new Batch();
            declined.remove(44);
            Batch forgottenInTelegram = declined;
            forgottenInTelegram.forget(45);
            store.commit("qualification", forgottenInTelegram);
            assertEquals(List.of(), store.followUps().due(T0.plus(Duration.ofDays(1)), 10));
        }
    }

    @Test
    void aLookBeforeTheEarliestTimerNeedsNoDatabaseUntilAnEarlierOneIsCommitted() throws Exception {
        try (Store store = store()) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.followUp(42, Optional.of(reminder(42, 1, Duration.ofMinutes(15))));
            store.commit("qualification", batch);
            assertEquals(true, store.followUps().mayBeDue(T0), "nothing looked at yet");

            assertEquals(List.of(), store.followUps().due(T0, 10));
            assertEquals(false, store.followUps().mayBeDue(T0.plus(Duration.ofMinutes(14))));
            assertEquals(true, store.followUps().mayBeDue(T0.plus(Duration.ofMinutes(15))));

            Batch sooner = new Batch();
            sooner.put(43, StoreTest.MIDWAY);
            sooner.followUp(43, Optional.of(reminder(43, 1, Duration.ofMinutes(5))));
            store.commit("qualification", sooner);
            assertEquals(false, store.followUps().mayBeDue(T0.plus(Duration.ofMinutes(4))));
            assertEquals(true, store.followUps().mayBeDue(T0.plus(Duration.ofMinutes(5))));
            assertEquals(List.of(reminder(43, 1, Duration.ofMinutes(5))), store.followUps().due(T0.plus(Duration.ofMinutes(5)), 10));
        }
    }

    @Test
    void anotherProgramsWriteMakesTheNextLookAskTheDatabase() throws Exception {
        try (Store store = store()) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.followUp(42, Optional.of(reminder(42, 1, Duration.ofMinutes(15))));
            store.commit("qualification", batch);
            store.conversations().changedElsewhere();
            assertEquals(List.of(), store.followUps().due(T0, 10));
            try (Store tools = Store.openForTools(database, CLOCK)) {
                tools.forget(42);
            }
            assertEquals(true, store.conversations().changedElsewhere());
            assertEquals(true, store.followUps().mayBeDue(T0));
            assertEquals(List.of(), store.followUps().due(T0.plus(Duration.ofDays(1)), 10));
            assertEquals(false, store.followUps().mayBeDue(T0.plus(Duration.ofDays(365))), "no timer at all is left");
        }
    }
}
