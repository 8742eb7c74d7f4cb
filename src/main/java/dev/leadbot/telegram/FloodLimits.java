package dev.leadbot.telegram;

import java.time.Duration;

/**
 * Telegram's flood control as the outbox paces for it (see {@link Outbox} for the sources): each
 * chat takes {@code chatBurst} messages at once and then one per {@code chatRefill}, sends and edits
 * alike; what the bot starts itself also goes by the bulk lane, {@code bulkPerSecond} across all chats.
 */
public record FloodLimits(int chatBurst, Duration chatRefill, int bulkPerSecond) {

    /** Telegram's Bot FAQ: short bursts, then about one message a second per chat; bulk about 30 a second. */
    public static final FloodLimits TELEGRAM = new FloodLimits(5, Duration.ofSeconds(1), 30);

    public FloodLimits {
        if (chatBurst < 1 || chatRefill.isNegative() || chatRefill.isZero() || bulkPerSecond < 1) {
            throw new IllegalArgumentException("flood limits must be positive: " + chatBurst + ", " + chatRefill + ", " + bulkPerSecond);
        }
    }

    /** The same with another cap on the bulk lane (Telegram's paid broadcasts allow up to 1,000 a second). */
    public FloodLimits withBulkPerSecond(int perSecond) {
        return new FloodLimits(chatBurst, chatRefill, perSecond);
    }
}
