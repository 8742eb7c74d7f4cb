package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void sendsWithinTheLimitGoAtOnceAndTheNextWaitsForTheOldestToLeaveTheWindow() {
        SendWindow window = new SendWindow(3, SECOND);
        long t = -5 * SECOND; // nanoTime may well be negative

        for (int i = 0; i < 3; i++) {
            assertEquals(0, window.waitNanos(t + i));
            window.record(t + i);
        }

        assertEquals(SECOND - 3, window.waitNanos(t + 3));
        assertEquals(0, window.waitNanos(t + SECOND));
    }

    @Test
    void aPauseAfterA429HoldsEvenWhenTheWindowIsEmpty() {
        SendWindow window = new SendWindow(30, SECOND);
        long t = Long.MAX_VALUE - SECOND / 2; // and may wrap around

        window.pauseUntil(t + 2 * SECOND);

        assertEquals(2 * SECOND, window.waitNanos(t));
        assertEquals(0, window.waitNanos(t + 2 * SECOND));
    }

    @Test
    void aShorterPauseNeverCutsALongerOne() {
        SendWindow window = new SendWindow(30, SECOND);

        window.pauseUntil(5 * SECOND);
        window.pauseUntil(2 * SECOND);

        assertEquals(5 * SECOND, window.waitNanos(0));
    }

    @Test
    void aFreshWindowNeverWaits() {
        assertEquals(0, new SendWindow(1, SECOND).waitNanos(Long.MIN_VALUE + 7));
    }
}
