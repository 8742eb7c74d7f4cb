package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstGoesAtOnceThenOneCallPerRefill() {
        long t = -5 * SECOND; // nanoTime may well be negative
        TokenBucket bucket = new TokenBucket(3, SECOND, t);

        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.waitNanos(t));
            bucket.take(t);
        }

        assertEquals(SECOND, bucket.waitNanos(t));
        assertEquals(SECOND / 4, bucket.waitNanos(t + 3 * SECOND / 4));
        assertEquals(0, bucket.waitNanos(t + SECOND));
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        long t = 0;
        TokenBucket bucket = new TokenBucket(2, SECOND, t);
        bucket.take(t);
        bucket.take(t);

        long later = t + 100 * SECOND;
        bucket.take(later);
        bucket.take(later);

        assertEquals(SECOND, bucket.waitNanos(later));
        assertEquals(true, bucket.full(later + 2 * SECOND));
    }

    @Test
    void aPauseAfterA429HoldsEvenAFullBucketAndThenAllowsOneCallNotABurst() {
        long t = Long.MAX_VALUE - SECOND / 2; // and may wrap around
        TokenBucket bucket = new TokenBucket(5, SECOND, t);

        bucket.pauseUntil(t + 2 * SECOND, t);

        assertEquals(2 * SECOND, bucket.waitNanos(t));
        assertEquals(0, bucket.waitNanos(t + 2 * SECOND));
        bucket.take(t + 2 * SECOND);
        assertEquals(SECOND, bucket.waitNanos(t + 2 * SECOND));
    }

    @Test
    void reservationsQueueUpOneRefillApart() {
        long t = 0;
        TokenBucket bucket = new TokenBucket(2, SECOND / 30, t);

        assertEquals(0, bucket.reserve(t));
        assertEquals(0, bucket.reserve(t));
        assertEquals(SECOND / 30, bucket.reserve(t));
        assertEquals(2 * (SECOND / 30), bucket.reserve(t));
    }
}
