package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.sink.CombiningSink;
import dev.leadbot.sink.Delivery;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leads handed to a sink together (an owner's digest): recorded together, resent after a crash, never recorded twice. */
class CombinedDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    /** The process dying in the instant after the destination accepted the digest. */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Accepts every hand-over (records which leads it carried); can crash the process right after accepting one. */
    private static final class DigestSink implements CombiningSink {
        final List<List<String>> accepted = new ArrayList<>();
        final List<Integer> attemptsSeen = new ArrayList<>();
        boolean crashAfterAccepting;

        @Override
        public String name() {
            return "owner-telegram:1000";
        }

        @Override
        public Delivery deliver(Lead lead, int attempt) {
            attemptsSeen.add(attempt);
            return deliverTogether(List.of(lead)).get(0);
        }

        @Override
        public List<Delivery> deliverTogether(List<Lead> leads) {
            accepted.add(leads.stream().map(Lead::id).toList());
            if (crashAfterAccepting) {
                throw new Crash();
            }
            return leads.stream().<Delivery>map(lead -> new Delivery.Delivered(Optional.of("message " + accepted.size()))).toList();
        }
    }

    @TempDir
    Path dir;

    private static Lead lead(String id, long chat) {
        return new Lead(id, "qualification", new Prospect(chat, chat, Optional.empty(), "Anna", Optional.empty(), "ru"), Optional.empty(),
                List.of(), 10, List.of(), List.of(), new Contact(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                T0, T0);
    }

    private void storeLeads(Store store, String sink, String... ids) throws Exception {
        Batch batch = new Batch(List.of(sink));
        for (int i = 0; i < ids.length; i++) {
            batch.completed(lead(ids[i], 40 + i));
        }
        store.commit("qualification", batch);
    }

    @Test
    void leadsWaitingTogetherGoInOneHandOverAndAreAllRecorded() throws Exception {
        DigestSink owner = new DigestSink();
        try (Store store = Store.open(dir.resolve("leadbot.db"), CLOCK)) {
            storeLeads(store, owner.name(), "lead-1", "lead-2", "lead-3");
            DeliveryWorker worker = new DeliveryWorker(store.deliveries(), owner, CLOCK, alert -> { });

            assertEquals(3, worker.runOnce(T0));
            assertEquals(0, worker.runOnce(T0));
            worker.close();

            assertEquals(List.of(List.of("lead-1", "lead-2", "lead-3")), owner.accepted);
            assertEquals(Optional.empty(), store.deliveries().nextDue(owner.name()));
        }
    }

    @Test
    void aCrashBetweenACombinedSummaryBeingAcceptedAndRecordedSendsItAgainAndRecordsEachLeadOnce() throws Exception {
        DigestSink owner = new DigestSink();
        Path file = dir.resolve("leadbot.db");
        try (Store store = Store.open(file, CLOCK)) {
            storeLeads(store, owner.name(), "lead-1", "lead-2", "lead-3");
            owner.crashAfterAccepting = true;
            assertThrows(Crash.class, () -> new DeliveryWorker(store.deliveries(), owner, CLOCK, alert -> { }).runOnce(T0));
        }
        owner.crashAfterAccepting = false;

        try (Store restarted = Store.open(file, CLOCK)) {
            DeliveryWorker worker = new DeliveryWorker(restarted.deliveries(), owner, CLOCK, alert -> { });
            assertEquals(3, worker.runOnce(T0));
            assertEquals(0, worker.runOnce(T0.plusSeconds(3600)));
            worker.close();

            assertEquals(List.of(List.of("lead-1", "lead-2", "lead-3"), List.of("lead-1", "lead-2", "lead-3")), owner.accepted);
            assertEquals(Optional.empty(), restarted.deliveries().nextDue(owner.name()));
            assertEquals(List.of(), restarted.deliveries().deadDeliveries());
            assertEquals(3, restarted.leads().completedSince(Instant.EPOCH).size());
        }
    }

    @Test
    void aSpikeIsHandedOverAHundredLeadsAtATimeSoFewMessagesGoPartFilled() throws Exception {
        DigestSink owner = new DigestSink();
        try (Store store = Store.open(dir.resolve("leadbot.db"), CLOCK)) {
            storeLeads(store, owner.name(), java.util.stream.IntStream.range(0, 150).mapToObj(n -> String.format("lead-%03d", n))
                    .toArray(String[]::new));
            DeliveryWorker worker = new DeliveryWorker(store.deliveries(), owner, CLOCK, alert -> { });

            assertEquals(100, worker.runOnce(T0));
            assertEquals(50, worker.runOnce(T0));
            worker.close();

            assertEquals(List.of(100, 50), owner.accepted.stream().map(List::size).toList());
        }
    }

    @Test
    void aLoneLeadIsHandedOverByItselfWithItsAttemptNumber() throws Exception {
        DigestSink owner = new DigestSink();
        try (Store store = Store.open(dir.resolve("leadbot.db"), CLOCK)) {
            storeLeads(store, owner.name(), "lead-1");
            DeliveryWorker worker = new DeliveryWorker(store.deliveries(), owner, CLOCK, alert -> { });

            worker.runOnce(T0);
            worker.close();

            assertEquals(List.of(List.of("lead-1")), owner.accepted);
            assertEquals(List.of(1), owner.attemptsSeen);
        }
    }
}
