package dev.leadbot.telegram;

/**
 * A budget of calls: up to {@code burst} at once, then one every {@code nanosPerCall}. This is the
 * shape of Telegram's per-chat limit (short bursts pass, then about one message a second) and of
 * the bulk limit (about 30 a second). The credit is kept in nanoseconds and may go negative: a
 * 429's {@code retry_after} pushes it below zero, so the budget itself holds the pause. Not
 * thread-safe; callers hold its lock. Times are {@code System.nanoTime()}-like: compared by
 * difference only.
 */
final class TokenBucket {

    private final long nanosPerCall;
    private final long capacity;
    private long credit;
    private long last;

    TokenBucket(int burst, long nanosPerCall, long now) {
        this.nanosPerCall = nanosPerCall;
        this.capacity = burst * nanosPerCall;
        this.credit = capacity;
        this.last = now;
    }

    /** How long until a call may go at {@code now}; 0 when it may go now. */
    long waitNanos(long now) {
        refill(now);
        return Math.max(0, nanosPerCall - credit);
    }

    /** Spends one call; the caller has seen {@link #waitNanos} return 0. */
    void take(long now) {
        refill(now);
        credit -= nanosPerCall;
    }

    /**
     * Spends one call now, even ahead of the budget, and says how long to wait until it is covered:
     * a caller that then waits exactly that long needs no second look, so a thousand waiting callers
     * wake once each instead of every time a call frees up.
     */
    long reserve(long now) {
        refill(now);
        credit -= nanosPerCall;
        return Math.max(0, -credit);
    }

    /** After a 429: nothing goes before {@code until}, and then one call, not a whole burst. */
    void pauseUntil(long until, long now) {
        refill(now);
        credit = Math.min(credit, nanosPerCall - (until - now));
    }

    /** True when the budget is whole again: forgetting it would change nothing. */
    boolean full(long now) {
        refill(now);
        return credit >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - last;
        if (elapsed > 0) {
            credit = credit + elapsed >= capacity || credit + elapsed < credit ? capacity : credit + elapsed;
            last = now;
        }
    }
}
