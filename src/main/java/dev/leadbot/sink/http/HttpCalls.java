package dev.leadbot.sink.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A destination's HTTP calls: each within {@code timeout}, each waiting its turn under the
 * destination's request rate, redirects never followed (a POST must not be repeated by a redirect).
 * Every outcome is returned, none thrown.
 */
public final class HttpCalls {

    private final HttpClient client;
    private final Duration timeout;
    private final RequestRate rate;

    public HttpCalls(HttpClient client, Duration timeout, RequestRate rate) {
        this.client = client;
        this.timeout = timeout;
        this.rate = rate;
    }

    /** A client for sinks: connects within 10 s and never follows redirects. */
    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpAnswer send(HttpRequest.Builder request) {
        try {
            rate.acquire();
            HttpResponse<String> response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpAnswer.Response(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            return e instanceof java.net.http.HttpConnectTimeoutException ? new HttpAnswer.Unreachable("connection timed out")
                    : new HttpAnswer.TimedOut(timeout);
        } catch (ConnectException e) {
            return new HttpAnswer.Unreachable("connection refused");
        } catch (IOException e) {
            return new HttpAnswer.Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpAnswer.Unreachable("interrupted at shutdown");
        }
    }
}
