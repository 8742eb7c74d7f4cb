package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The leads and what the team did with them, on SQLite and on PostgreSQL. */
class LeadStoreTest extends OnEachStore {

    @Test
    void aLeadIsStoredWithItsBatchOnceEvenWhenTheBatchIsReplayed() throws Exception {
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.completed(StoreTest.LEAD);
            store.commit("qualification", batch);
            store.commit("qualification", batch);

            assertEquals(List.of(StoreTest.LEAD), store.leads().completedSince(Instant.EPOCH));
            assertEquals(List.of(), store.leads().completedSince(Instant.parse("2026-11-22T10:02:00Z")));
            assertEquals(2, store.forget(42).total());
            assertEquals(List.of(), store.leads().completedSince(Instant.EPOCH));
        }
    }

    @Test
    void aClaimPressIsCommittedWithItsUpdatesOffsetOrNotAtAllSoACrashNeverLosesIt() throws Exception {
        Instant at = Instant.parse("2026-11-22T10:05:00Z");
        LeadMove ivanTakes = new LeadMove(StoreTest.LEAD.id(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Иван"), Optional.of(at)));
        try (Store bot = Store.open(database, StoreTest.CLOCK)) {
            Lead other = dev.leadbot.sink.SinkFixtures.lead(1);
            Batch finished = new Batch();
            finished.completed(StoreTest.LEAD);
            finished.completed(other);
            finished.handled(6);
            bot.commit("qualification", finished);
            bot.conversations().changedElsewhere();

            // A commit that fails (here: overtaken by another program's write) keeps neither the offset nor the press.
            Batch press = new Batch();
            press.handled(7);
            press.move(ivanTakes);
            try (Store tools = Store.openForTools(database, StoreTest.CLOCK)) {
                tools.leads().move(new LeadMove(other.id(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Пётр"),
                        Optional.of(at))));
            }
            assertThrows(StoreException.class, () -> bot.commit("qualification", press));
            assertEquals(OptionalLong.of(6), bot.lastUpdateId());
            assertEquals(Handling.NEW, bot.leads().handling(List.of(StoreTest.LEAD.id())).get(StoreTest.LEAD.id()));
            assertThrows(IllegalStateException.class, () -> press.outcome(ivanTakes));

            // Telegram sends the update again; committed, it keeps both.
            bot.conversations().changedElsewhere();
            Batch again = new Batch();
            again.handled(7);
            again.move(ivanTakes);
            bot.commit("qualification", again);
            assertEquals(Optional.of(new LeadStore.Move(true, ivanTakes.next())), again.outcome(ivanTakes));
        }
        // Killed right after that commit, before answering the press or editing a summary: the press is kept with its update.
        try (Store bot = Store.open(database, StoreTest.CLOCK)) {
            assertEquals(OptionalLong.of(7), bot.lastUpdateId());
            assertEquals(ivanTakes.next(), bot.leads().handling(List.of(StoreTest.LEAD.id())).get(StoreTest.LEAD.id()));

            Batch both = new Batch();
            LeadMove olgaTakes = new LeadMove(StoreTest.LEAD.id(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Ольга"),
                    Optional.of(at.plusSeconds(1))));
            LeadMove won = new LeadMove(StoreTest.LEAD.id(), Handling.Status.TAKEN, new Handling(Handling.Status.WON, Optional.empty(),
                    Optional.of(at.plusSeconds(2))));
            both.move(olgaTakes);
            both.move(won);
            both.handled(8);
            bot.commit("qualification", both);
            assertEquals(Optional.of(new LeadStore.Move(false, ivanTakes.next())), both.outcome(olgaTakes), "Ольга is told Иван was first");
            Handling deal = new Handling(Handling.Status.WON, Optional.of("Иван"), Optional.of(at.plusSeconds(2)));
            assertEquals(Optional.of(new LeadStore.Move(true, deal)), both.outcome(won), "the manager who took it stays its manager");

            Batch gone = new Batch();
            LeadMove forgotten = new LeadMove("no-such-lead", Handling.Status.NEW, ivanTakes.next());
            gone.move(forgotten);
            bot.commit("qualification", gone);
            assertEquals(Optional.empty(), gone.outcome(forgotten));
        }
    }

    @Test
    void theOwnersToolsReadBesideARunningBot() throws Exception {
        try (Store bot = Store.open(database, StoreTest.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(StoreTest.LEAD);
            bot.commit("qualification", batch);

            try (Store tools = Store.openForTools(database, StoreTest.CLOCK)) {
                assertEquals(List.of(StoreTest.LEAD), tools.leads().completedSince(Instant.EPOCH));
            }
        }
    }
}
