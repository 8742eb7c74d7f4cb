package dev.leadbot.sink.retailcrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadFields;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.http.HttpAnswer;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.http.Outcomes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RetailCRM (API v5, {@code X-API-KEY}): each lead as an order or as a customer, form-encoded with
 * the record as JSON and the lead id as {@code externalId}, so a retry finds what an earlier
 * attempt created instead of creating it twice.
 */
public final class RetailCrmSink implements LeadSink {

    /** RetailCRM allows 10 requests a second per API key. */
    public static final int REQUESTS_PER_SECOND = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI base;
    private final String apiKey;
    private final String entity;
    private final Optional<String> site;
    private final Map<String, String> customFields;
    private final HttpCalls http;

    RetailCrmSink(String name, URI base, String apiKey, String entity, Optional<String> site, Map<String, String> customFields, HttpCalls http) {
        this.name = name;
        this.base = base;
        this.apiKey = apiKey;
        this.entity = entity;
        this.site = site;
        this.customFields = Map.copyOf(customFields);
        this.http = http;
    }

    public static RetailCrmSink from(SinkSettings settings, HttpSetup setup) throws InvalidSinkException {
        SinkSettings.Reader reader = settings.reader();
        URI base = reader.url("base_url", "https://yourshop.retailcrm.ru", false);
        String key = reader.required("api_key", "${RETAILCRM_API_KEY}");
        String entity = reader.oneOf("create", List.of("order", "customer"));
        Optional<String> site = reader.optional("site");
        InvalidSinkException.throwIfAny(reader);
        return new RetailCrmSink(settings.name(), base, key, entity, site, settings.fields(), setup.calls(REQUESTS_PER_SECOND));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery deliver(Lead lead, int attempt) {
        String plural = entity + "s";
        if (attempt > 1) {
            HttpAnswer found = http.send(request("/api/v5/" + plural + "/" + URLEncoder.encode(lead.id(), StandardCharsets.UTF_8)
                    + "?by=externalId" + site.map(s -> "&site=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("")).GET());
            if (found instanceof HttpAnswer.Response response && response.ok()) {
                return new Delivery.Delivered(Optional.of(entity + " " + response.json().path(entity).path("id").asText()));
            }
            if (!(found instanceof HttpAnswer.Response response && response.status() == 404)) {
                return failure(found);
            }
        }
        String form = site.map(s -> "site=" + URLEncoder.encode(s, StandardCharsets.UTF_8) + "&").orElse("") + entity + "="
                + URLEncoder.encode(record(lead).toString(), StandardCharsets.UTF_8);
        HttpAnswer created = http.send(request("/api/v5/" + plural + "/create").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (created instanceof HttpAnswer.Response response && response.ok()) {
            return new Delivery.Delivered(Optional.of(entity + " " + response.json().path("id").asText()));
        }
        return failure(created);
    }

    @Override
    public SinkCheck check() {
        HttpAnswer answer = http.send(request("/api/credentials").GET());
        if (!(answer instanceof HttpAnswer.Response response && response.ok())) {
            Delivery failure = failure(answer);
            return SinkCheck.failed(failure);
        }
        JsonNode credentials = response.json();
        String scope = entity + "_write";
        boolean allowed = false;
        for (JsonNode granted : credentials.path("scopes")) {
            allowed |= granted.asText().equals(scope);
        }
        if (!allowed) {
            return new SinkCheck.Failed("the API key works but lacks the " + scope + " permission; tick it for the key in Settings →"
                    + " Integration → API access keys");
        }
        if (site.isPresent() && !credentials.path("sitesAvailable").toString().contains("\"" + site.get() + "\"")) {
            return new SinkCheck.Failed("the API key has no access to the store '" + site.get() + "'; give it access, or fix 'site'");
        }
        return new SinkCheck.Passed("RetailCRM reached; the API key may create " + entity + "s" + site.map(s -> " in store " + s).orElse(""));
    }

    /** The order or customer: the lead id as externalId, contacts, the answers as the comment, mapped custom fields. */
    private ObjectNode record(Lead lead) {
        ObjectNode record = JSON.createObjectNode().put("externalId", lead.id()).put("firstName", LeadFields.value(lead, "first_name").orElse(""));
        LeadFields.value(lead, "last_name").ifPresent(last -> record.put("lastName", last));
        lead.contact().email().ifPresent(email -> record.put("email", email));
        String comment = LeadFields.stage(lead).map(line -> line + "\n").orElse("") + LeadFields.answers(lead) + "\nTelegram: " + LeadFields.value(lead, "telegram").orElse("");
        if (entity.equals("order")) {
            lead.contact().phone().ifPresent(phone -> record.put("phone", phone));
            record.put("customerComment", comment);
            lead.source().ifPresent(source -> record.putObject("source").put("source", "telegram").put("campaign", source));
        } else {
            lead.contact().phone().ifPresent(phone -> record.putArray("phones").addObject().put("number", phone));
            record.put("commentary", comment);
            lead.source().ifPresent(source -> record.putObject("source").put("source", "telegram").put("campaign", source));
        }
        if (!customFields.isEmpty()) {
            ObjectNode custom = record.putObject("customFields");
            customFields.forEach((code, field) -> LeadFields.value(lead, field).ifPresent(value -> custom.put(code, value)));
        }
        return record;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-API-KEY", apiKey).header("Accept", "application/json");
    }

    private Delivery failure(HttpAnswer answer) {
        Optional<Delivery> transientFailure = Outcomes.transientFailure("RetailCRM", answer);
        if (transientFailure.isPresent()) {
            return transientFailure.get();
        }
        HttpAnswer.Response response = (HttpAnswer.Response) answer;
        JsonNode body = response.json();
        String message = body.path("errorMsg").asText("") + (body.has("errors") ? " " + body.get("errors") : "");
        if (response.status() == 401 || response.status() == 403) {
            return new Delivery.Failed("RetailCRM refused the API key (" + response.status() + " " + message.strip() + "): make a key in"
                    + " Settings → Integration → API access keys with the " + entity + "_write permission, then run leadbot leads --retry all");
        }
        if (response.status() == 400) {
            return new Delivery.Failed("RetailCRM refused the " + entity + " (400): " + message.strip() + "; check 'site' and 'fields',"
                    + " then run leadbot leads --retry all");
        }
        return new Delivery.RetryLater(response.retryAfter(), "RetailCRM answered " + response.status() + Outcomes.snippet(response));
    }

}
