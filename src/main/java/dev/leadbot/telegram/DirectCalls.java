package dev.leadbot.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call made straight to the Bot API instead of through the outbox (an upload, which the outbox's
 * calls cannot carry), on a thread that may wait: a 429 waits {@code retry_after}, a network error or
 * 5xx is tried again a few times with backoff, and whatever is given up on is logged.
 */
final class DirectCalls {

    private static final Logger LOG = LoggerFactory.getLogger(DirectCalls.class);
    private static final int ATTEMPTS = 5;

    private DirectCalls() {
    }

    /** Makes {@code call} until it is done or given up on; {@code what} names it in the logs. Returns whether it was done. */
    static boolean make(long chatId, String what, Supplier<CallResult> call) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CallResult result = call.get();
            if (result instanceof CallResult.Done) {
                LOG.info("chat={} {} sent", chatId, what);
                return true;
            }
            Duration pause;
            if (result instanceof CallResult.RetryAfter retry) {
                pause = retry.delay();
            } else if (result instanceof CallResult.Transient failure && attempt < ATTEMPTS) {
                LOG.warn("chat={} {} attempt={} failed, retrying: {}", chatId, what, attempt, failure.reason());
                pause = Duration.ofSeconds(1L << attempt);
            } else {
                LOG.error("chat={} {} not sent: {}", chatId, what, result);
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("chat={} {} not sent: the bot is stopping", chatId, what);
                return false;
            }
        }
        LOG.error("chat={} {} not sent after {} attempts", chatId, what, ATTEMPTS);
        return false;
    }
}
