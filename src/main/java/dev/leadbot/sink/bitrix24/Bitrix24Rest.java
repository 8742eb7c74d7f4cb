package dev.leadbot.sink.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.http.HttpAnswer;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.Outcomes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Calls to a Bitrix24 incoming webhook ({@code …/rest/<user>/<code>/<method>.json}) and what their
 * errors mean. The webhook URL holds a secret code, so it never appears in a message.
 */
final class Bitrix24Rest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A call's result, or how the delivery must end. */
    record Result(Optional<JsonNode> result, Optional<Delivery> failure) {
    }

    private final URI webhook;
    private final HttpCalls http;

    Bitrix24Rest(URI webhook, HttpCalls http) {
        this.webhook = webhook.toString().endsWith("/") ? webhook : URI.create(webhook + "/");
        this.http = http;
    }

    Result call(String method, ObjectNode params) {
        HttpAnswer answer = http.send(HttpRequest.newBuilder(webhook.resolve(method + ".json")).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(params.toString())));
        String error = "";
        String description = "";
        if (answer instanceof HttpAnswer.Response response) {
            JsonNode body = response.json();
            if (response.ok() && body.has("result")) {
                return new Result(Optional.of(body.get("result")), Optional.empty());
            }
            error = body.path("error").asText("");
            description = body.path("error_description").asText("");
        }
        Optional<Delivery> known = meaning(error, description, answer);
        if (known.isPresent()) {
            return new Result(Optional.empty(), known);
        }
        Optional<Delivery> transientFailure = Outcomes.transientFailure("Bitrix24", answer);
        if (transientFailure.isPresent()) {
            return new Result(Optional.empty(), transientFailure);
        }
        return new Result(Optional.empty(), Optional.of(new Delivery.Failed("Bitrix24 refused " + method + " ("
                + ((HttpAnswer.Response) answer).status() + (error.isEmpty() ? "" : " " + error) + "): " + description)));
    }

    /** Bitrix24's own error codes, whatever the HTTP status that came with them. */
    private static Optional<Delivery> meaning(String error, String description, HttpAnswer answer) {
        Optional<java.time.Duration> after = answer instanceof HttpAnswer.Response r ? r.retryAfter() : Optional.empty();
        String then = ", then run leadbot leads --retry all";
        return switch (error) {
            case "QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT", "INTERNAL_SERVER_ERROR" -> Optional.of(new Delivery.RetryLater(after,
                    "Bitrix24 is busy (" + error + "): " + description));
            case "INVALID_CREDENTIALS", "NO_AUTH_FOUND", "expired_token", "invalid_token" -> Optional.of(new Delivery.Failed(
                    "Bitrix24 refused the webhook (" + error + "): it was deleted or its code changed; make a new incoming webhook"
                            + " (Developer resources → Other → Incoming webhook) with the crm scope and put its URL in webhook_url" + then));
            case "insufficient_scope" -> Optional.of(new Delivery.Failed("the incoming webhook lacks the CRM scope (insufficient_scope):"
                    + " edit it in Bitrix24 and tick CRM (crm)" + then));
            case "ACCESS_DENIED" -> Optional.of(new Delivery.Failed("Bitrix24 denied access (ACCESS_DENIED): REST is not available on the"
                    + " free plan, or the webhook's user may not add to the CRM; move to a paid plan or use an administrator's webhook" + then));
            case "OVERLOAD_LIMIT" -> Optional.of(new Delivery.Failed("Bitrix24 has blocked REST for this portal after overload"
                    + " (OVERLOAD_LIMIT); ask Bitrix24 support to lift the block" + then));
            default -> Optional.empty();
        };
    }

}
