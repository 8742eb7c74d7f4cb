package dev.leadbot.sink.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests in any window of {@code window}: a caller waits for its turn.
 * Time and waiting are passed in, so a test can check the limit on a virtual clock.
 */
public final class RequestRate {

    /** Waits {@code nanos}; the real one sleeps. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final Deque<Long> recent = new ArrayDeque<>();

    public RequestRate(int limit, Duration window, LongSupplier nanos, Sleeper sleeper) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanos = nanos;
        this.sleeper = sleeper;
    }

    /** {@code limit} requests a second on the real clock. */
    public static RequestRate perSecond(int limit) {
        return new RequestRate(limit, Duration.ofSeconds(1), System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    /** No limit: for destinations that state none. */
    public static RequestRate unlimited() {
        return new RequestRate(Integer.MAX_VALUE, Duration.ofSeconds(1), System::nanoTime, n -> { });
    }

    /** Returns when a request may be made, and counts it. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = nanos.getAsLong();
            while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
                recent.pollFirst();
            }
            if (recent.size() < limit) {
                recent.addLast(now);
                return;
            }
            sleeper.sleep(windowNanos - (now - recent.peekFirst()));
        }
    }
}
