package dev.leadbot.sink.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.http.HttpAnswer;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.http.Outcomes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * amoCRM / Kommo (API v4, long-lived token): each lead with its contact and tags in one
 * {@code leads/complex} call (or as an incoming lead through {@code leads/unsorted/forms}), then
 * the whole summary as a note. At most 7 requests a second, amoCRM's limit per integration.
 */
public final class AmoCrmSink implements LeadSink {

    /** amoCRM allows 7 requests a second per integration; more gets 429 and, repeated, a blocked IP. */
    public static final int REQUESTS_PER_SECOND = 7;
    private static final Logger LOG = LoggerFactory.getLogger(AmoCrmSink.class);

    private final String name;
    private final URI base;
    private final String token;
    private final AmoCrmOptions options;
    private final HttpCalls http;

    AmoCrmSink(String name, URI base, String token, AmoCrmOptions options, HttpCalls http) {
        this.name = name;
        this.base = base;
        this.token = token;
        this.options = options;
        this.http = http;
    }

    public static AmoCrmSink from(SinkSettings settings, HttpSetup setup) throws InvalidSinkException {
        SinkSettings.Reader reader = settings.reader();
        URI base = reader.url("base_url", "https://yourcompany.amocrm.ru", false);
        String token = reader.required("token", "${AMOCRM_TOKEN}");
        boolean incoming = reader.oneOf("mode", List.of("leads", "incoming")).equals("incoming");
        Optional<Long> pipeline = reader.number("pipeline_id", "the pipeline's id, from its URL in amoCRM");
        Optional<Long> status = reader.number("status_id", "the stage's id within that pipeline");
        Optional<Long> responsible = reader.number("responsible_user_id", "the user's id, from Settings → Users");
        Map<Long, String> custom = new LinkedHashMap<>();
        settings.fields().forEach((field, leadField) -> {
            try {
                custom.put(Long.parseLong(field), leadField);
            } catch (NumberFormatException e) {
                reader.problem("fields." + field, "fields: '" + field + "' must be an amoCRM field id (a number, shown in Settings → Fields)");
            }
        });
        InvalidSinkException.throwIfAny(reader);
        return new AmoCrmSink(settings.name(), base, token,
                new AmoCrmOptions(incoming, pipeline, status, responsible, custom), setup.calls(REQUESTS_PER_SECOND));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery deliver(Lead lead, int attempt) {
        if (attempt > 1) {
            HttpAnswer found = http.send(request("/api/v4/leads?query=" + URLEncoder.encode(AmoCrmRequests.marker(lead), StandardCharsets.UTF_8)
                    + "&limit=50").GET());
            Optional<Delivery> failed = failure(found);
            if (failed.isPresent()) {
                return failed.get();
            }
            Optional<Long> existing = existing(lead, (HttpAnswer.Response) found);
            if (existing.isPresent()) {
                LOG.info("lead={} sink={} found as amoCRM lead {} after an earlier attempt; not created again", lead.id(), name, existing.get());
                return new Delivery.Delivered(Optional.of("lead " + existing.get()));
            }
        }
        String path = options.incoming() ? "/api/v4/leads/unsorted/forms" : "/api/v4/leads/complex";
        String body = options.incoming() ? AmoCrmRequests.unsorted(lead, options) : AmoCrmRequests.complex(lead, options);
        HttpAnswer created = http.send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        Optional<Delivery> failed = failure(created);
        if (failed.isPresent()) {
            return failed.get();
        }
        long id = createdId((HttpAnswer.Response) created);
        addNote(lead, id);
        return new Delivery.Delivered(Optional.of("lead " + id));
    }

    /** The summary as a note; the lead exists already, so a failure here is logged, never retried into a second lead. */
    private void addNote(Lead lead, long id) {
        HttpAnswer note = http.send(request("/api/v4/leads/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AmoCrmRequests.note(id, lead))));
        if (!(note instanceof HttpAnswer.Response response && response.ok())) {
            LOG.warn("lead={} sink={} created as amoCRM lead {}, but its note with the answers was not added: {}", lead.id(), name, id,
                    note instanceof HttpAnswer.Response r ? r.status() + Outcomes.snippet(r) : note);
        }
    }

    @Override
    public SinkCheck check() {
        HttpAnswer answer = http.send(request("/api/v4/account").GET());
        Optional<Delivery> failed = failure(answer);
        if (failed.isPresent()) {
            Delivery outcome = failed.get();
            return SinkCheck.failed(outcome);
        }
        JsonNode account = ((HttpAnswer.Response) answer).json();
        return new SinkCheck.Passed("amoCRM account '" + account.path("name").asText() + "' (id " + account.path("id").asText()
                + ") reached; the token works");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** Empty when amoCRM answered 2xx; otherwise what to do about it. */
    private Optional<Delivery> failure(HttpAnswer answer) {
        Optional<Delivery> transientFailure = Outcomes.transientFailure("amoCRM", answer);
        if (transientFailure.isPresent()) {
            return transientFailure;
        }
        HttpAnswer.Response response = (HttpAnswer.Response) answer;
        if (response.ok()) {
            return Optional.empty();
        }
        String reason = switch (response.status()) {
            case 401 -> "amoCRM refused the token (401 Unauthorized): make a new long-lived token (Settings → Integrations → your"
                    + " integration → Keys and access) and put it in the sink's token";
            case 402 -> "amoCRM says the account's subscription has ended (402 Payment Required); renew it";
            case 403 -> response.isHtml()
                    ? "amoCRM answered 403 with an HTML page: the account (or this server's IP) is blocked; ask amoCRM support to unblock it"
                    : "amoCRM refused access (403): " + AmoCrmRequests.problem(response.body()) + "; the token's user needs the right to add leads";
            case 404 -> "amoCRM answered 404: check base_url (your account's address, e.g. https://yourcompany.amocrm.ru)";
            case 400 -> "amoCRM refused the lead (400): " + AmoCrmRequests.problem(response.body()) + "; check pipeline_id, status_id and fields";
            default -> "";
        };
        if (reason.isEmpty()) {
            return Optional.of(new Delivery.RetryLater(response.retryAfter(), "amoCRM answered " + response.status() + Outcomes.snippet(response)));
        }
        return Optional.of(new Delivery.Failed(reason + ", then run leadbot leads --retry all"));
    }

    private static long createdId(HttpAnswer.Response response) {
        JsonNode body = response.json();
        JsonNode unsorted = body.path("_embedded").path("unsorted");
        return unsorted.isArray() ? unsorted.path(0).path("_embedded").path("leads").path(0).path("id").asLong() : body.path(0).path("id").asLong();
    }

    /** A lead this one created earlier: its name carries the marker. 204 means amoCRM found nothing. */
    private static Optional<Long> existing(Lead lead, HttpAnswer.Response response) {
        if (response.status() == 204 || response.body().isBlank()) {
            return Optional.empty();
        }
        for (JsonNode found : response.json().path("_embedded").path("leads")) {
            if (found.path("name").asText().endsWith("#" + AmoCrmRequests.marker(lead))) {
                return Optional.of(found.path("id").asLong());
            }
        }
        return Optional.empty();
    }

}
