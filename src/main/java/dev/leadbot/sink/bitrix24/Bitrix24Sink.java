package dev.leadbot.sink.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.http.HttpSetup;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bitrix24 through an incoming webhook: a lead ({@code crm.lead.add}) with name, phone, email,
 * the answers as comments and the deep-link source as UTM source; in a portal in simple CRM mode,
 * which has no leads, a contact and a deal instead. {@code ORIGINATOR_ID}/{@code ORIGIN_ID} carry
 * the lead id, so a retry finds what an earlier attempt created.
 */
public final class Bitrix24Sink implements LeadSink {

    /** Bitrix24 allows about 2 requests a second per portal before QUERY_LIMIT_EXCEEDED. */
    public static final int REQUESTS_PER_SECOND = 2;
    static final String ORIGINATOR = "leadbot";

    private final String name;
    private final Bitrix24Rest rest;
    private final String entity;
    private final String sourceId;
    private final Map<String, String> customFields;
    private volatile Optional<Boolean> simpleMode = Optional.empty();

    Bitrix24Sink(String name, Bitrix24Rest rest, String entity, String sourceId, Map<String, String> customFields) {
        this.name = name;
        this.rest = rest;
        this.entity = entity;
        this.sourceId = sourceId;
        this.customFields = Map.copyOf(customFields);
    }

    public static Bitrix24Sink from(SinkSettings settings, HttpSetup setup) throws InvalidSinkException {
        SinkSettings.Reader reader = settings.reader();
        URI webhook = reader.url("webhook_url", "${BITRIX24_WEBHOOK_URL}  # https://yourportal.bitrix24.ru/rest/1/code/", false);
        if (!webhook.getPath().contains("/rest/")) {
            reader.problem("webhook_url", "'webhook_url' must be an incoming webhook's URL, https://yourportal.bitrix24.ru/rest/<user>/<code>/");
        }
        String entity = reader.oneOf("entity", List.of("auto", "lead", "deal"));
        String source = reader.optional("source_id").orElse("OTHER");
        settings.fields().keySet().stream().filter(field -> !field.startsWith("UF_CRM_")).forEach(field ->
                reader.problem("fields." + field, "fields: '" + field + "' must be a custom field code such as UF_CRM_1700000000 (CRM → Settings → Custom fields)"));
        InvalidSinkException.throwIfAny(reader);
        return new Bitrix24Sink(settings.name(), new Bitrix24Rest(webhook, setup.calls(REQUESTS_PER_SECOND)), entity, source, settings.fields());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery deliver(Lead lead, int attempt) {
        Optional<Delivery> unknownMode = learnMode();
        if (unknownMode.isPresent()) {
            return unknownMode.get();
        }
        boolean deals = entity.equals("deal") || entity.equals("auto") && simpleMode.orElse(false);
        String kind = deals ? "deal" : "lead";
        if (attempt > 1) {
            Bitrix24Rest.Result existing = find(kind, lead);
            if (existing.failure().isPresent()) {
                return existing.failure().get();
            }
            if (existing.result().isPresent()) {
                return new Delivery.Delivered(Optional.of(kind + " " + existing.result().get().asText()));
            }
        }
        ObjectNode fields = Bitrix24Requests.common(lead, sourceId, customFields);
        if (deals) {
            Bitrix24Rest.Result contact = attempt > 1 ? find("contact", lead) : new Bitrix24Rest.Result(Optional.empty(), Optional.empty());
            if (contact.result().isEmpty() && contact.failure().isEmpty()) {
                contact = rest.call("crm.contact.add", Bitrix24Requests.params(Bitrix24Requests.person(lead, sourceId)));
            }
            if (contact.failure().isPresent()) {
                return contact.failure().get();
            }
            fields.put("CONTACT_ID", contact.result().get().asText());
        } else {
            fields.setAll(Bitrix24Requests.person(lead, sourceId));
        }
        Bitrix24Rest.Result created = rest.call("crm." + kind + ".add", Bitrix24Requests.params(fields));
        return created.failure().orElseGet(() -> new Delivery.Delivered(Optional.of(kind + " " + created.result().get().asText())));
    }

    @Override
    public SinkCheck check() {
        Bitrix24Rest.Result profile = rest.call("profile", Bitrix24Rest.JSON.createObjectNode());
        Bitrix24Rest.Result mode = profile.failure().isPresent() ? profile : rest.call("crm.settings.mode.get", Bitrix24Rest.JSON.createObjectNode());
        if (mode.failure().isPresent()) {
            Delivery failure = mode.failure().get();
            return SinkCheck.failed(failure);
        }
        JsonNode user = profile.result().orElseThrow();
        boolean simple = mode.result().get().asInt() == 2;
        simpleMode = Optional.of(simple);
        return new SinkCheck.Passed("Bitrix24 reached as " + user.path("NAME").asText() + " " + user.path("LAST_NAME").asText()
                + "; CRM in " + (simple ? "simple mode: each lead becomes a contact and a deal" : "classic mode: each lead becomes a lead"));
    }

    /** With {@code entity: auto}, asks the portal once whether it runs the simple CRM, which has deals but no leads. */
    private Optional<Delivery> learnMode() {
        if (!entity.equals("auto") || simpleMode.isPresent()) {
            return Optional.empty();
        }
        Bitrix24Rest.Result mode = rest.call("crm.settings.mode.get", Bitrix24Rest.JSON.createObjectNode());
        mode.result().ifPresent(result -> simpleMode = Optional.of(result.asInt() == 2));
        return mode.failure();
    }

    /** The id of the {@code kind} an earlier attempt created for this lead, found by ORIGINATOR_ID and ORIGIN_ID. */
    private Bitrix24Rest.Result find(String kind, Lead lead) {
        ObjectNode params = Bitrix24Rest.JSON.createObjectNode();
        params.putObject("filter").put("ORIGINATOR_ID", ORIGINATOR).put("ORIGIN_ID", lead.id());
        ArrayNode select = params.putArray("select");
        select.add("ID");
        Bitrix24Rest.Result found = rest.call("crm." + kind + ".list", params);
        if (found.failure().isPresent()) {
            return found;
        }
        JsonNode first = found.result().get().path(0).path("ID");
        return new Bitrix24Rest.Result(first.isMissingNode() ? Optional.empty() : Optional.of(first), Optional.empty());
    }
}
