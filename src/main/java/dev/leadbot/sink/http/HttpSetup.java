package dev.leadbot.sink.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * How sinks make their HTTP calls: one shared client, one timeout, and a request rate per
 * destination (tests pass rates on a virtual clock).
 */
public record HttpSetup(HttpClient client, Duration timeout, IntFunction<RequestRate> rates) {

    /** The real thing: 15 s per call, rates on the real clock. */
    public static HttpSetup standard() {
        return new HttpSetup(HttpCalls.client(), Duration.ofSeconds(15), RequestRate::perSecond);
    }

    /** Calls limited to {@code perSecond} requests a second, as the destination demands. */
    public HttpCalls calls(int perSecond) {
        return new HttpCalls(client, timeout, rates.apply(perSecond));
    }

    /** Calls to a destination that states no limit. */
    public HttpCalls calls() {
        return new HttpCalls(client, timeout, RequestRate.unlimited());
    }
}
