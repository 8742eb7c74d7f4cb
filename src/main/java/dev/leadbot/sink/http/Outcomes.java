package dev.leadbot.sink.http;

import dev.leadbot.sink.Delivery;
import java.util.Optional;

/** The outcomes every HTTP destination shares: no answer, no connection, too many requests, a server error. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * The outcome when the answer is not the destination's own business: a timeout, no connection,
     * 429 or 5xx are worth retrying; empty for an answer the sink must read itself.
     */
    public static Optional<Delivery> transientFailure(String destination, HttpAnswer answer) {
        if (answer instanceof HttpAnswer.TimedOut timedOut) {
            return Optional.of(new Delivery.RetryLater(Optional.empty(), destination + " gave no answer within " + timedOut.after().toSeconds()
                    + " s; the lead is looked up before it is created again"));
        }
        if (answer instanceof HttpAnswer.Unreachable unreachable) {
            return Optional.of(new Delivery.RetryLater(Optional.empty(), destination + " unreachable: " + unreachable.reason()));
        }
        HttpAnswer.Response response = (HttpAnswer.Response) answer;
        if (response.status() == 429) {
            return Optional.of(new Delivery.RetryLater(response.retryAfter(), destination + " asks to slow down (429 Too Many Requests)"));
        }
        if (response.status() >= 500) {
            return Optional.of(new Delivery.RetryLater(response.retryAfter(), destination + " answered " + response.status() + snippet(response)));
        }
        return Optional.empty();
    }

    /** The start of a response body for a log line or an owner's alert; never a whole HTML page. */
    public static String snippet(HttpAnswer.Response response) {
        if (response.isHtml() || response.body().isBlank()) {
            return "";
        }
        String body = response.body().strip().replaceAll("\\s+", " ");
        return ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
}
