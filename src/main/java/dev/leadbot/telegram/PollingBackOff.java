package dev.leadbot.telegram;

import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Waits between failed getUpdates calls: 0.5 s doubling to 15 s, with jitter. The library's own
 * back-off grows to 15 minutes, far too long to notice that the Bot API is back.
 */
final class PollingBackOff implements BackOff {

    private static final long FIRST_MILLIS = 500;
    private static final long CAP_MILLIS = 15_000;

    private long next = FIRST_MILLIS;

    @Override
    public void reset() {
        next = FIRST_MILLIS;
    }

    @Override
    public long nextBackOffMillis() {
        long wait = next;
        next = Math.min(CAP_MILLIS, next * 2);
        return wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    }
}
