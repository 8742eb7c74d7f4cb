package dev.leadbot.sink.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadJson;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.http.HttpAnswer;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.Outcomes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * POSTs each lead as JSON to a URL, signed per the Standard Webhooks spec, for Zapier, Make,
 * n8n or an owner's own endpoint. Only a 2xx is success; redirects are not followed; a 410
 * turns the sink off until the next start.
 */
public final class WebhookSink implements LeadSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final WebhookSignature signature;
    private final HttpCalls http;
    private final Clock clock;
    private final AtomicBoolean gone = new AtomicBoolean();

    WebhookSink(String name, URI url, WebhookSignature signature, HttpCalls http, Clock clock) {
        this.name = name;
        this.url = url;
        this.signature = signature;
        this.http = http;
        this.clock = clock;
    }

    /** Reads {@code url} and {@code secret} ({@code whsec_…}). */
    public static WebhookSink from(SinkSettings settings, HttpCalls http, Clock clock) throws InvalidSinkException {
        SinkSettings.Reader reader = settings.reader();
        URI url = reader.url("url", "https://hooks.example.com/leads", true);
        String secret = reader.required("secret", "${WEBHOOK_SECRET}  # whsec_ and base64");
        Optional<WebhookSignature> signature = WebhookSignature.parse(secret);
        if (signature.isEmpty() && !secret.isEmpty()) {
            reader.problem("secret", "'secret' must be whsec_ followed by base64 (at least 24 bytes), as Standard Webhooks tools generate it");
        }
        InvalidSinkException.throwIfAny(reader);
        return new WebhookSink(settings.name(), url, signature.orElseThrow(), http, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery deliver(Lead lead, int attempt) {
        if (gone.get()) {
            return new Delivery.Failed("the endpoint answered 410 Gone earlier; the sink is off until leadbot restarts");
        }
        String body = body(lead);
        long timestamp = clock.instant().getEpochSecond();
        HttpAnswer answer = http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("webhook-id", lead.id())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature.sign(lead.id(), timestamp, body)));
        Optional<Delivery> failure = Outcomes.transientFailure("the webhook", answer);
        if (failure.isPresent()) {
            return failure.get();
        }
        HttpAnswer.Response response = (HttpAnswer.Response) answer;
        if (response.ok()) {
            return new Delivery.Delivered(Optional.empty());
        }
        if (response.status() == 410) {
            gone.set(true);
            return new Delivery.Failed("the endpoint answered 410 Gone (it wants no more leads); the sink is off until leadbot restarts:"
                    + " remove it from leadbot.yaml, or fix the endpoint and run leadbot leads --retry all");
        }
        if (response.status() >= 300 && response.status() < 400) {
            return new Delivery.Failed("the endpoint answered " + response.status() + " (a redirect, not followed for a POST);"
                    + " put the final URL in leadbot.yaml");
        }
        if (List.of(401, 403, 404).contains(response.status())) {
            return new Delivery.Failed("the endpoint answered " + response.status() + Outcomes.snippet(response)
                    + "; check the URL and the secret in leadbot.yaml");
        }
        return new Delivery.RetryLater(response.retryAfter(), "the endpoint answered " + response.status() + Outcomes.snippet(response));
    }

    @Override
    public SinkCheck check() {
        return new SinkCheck.Passed("settings valid; a webhook has no harmless read, so nothing was sent");
    }

    /** The Standard Webhooks envelope: the event type ({@code lead.partial} for a partial lead), when it happened, and the lead. */
    static String body(Lead lead) {
        ObjectNode envelope = JSON.createObjectNode().put("type", lead.partial() ? "lead.partial" : "lead.completed").put("timestamp", lead.completedAt().toString());
        envelope.set("data", LeadJson.toJson(lead));
        return envelope.toString();
    }
}
