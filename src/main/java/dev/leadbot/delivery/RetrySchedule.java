package dev.leadbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: 5 s, doubling to at most 2 h, ±20 % jitter so many leads
 * do not retry in step; a sink's own "retry after" wins when longer. After 24 h from the lead's
 * completion it gives up.
 */
final class RetrySchedule {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration LONGEST = Duration.ofHours(2);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) for the jitter */
    RetrySchedule(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * The next attempt after {@code attempts} failed ones, or empty when it is time to give up.
     *
     * @param asked the delay the sink asked for, if any
     */
    Optional<Instant> next(int attempts, Optional<Duration> asked, Instant completedAt, Instant now) {
        long base = Math.min(LONGEST.toMillis(), FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20));
        long jittered = Math.round(base * (0.8 + 0.4 * random.getAsDouble()));
        Duration delay = asked.filter(a -> a.toMillis() > jittered).orElse(Duration.ofMillis(jittered));
        Instant next = now.plus(delay);
        return next.isAfter(completedAt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
    }
}
