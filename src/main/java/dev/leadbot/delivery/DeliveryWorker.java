package dev.leadbot.delivery;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.CombiningSink;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Deliveries;
import dev.leadbot.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the stored leads to one sink, on a thread of its own so a slow or broken sink never
 * holds up another or the conversations. Retries on the {@link RetrySchedule}; a delivery that
 * fails for good, or for 24 hours, is marked dead and the owner is told.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;
    /**
     * Leads handed to a {@link CombiningSink} at once. An owner chat takes one message a second and each hand-over ends in a
     * part-filled message, so in a spike bigger hand-overs fill more of each message (about ten compact summaries fit one).
     */
    private static final int TOGETHER = 100;
    /** Looks at the table at least this often, so deliveries requeued by {@code leads --retry} go out without a restart. */
    private static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

    private final Deliveries deliveries;
    private final LeadSink sink;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Consumer<String> alert;
    private final ScheduledExecutorService thread;
    /** Whether {@link #thread} is this worker's alone (stopped with it), or shared by the workers of several bots. */
    private final boolean ownThread;
    /** One run at a time, also on shared threads: a wake-up during a run waits for it. */
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean closed;
    /** Whether a run failed part-way, leaving deliveries it claimed unsettled: the next run gives them back first. */
    private boolean claimsLeft;
    private ScheduledFuture<?> next;

    /** @param alert tells the owner about a delivery given up on; the text names the lead, the sink and the reason */
    public DeliveryWorker(Deliveries deliveries, LeadSink sink, Clock clock, Consumer<String> alert) {
        this(deliveries, sink, new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble()), clock, alert);
    }

    DeliveryWorker(Deliveries deliveries, LeadSink sink, RetrySchedule schedule, Clock clock, Consumer<String> alert) {
        this.deliveries = deliveries;
        this.sink = sink;
        this.schedule = schedule;
        this.clock = clock;
        this.alert = alert;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "deliver-" + sink.name()));
        // At close, a run under way finishes; runs only scheduled for later are dropped (their deliveries stay pending in the store).
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        this.ownThread = true;
    }

    /**
     * A worker on {@code threads} shared with other workers (of this bot and of the other bots of the process):
     * a bot's sinks cost no thread of their own while they wait, and a slow sink holds one shared thread at most.
     */
    public DeliveryWorker(Deliveries deliveries, LeadSink sink, Clock clock, Consumer<String> alert, ScheduledExecutorService threads) {
        this.deliveries = deliveries;
        this.sink = sink;
        this.schedule = new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
        this.alert = alert;
        this.thread = threads;
        this.ownThread = false;
    }

    /** Looks for due deliveries now: after a commit that stored new leads, and at start for those left from before. */
    public synchronized void wake() {
        reschedule(Duration.ZERO);
    }

    /**
     * Makes every delivery due at {@code now}; returns how many were attempted. The due deliveries are claimed first, so a
     * worker of another instance never takes the same ones; one that fails part-way leaves the rest claimed until the next.
     */
    int runOnce(Instant now) throws StoreException {
        if (claimsLeft) {
            // This worker is the store's only one for its sink, and no run of it is under way: the claims are the failed run's.
            deliveries.releaseClaims(sink.name());
            claimsLeft = false;
        }
        List<Lead> due = deliveries.claimDue(sink.name(), now, batch());
        claimsLeft = !due.isEmpty();
        deliver(due, now);
        claimsLeft = false;
        return due.size();
    }

    private void deliver(List<Lead> due, Instant now) throws StoreException {
        if (due.size() > 1 && sink instanceof CombiningSink combining) {
            together(combining, due, now);
            return;
        }
        for (Lead lead : due) {
            int attempt = deliveries.attempting(lead.id(), sink.name());
            Delivery outcome;
            try {
                outcome = sink.deliver(lead, attempt);
            } catch (RuntimeException e) {
                outcome = new Delivery.RetryLater(Optional.empty(), "the sink failed: " + e);
            }
            if (outcome instanceof Delivery.Delivered delivered) {
                deliveries.delivered(lead.id(), sink.name(), delivered.reference());
                logDelivered(lead.id(), delivered);
            } else {
                settleFailure(lead, attempt, outcome, now);
            }
        }
    }

    /**
     * Every due lead in one hand-over; those that arrived are recorded in one transaction, so a
     * crash before it leaves them all pending and they are sent again, never recorded twice.
     */
    private void together(CombiningSink combining, List<Lead> due, Instant now) throws StoreException {
        List<Integer> attempts = deliveries.attempting(due.stream().map(Lead::id).toList(), sink.name());
        List<Delivery> outcomes;
        try {
            outcomes = combining.deliverTogether(due);
        } catch (RuntimeException e) {
            outcomes = due.stream().<Delivery>map(lead -> new Delivery.RetryLater(Optional.empty(), "the sink failed: " + e)).toList();
        }
        Map<String, Optional<String>> delivered = new LinkedHashMap<>();
        for (int i = 0; i < due.size(); i++) {
            if (outcomes.get(i) instanceof Delivery.Delivered done) {
                delivered.put(due.get(i).id(), done.reference());
            }
        }
        if (!delivered.isEmpty()) {
            deliveries.delivered(delivered, sink.name());
        }
        for (int i = 0; i < due.size(); i++) {
            if (outcomes.get(i) instanceof Delivery.Delivered done) {
                logDelivered(due.get(i).id(), done);
            } else {
                settleFailure(due.get(i), attempts.get(i), outcomes.get(i), now);
            }
        }
    }

    private int batch() {
        return sink instanceof CombiningSink ? TOGETHER : BATCH;
    }

    private void logDelivered(String leadId, Delivery.Delivered delivered) {
        LOG.info("lead={} sink={} delivered{}", leadId, sink.name(), delivered.reference().map(r -> " as " + r).orElse(""));
    }

    private void settleFailure(Lead lead, int attempt, Delivery outcome, Instant now) throws StoreException {
        String id = lead.id();
        if (outcome instanceof Delivery.RetryLater later) {
            Optional<Instant> retry = schedule.next(attempt, later.after(), lead.completedAt(), now);
            if (retry.isPresent()) {
                deliveries.retryAt(id, sink.name(), retry.get(), later.reason());
                LOG.warn("lead={} sink={} attempt={} failed, retrying at {}: {}", id, sink.name(), attempt, retry.get(), later.reason());
            } else {
                giveUp(id, "still failing after 24 hours: " + later.reason());
            }
        } else {
            giveUp(id, ((Delivery.Failed) outcome).reason());
        }
    }

    private void giveUp(String leadId, String reason) throws StoreException {
        deliveries.dead(leadId, sink.name(), reason);
        LOG.error("lead={} sink={} given up: {}", leadId, sink.name(), reason);
        alert.accept("⚠️ Лид " + leadId + " не доставлен в «" + sink.name() + "»: " + reason
                + "\nПовторить: leadbot leads --retry " + leadId);
    }

    private void run() {
        running.lock();
        try {
            if (!closed) {
                runNow();
            }
        } finally {
            running.unlock();
        }
    }

    private void runNow() {
        synchronized (this) {
            next = null; // this run is under way; whatever it schedules comes after it
        }
        try {
            int attempted = runOnce(clock.instant());
            Optional<Instant> due = deliveries.nextDue(sink.name());
            if (attempted == batch()) {
                reschedule(Duration.ZERO);
            } else {
                Duration wait = due.map(at -> Duration.between(clock.instant(), at)).orElse(LOOK_AGAIN);
                reschedule(wait.compareTo(LOOK_AGAIN) > 0 ? LOOK_AGAIN : wait);
            }
        } catch (StoreException | RuntimeException e) {
            LOG.error("sink={} deliveries paused for a minute: {}", sink.name(), e.getMessage());
            reschedule(Duration.ofMinutes(1));
        }
    }

    private synchronized void reschedule(Duration delay) {
        if (closed || thread.isShutdown()) {
            return;
        }
        if (next != null && !next.isDone() && next.getDelay(TimeUnit.MILLISECONDS) <= Math.max(0, delay.toMillis())) {
            return; // an earlier run is already on its way
        }
        if (next != null) {
            next.cancel(false);
        }
        next = thread.schedule(this::run, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        if (!ownThread) {
            synchronized (this) {
                if (next != null) {
                    next.cancel(false);
                }
            }
            // A run under way finishes; the shared threads go on for the others.
            running.lock();
            running.unlock();
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
