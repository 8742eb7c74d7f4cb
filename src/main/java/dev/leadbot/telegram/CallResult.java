package dev.leadbot.telegram;

import java.time.Duration;
import java.util.Optional;

/** What one Bot API call came to, as the outbox acts on it. */
sealed interface CallResult {

    /** Done (or nothing to do, like "message is not modified"); a sent message's id when there is one. */
    record Done(Optional<Integer> messageId) implements CallResult {
    }

    /** 429: Telegram asks to wait this long before the next call. */
    record RetryAfter(Duration delay) implements CallResult {
    }

    /** 5xx or a network error: worth trying again after a pause. */
    record Transient(String reason) implements CallResult {
    }

    /** 403: the prospect blocked the bot or the chat is gone; stop writing to it. */
    record Blocked(String reason) implements CallResult {
    }

    /** Any other 4xx: the call itself is wrong and retrying will not help. */
    record Rejected(String reason) implements CallResult {
    }
}
