package dev.leadbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each failed getUpdates as one line: the Bot API's code and description, or the network
 * error. The polling library's own log of the same failure is a stack trace (and one more for
 * the poll cancelled at every shutdown), so it is switched off in {@code simplelogger.properties}.
 * The token is part of every request URL and is never logged.
 */
final class PollingFailures implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PollingFailures.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final Runnable revoked;
    private final java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set once polling is cut: no getUpdates leaves any more, whatever the polling loop tries. */
    private volatile boolean cut;

    /** @param revoked told once when Telegram answers 401: the token no longer exists */
    PollingFailures(String token, Runnable revoked) {
        this.token = token;
        this.revoked = revoked;
    }

    /** From now on every getUpdates is cancelled before it leaves (the caller cancels the one under way). */
    void cut() {
        cut = true;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (cut) {
            // Cancelled, so neither this class nor the polling library logs it as a failure.
            chain.call().cancel();
            throw new IOException("polling is cut: this instance may no longer poll the bot");
        }
        try {
            Response response = chain.proceed(chain.request());
            if (response.code() == 401) {
                if (!told.getAndSet(true)) {
                    LOG.error("getUpdates failed: 401 {}; the token was revoked or replaced in @BotFather",
                            description(response.peekBody(4096).string()));
                    revoked.run();
                }
            } else if (!response.isSuccessful()) {
                LOG.warn("getUpdates failed: {} {}; polling again shortly", response.code(), description(response.peekBody(4096).string()));
            }
            return response;
        } catch (IOException e) {
            // A call cancelled by our own shutdown is not a failure.
            if (!chain.call().isCanceled()) {
                LOG.warn("getUpdates failed: {}; polling again shortly", String.valueOf(e.getMessage()).replace(token, "<token>"));
            }
            throw e;
        }
    }

    private static String description(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            return answer == null ? "" : answer.path("description").asText("");
        } catch (IOException e) {
            return "(not a Bot API answer)";
        }
    }
}
