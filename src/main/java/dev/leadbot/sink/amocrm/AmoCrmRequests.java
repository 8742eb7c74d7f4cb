package dev.leadbot.sink.amocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadFields;
import dev.leadbot.sink.OwnerSummary;
import java.util.Map;
import java.util.Optional;

/** The JSON bodies amoCRM's API v4 takes for a lead, its contact, an incoming-leads form and a note. */
final class AmoCrmRequests {

    static final ObjectMapper JSON = new ObjectMapper();

    private AmoCrmRequests() {
    }

    /** The lead's name carries the first 8 characters of its id, so a retry can find it with {@code ?query=}. */
    static String leadName(Lead lead) {
        return LeadFields.name(lead) + " — Telegram #" + marker(lead);
    }

    /**
     * The lead's tags and one of leadbot's own: {@code partial} on a partial lead, {@code completes_partial} on the
     * complete lead of a prospect who came back, so a pipeline can be filtered by either.
     */
    static void tags(ArrayNode into, Lead lead) {
        lead.tags().forEach(tag -> into.addObject().put("name", tag));
        if (lead.partial()) {
            into.addObject().put("name", PARTIAL_TAG);
        } else if (lead.completes().isPresent()) {
            into.addObject().put("name", COMPLETES_TAG);
        }
    }

    static final String PARTIAL_TAG = "partial";
    static final String COMPLETES_TAG = "completes_partial";

    static String marker(Lead lead) {
        return lead.id().substring(0, Math.min(8, lead.id().length()));
    }

    static ObjectNode lead(Lead lead, AmoCrmOptions options) {
        ObjectNode node = JSON.createObjectNode().put("name", leadName(lead));
        options.pipelineId().ifPresent(id -> node.put("pipeline_id", id));
        options.statusId().ifPresent(id -> node.put("status_id", id));
        options.responsibleUserId().ifPresent(id -> node.put("responsible_user_id", id));
        ArrayNode custom = JSON.createArrayNode();
        for (Map.Entry<Long, String> field : options.customFields().entrySet()) {
            LeadFields.value(lead, field.getValue()).ifPresent(value -> custom.addObject().put("field_id", field.getKey())
                    .putArray("values").addObject().put("value", value));
        }
        if (!custom.isEmpty()) {
            node.set("custom_fields_values", custom);
        }
        return node;
    }

    static ObjectNode contact(Lead lead) {
        ObjectNode contact = JSON.createObjectNode().put("name", LeadFields.name(lead));
        ArrayNode fields = JSON.createArrayNode();
        lead.contact().phone().ifPresent(phone -> field(fields, "PHONE", phone));
        lead.contact().email().ifPresent(email -> field(fields, "EMAIL", email));
        if (!fields.isEmpty()) {
            contact.set("custom_fields_values", fields);
        }
        return contact;
    }

    private static void field(ArrayNode fields, String code, String value) {
        fields.addObject().put("field_code", code).putArray("values").addObject().put("value", value).put("enum_code", "WORK");
    }

    /** {@code POST /api/v4/leads/complex}: the lead with its contact and tags, in one request. */
    static String complex(Lead lead, AmoCrmOptions options) {
        ObjectNode node = lead(lead, options);
        ObjectNode embedded = node.putObject("_embedded");
        embedded.putArray("contacts").add(contact(lead));
        tags(embedded.putArray("tags"), lead);
        return JSON.createArrayNode().add(node).toString();
    }

    /** {@code POST /api/v4/leads/unsorted/forms}: an incoming lead the owner accepts or declines by hand. */
    static String unsorted(Lead lead, AmoCrmOptions options) {
        long sentAt = lead.completedAt().getEpochSecond();
        ObjectNode form = JSON.createObjectNode().put("source_name", "leadbot (Telegram)").put("source_uid", lead.id())
                .put("created_at", sentAt);
        options.pipelineId().ifPresent(id -> form.put("pipeline_id", id));
        ObjectNode leadNode = lead(lead, options);
        leadNode.remove("status_id"); // an incoming lead sits in the pipeline's "incoming" stage until accepted
        tags(leadNode.putObject("_embedded").putArray("tags"), lead);
        ObjectNode embedded = form.putObject("_embedded");
        embedded.putArray("leads").add(leadNode);
        embedded.putArray("contacts").add(contact(lead));
        ObjectNode metadata = form.putObject("metadata").put("form_id", "leadbot-" + lead.flow()).put("form_name", "Telegram: " + lead.flow())
                .put("form_page", "https://t.me").put("form_sent_at", sentAt);
        lead.source().ifPresent(source -> metadata.put("referer", source));
        return JSON.createArrayNode().add(form).toString();
    }

    /** {@code POST /api/v4/leads/notes}: the whole summary as a common note on the new lead. */
    static String note(long leadId, Lead lead) {
        ObjectNode note = JSON.createObjectNode().put("entity_id", leadId).put("note_type", "common");
        // A sink is given the lead alone, not the flow: answers are titled by their variables, as in the lead's fields.
        note.putObject("params").put("text", OwnerSummary.plainText(lead, Answer::variable));
        return JSON.createArrayNode().add(note).toString();
    }

    /** What amoCRM says went wrong, from its problem+json body: title, detail and any validation errors. */
    static String problem(String body) {
        try {
            var node = JSON.readTree(body);
            String detail = Optional.ofNullable(node.path("detail").textValue()).orElse(node.path("title").asText(""));
            var errors = node.path("validation-errors");
            return errors.isMissingNode() || errors.isEmpty() ? detail : detail + " " + errors;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }
}
