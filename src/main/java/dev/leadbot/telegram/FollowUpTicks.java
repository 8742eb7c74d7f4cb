package dev.leadbot.telegram;

import dev.leadbot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What fires follow-up timers, on the bot's scheduled threads: every {@link #EVERY} it hands the timers due by now to the consumer, which
 * runs them through the schedule and the engine and commits each with its messages. It decides nothing itself: what a
 * timer does is the schedule's, when it is due is the store's.
 */
final class FollowUpTicks {

    /** How often due timers are looked for: a reminder is fired at most this late (the goal: sent within 2 s of its moment). */
    static final Duration EVERY = Duration.ofMillis(250);
    /** Timers fired in one transaction. */
    private static final int AT_ONCE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTicks.class);

    private final Store store;
    private final UpdateConsumer consumer;
    private final Clock clock;
    private Optional<ScheduledFuture<?>> ticking = Optional.empty();
    private boolean stopped;

    FollowUpTicks(Store store, UpdateConsumer consumer, Clock clock) {
        this.store = store;
        this.consumer = consumer;
        this.clock = clock;
    }

    /** Looks for due timers on {@code threads} (shared with other work) from now on, until {@link #stop()}. */
    synchronized void start(ScheduledExecutorService threads) {
        ticking = Optional.of(threads.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                // The thread must go on: a failure here would end every later reminder.
                LOG.error("follow-ups could not be fired", e);
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** No more looking for due timers; a look under way finishes first, so the store can be closed after this. */
    synchronized void stop() {
        stopped = true;
        ticking.ifPresent(future -> future.cancel(false));
    }

    /** Fires every timer due by the clock's now, in batches; returns how many (none once stopped). */
    synchronized int tick() {
        if (stopped) {
            return 0;
        }
        int fired = 0;
        while (true) {
            int handled = consumer.followUps(() -> store.dueFollowUps(clock.instant(), AT_ONCE));
            fired += handled;
            if (handled < AT_ONCE) {
                return fired;
            }
        }
    }
}
