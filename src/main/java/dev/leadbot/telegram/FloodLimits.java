package dev.leadbot.telegram;

import java.time.Duration;

/**
 * Telegram's flood control as the outbox paces for it (see {@link Outbox} for the sources): each
 * chat takes {@code chatBurst} messages at once and then one per {@code chatRefill}, sends and edits
 * alike; what the bot starts itself also goes by the bulk lane, {@code bulkPerSecond} across all chats.
 * {@code second} is how long the Bot API's second lasts: a 429's {@code retry_after} counts them. It
 * is a second with Telegram; a test against a fake whose clock runs faster says so here.
 */
public record FloodLimits(int chatBurst, Duration chatRefill, int bulkPerSecond, Duration second) {

    /** Telegram's Bot FAQ: short bursts, then about one message a second per chat; bulk about 30 a second. */
    public static final FloodLimits TELEGRAM = new FloodLimits(5, Duration.ofSeconds(1), 30);

    public FloodLimits {
        if (chatBurst < 1 || chatRefill.isNegative() || chatRefill.isZero() || bulkPerSecond < 1 || second.isNegative() || second.isZero()) {
            throw new IllegalArgumentException("flood limits must be positive: " + chatBurst + ", " + chatRefill + ", " + bulkPerSecond
                    + ", " + second);
        }
    }

    /** Limits on Telegram's own clock: {@code retry_after} in real seconds. */
    public FloodLimits(int chatBurst, Duration chatRefill, int bulkPerSecond) {
        this(chatBurst, chatRefill, bulkPerSecond, Duration.ofSeconds(1));
    }

    /** The same with another cap on the bulk lane (Telegram's paid broadcasts allow up to 1,000 a second). */
    public FloodLimits withBulkPerSecond(int perSecond) {
        return new FloodLimits(chatBurst, chatRefill, perSecond, second);
    }

    /** How long to wait for a 429's {@code retry_after}, given in the Bot API's seconds. */
    public Duration wait(Duration retryAfter) {
        return second.multipliedBy(retryAfter.toSeconds()).plus(second.multipliedBy(retryAfter.toNanosPart()).dividedBy(1_000_000_000L));
    }
}
