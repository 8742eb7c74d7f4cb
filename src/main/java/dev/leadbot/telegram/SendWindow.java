package dev.leadbot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} sends in any rolling {@code windowNanos}: Telegram's limits are of this
 * shape (about 30 messages a second overall, about one a second per chat with short bursts).
 * Not thread-safe; callers hold its lock.
 */
final class SendWindow {

    private final int limit;
    private final long windowNanos;
    private final Deque<Long> sent = new ArrayDeque<>();
    private boolean paused;
    private long pausedUntil;

    SendWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** How long to wait before the next send may go at {@code now}; 0 when it may go now. */
    long waitNanos(long now) {
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
            sent.pollFirst();
        }
        long untilFree = sent.size() < limit ? 0 : sent.peekFirst() + windowNanos - now;
        // nanoTime values are compared by difference only: they may be negative and may wrap.
        long untilResumed = paused && pausedUntil - now > 0 ? pausedUntil - now : 0;
        return Math.max(untilFree, untilResumed);
    }

    void record(long now) {
        sent.addLast(now);
    }

    /** After a 429: nothing goes before {@code until}. */
    void pauseUntil(long until) {
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
        }
        paused = true;
    }
}
