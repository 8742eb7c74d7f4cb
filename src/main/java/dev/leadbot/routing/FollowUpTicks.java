package dev.leadbot.routing;

import dev.leadbot.followup.Due;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.followup.Silence;
import dev.leadbot.store.FollowUpLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
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
public final class FollowUpTicks {

    /** How often due timers are looked for: a reminder is fired at most this late (the goal: sent within 2 s of its moment). */
    static final Duration EVERY = Duration.ofMillis(250);
    /** Timers fired in one transaction. */
    private static final int AT_ONCE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTicks.class);

    /** What fires the timers a look finds: the consumer's {@link UpdateConsumer#followUps}; returns how many it handled. */
    interface Firing {
        int fire(UpdateConsumer.DueFollowUps due);
    }

    private final FollowUpLog followUps;
    private final Firing consumer;
    private final Clock clock;
    private final Queue<Long> blocked;
    private Optional<ScheduledFuture<?>> ticking = Optional.empty();
    private boolean stopped;
    /** Looks that failed in a row: the first is logged with its stack trace, the rest are quiet until one succeeds. */
    private long failedInARow;

    /** @param blocked chats whose prospect just blocked the bot: each is fired at once (the router turns it into the abandonment) */
    public FollowUpTicks(FollowUpLog followUps, UpdateConsumer consumer, Clock clock, Queue<Long> blocked) {
        this(followUps, consumer::followUps, clock, blocked);
    }

    FollowUpTicks(FollowUpLog followUps, Firing consumer, Clock clock, Queue<Long> blocked) {
        this.followUps = followUps;
        this.consumer = consumer;
        this.clock = clock;
        this.blocked = blocked;
    }

    /** Looks for due timers on {@code threads} (shared with other work) from now on, until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService threads) {
        ticking = Optional.of(threads.scheduleWithFixedDelay(this::tick, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** No more looking for due timers; a look under way finishes first, so the store can be closed after this. */
    public synchronized void stop() {
        stopped = true;
        ticking.ifPresent(future -> future.cancel(false));
    }

    /**
     * Fires every timer due by the clock's now, in batches; returns how many (none once stopped). A failure never escapes:
     * on the scheduled thread it would end every later reminder. An outage (the database down) fails four times a second,
     * so only its first failure is logged, and its end in one line.
     */
    public synchronized int tick() {
        if (stopped) {
            return 0;
        }
        try {
            int fired = fireAll();
            if (failedInARow > 0) {
                LOG.info("follow-ups fire again after {} failed look{}", failedInARow, failedInARow == 1 ? "" : "s");
                failedInARow = 0;
            }
            return fired;
        } catch (RuntimeException e) {
            if (failedInARow++ == 0) {
                LOG.error("follow-ups could not be fired: {} (tried again every {} ms; logged once they fire again)", e.getMessage(),
                        EVERY.toMillis(), e);
            }
            return 0;
        }
    }

    private int fireAll() {
        int fired = 0;
        List<Long> justBlocked = new ArrayList<>();
        for (Long chat = blocked.poll(); chat != null; chat = blocked.poll()) {
            justBlocked.add(chat);
        }
        if (!justBlocked.isEmpty()) {
            // Their stored timers stay: should this commit fail, each still fires, as a blocked chat's, when it comes due.
            Instant now = clock.instant();
            fired += consumer.fire(() -> justBlocked.stream().map(chat -> new FollowUpTimer(chat, new Due.Abandon(now),
                    Silence.from(now))).toList());
        }
        // Most looks find nothing due, and the store knows so without asking the database: then the consumer is not held up.
        while (followUps.mayBeDue(clock.instant())) {
            int handled = consumer.fire(() -> followUps.due(clock.instant(), AT_ONCE));
            fired += handled;
            if (handled < AT_ONCE) {
                return fired;
            }
        }
        return fired;
    }
}
