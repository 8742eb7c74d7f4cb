package dev.leadbot.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one HTTP call to a destination ended, from the caller's side. */
public sealed interface HttpAnswer {

    /** The destination answered. */
    record Response(int status, HttpHeaders headers, String body) implements HttpAnswer {
        public Response {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }

        private static final ObjectMapper JSON = new ObjectMapper();

        /** The body as JSON; a missing node when it is not JSON (an HTML error page, an empty 204). */
        public JsonNode json() {
            try {
                JsonNode node = JSON.readTree(body);
                return node == null ? JSON.missingNode() : node;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return JSON.missingNode();
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code Retry-After} in seconds, when the destination sent one. */
        public Optional<Duration> retryAfter() {
            return headers.firstValue("Retry-After").flatMap(value -> {
                try {
                    return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
                } catch (NumberFormatException e) {
                    return Optional.empty(); // an HTTP date: the sink's own schedule applies
                }
            });
        }

        /** Whether the body is an HTML page rather than the API's JSON (a blocked account, a proxy's error). */
        public boolean isHtml() {
            return headers.firstValue("Content-Type").map(type -> type.contains("text/html")).orElse(false)
                    || body.stripLeading().startsWith("<");
        }
    }

    /**
     * No answer in time: the request may or may not have been carried out, so a retry must look
     * the lead up before creating it again.
     */
    record TimedOut(Duration after) implements HttpAnswer {
    }

    /** The request never arrived: refused connection, unknown host, broken TLS. */
    record Unreachable(String reason) implements HttpAnswer {
    }
}
