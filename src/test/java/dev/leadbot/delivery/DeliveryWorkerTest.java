package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Deliveries;
import dev.leadbot.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryWorkerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Lead LEAD = new Lead("lead-1", "qualification", new Prospect(42, 42, Optional.empty(), "Anna", Optional.empty(), "ru"),
            Optional.empty(), List.of(), 10, List.of(), List.of(), new Contact(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()), T0, T0);

    /** Answers from a script, then delivers; counts what it was given. */
    private static final class ScriptedSink implements LeadSink {
        private final String name;
        private final List<Delivery> script;
        final List<String> received = new ArrayList<>();
        final List<Integer> attempts = new ArrayList<>();

        ScriptedSink(String name, List<Delivery> script) {
            this.name = name;
            this.script = new ArrayList<>(script);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized Delivery deliver(Lead lead, int attempt) {
            received.add(lead.id());
            attempts.add(attempt);
            return script.isEmpty() ? new Delivery.Delivered(Optional.of("crm-7")) : script.remove(0);
        }
    }

    @TempDir
    Path dir;

    private Store store;
    private final List<String> alerts = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = Store.open(dir.resolve("leadbot.db"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void storeLead(String... sinks) throws Exception {
        Batch batch = new Batch(List.of(sinks));
        batch.completed(LEAD);
        store.commit("qualification", batch);
    }

    private DeliveryWorker worker(LeadSink sink) {
        return new DeliveryWorker(store.deliveries(), sink, new RetrySchedule(() -> 0.5), Clock.fixed(T0, ZoneOffset.UTC), alerts::add);
    }

    private static Delivery retry(String reason) {
        return new Delivery.RetryLater(Optional.empty(), reason);
    }

    @Test
    void aSinkThatFailsTwiceThenSucceedsGetsTheLeadExactlyOnceMore() throws Exception {
        ScriptedSink crm = new ScriptedSink("crm", List.of(retry("503"), retry("timeout")));
        storeLead("crm");
        DeliveryWorker worker = worker(crm);

        assertEquals(1, worker.runOnce(T0));
        assertEquals(Optional.of(T0.plusSeconds(5)), store.deliveries().nextDue("crm"));
        assertEquals(0, worker.runOnce(T0.plusSeconds(4)));
        assertEquals(1, worker.runOnce(T0.plusSeconds(5)));
        assertEquals(Optional.of(T0.plusSeconds(15)), store.deliveries().nextDue("crm"));
        assertEquals(1, worker.runOnce(T0.plusSeconds(15)));
        assertEquals(0, worker.runOnce(T0.plus(Duration.ofDays(2))));

        assertEquals(List.of("lead-1", "lead-1", "lead-1"), crm.received);
        assertEquals(List.of(1, 2, 3), crm.attempts);
        assertEquals(Optional.empty(), store.deliveries().nextDue("crm"));
        assertEquals(List.of(), alerts);
        worker.close();
    }

    @Test
    void anAttemptCutShortByACrashStillCountsSoTheNextOneLooksTheLeadUpFirst() throws Exception {
        ScriptedSink crm = new ScriptedSink("crm", List.of());
        storeLead("crm");
        store.deliveries().attempting("lead-1", "crm"); // the process died while this attempt waited for the CRM

        worker(crm).runOnce(T0);

        assertEquals(List.of(2), crm.attempts);
    }

    @Test
    void aSinkThatAlwaysFailsIsGivenUpAfterADayAndTheOwnerIsToldOnce() throws Exception {
        List<Delivery> failures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            failures.add(retry("503 Service Unavailable"));
        }
        ScriptedSink crm = new ScriptedSink("crm", failures);
        storeLead("crm");
        DeliveryWorker worker = worker(crm);

        Instant now = T0;
        while (true) {
            worker.runOnce(now);
            Optional<Instant> next = store.deliveries().nextDue("crm");
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }

        assertTrue(now.isBefore(T0.plus(Duration.ofHours(24))), now.toString());
        assertEquals(1, store.deliveries().deadDeliveries().size());
        assertEquals("still failing after 24 hours: 503 Service Unavailable", store.deliveries().deadDeliveries().get(0).lastError());
        assertEquals(List.of("⚠️ Лид lead-1 не доставлен в «crm»: still failing after 24 hours: 503 Service Unavailable"
                + "\nПовторить: leadbot leads --retry lead-1"), alerts);
        assertTrue(crm.received.size() > 15 && crm.received.size() < 30, crm.received.size() + " attempts");
        worker.close();
    }

    @Test
    void aPermanentFailureIsGivenUpAtOnceAndCanBeRequeued() throws Exception {
        ScriptedSink crm = new ScriptedSink("crm", List.of(new Delivery.Failed("401: the API key is wrong")));
        storeLead("crm");
        DeliveryWorker worker = worker(crm);

        worker.runOnce(T0);
        assertEquals(List.of(new Deliveries.Dead("lead-1", "crm", 1, "401: the API key is wrong")), store.deliveries().deadDeliveries());
        assertEquals(1, alerts.size());

        assertEquals(1, store.deliveries().requeue(Optional.of("lead-1")));
        worker.runOnce(T0);
        assertEquals(List.of(), store.deliveries().deadDeliveries());
        assertEquals(2, crm.received.size());
        worker.close();
    }

    @Test
    void aHangingSinkDoesNotDelayAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LeadSink hanging = new LeadSink() {
            @Override
            public String name() {
                return "slow-crm";
            }

            @Override
            public Delivery deliver(Lead lead, int attempt) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Delivery.Delivered(Optional.empty());
            }
        };
        CountDownLatch delivered = new CountDownLatch(1);
        LeadSink quick = new LeadSink() {
            @Override
            public String name() {
                return "jsonl";
            }

            @Override
            public Delivery deliver(Lead lead, int attempt) {
                delivered.countDown();
                return new Delivery.Delivered(Optional.empty());
            }
        };
        storeLead("slow-crm", "jsonl");

        try (DeliveryWorker slow = worker(hanging); DeliveryWorker fast = worker(quick)) {
            slow.wake();
            fast.wake();
            assertTrue(delivered.await(60, TimeUnit.SECONDS), "the quick sink waited for the hanging one");
            release.countDown();
        }
    }
}
