package dev.leadbot.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Prospect;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Stop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lead as one JSON object, the shape files and webhooks receive. Written field by field
 * rather than by reflection so the format stays stable when the record changes.
 */
public final class LeadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LeadJson() {
    }

    public static ObjectNode toJson(Lead lead) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", lead.id());
        json.put("flow", lead.flow());
        writeProspect(json.putObject("prospect"), lead.prospect());
        optional(json, "source", lead.source());
        ObjectNode contact = json.putObject("contact");
        optional(contact, "name", lead.contact().name());
        optional(contact, "phone", lead.contact().phone());
        optional(contact, "email", lead.contact().email());
        optional(contact, "username", lead.contact().username());
        writeAnswers(json.putArray("answers"), lead.answers());
        json.put("score", lead.score());
        lead.tags().forEach(json.putArray("tags")::add);
        lead.path().forEach(json.putArray("path")::add);
        json.put("started_at", lead.startedAt().toString());
        json.put("completed_at", lead.completedAt().toString());
        if (lead.partial()) {
            json.put("partial", true);
        }
        lead.stoppedAt().ifPresent(stop -> json.putObject("stopped_at").put("node", stop.node()).put("question", stop.question()));
        optional(json, "completes", lead.completes());
        return json;
    }

    /** The lead {@link #toJson} wrote, read back exactly. */
    public static Lead fromJson(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored lead is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode c = json.path("contact");
        return new Lead(json.path("id").asText(), json.path("flow").asText(), readProspect(json.path("prospect")),
                text(json, "source"), readAnswers(json.path("answers")), json.path("score").asInt(), strings(json.path("tags")), strings(json.path("path")),
                new Contact(text(c, "name"), text(c, "phone"), text(c, "email"), text(c, "username")),
                Instant.parse(json.path("started_at").asText()), Instant.parse(json.path("completed_at").asText()),
                json.has("stopped_at") ? Optional.of(new Stop(json.path("stopped_at").path("node").asText(),
                        json.path("stopped_at").path("question").asText())) : Optional.empty(),
                text(json, "completes"));
    }

    /** The prospect's fields, as leads and stored conversations both write them. */
    public static void writeProspect(ObjectNode json, Prospect prospect) {
        json.put("chat_id", prospect.chatId());
        json.put("user_id", prospect.userId());
        optional(json, "username", prospect.username());
        json.put("first_name", prospect.firstName());
        optional(json, "last_name", prospect.lastName());
        json.put("language_code", prospect.languageCode());
    }

    public static Prospect readProspect(JsonNode p) {
        return new Prospect(p.path("chat_id").asLong(), p.path("user_id").asLong(), text(p, "username"), p.path("first_name").asText(),
                text(p, "last_name"), p.path("language_code").asText());
    }

    /** The answers, in order, as leads and stored conversations both write them. */
    public static void writeAnswers(ArrayNode json, List<Answer> answers) {
        for (Answer answer : answers) {
            ObjectNode a = json.addObject();
            a.put("variable", answer.variable());
            a.put("node", answer.node());
            ArrayNode values = a.putArray("values");
            answer.values().forEach(values::add);
            a.put("label", answer.label());
        }
    }

    public static List<Answer> readAnswers(JsonNode json) {
        List<Answer> answers = new ArrayList<>();
        for (JsonNode a : json) {
            answers.add(new Answer(a.path("variable").asText(), a.path("node").asText(), strings(a.path("values")), a.path("label").asText()));
        }
        return answers;
    }

    /** A field that may be absent. */
    public static Optional<String> text(JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.path(field).asText()) : Optional.empty();
    }

    /** An array of strings. */
    public static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** One line of JSON, for JSONL files. */
    public static String toLine(Lead lead) {
        return toJson(lead).toString();
    }

    private static void optional(ObjectNode json, String field, Optional<String> value) {
        value.ifPresent(v -> json.put(field, v));
    }
}
