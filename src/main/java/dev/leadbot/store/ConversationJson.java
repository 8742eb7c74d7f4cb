package dev.leadbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.engine.Conversation;
import dev.leadbot.sink.LeadJson;
import java.time.Instant;

/**
 * A conversation as one JSON text and back, field by field, so what is restored equals what was
 * saved: the store's half of "saved and restored exactly".
 */
final class ConversationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationJson() {
    }

    static String write(Conversation c) {
        ObjectNode json = JSON.createObjectNode();
        LeadJson.writeProspect(json.putObject("prospect"), c.prospect());
        c.source().ifPresent(s -> json.put("source", s));
        json.put("started_at", c.startedAt().toString()).put("node", c.node()).put("step", c.step());
        LeadJson.writeAnswers(json.putArray("answers"), c.answers());
        c.path().forEach(json.putArray("path")::add);
        c.ticked().forEach(json.putArray("ticked")::add);
        if (!c.preface().isEmpty()) {
            c.preface().forEach(json.putArray("preface")::add);
        }
        json.put("status", c.status().name()).put("nudged_at", c.nudgedAt());
        c.partialLead().ifPresent(id -> json.put("partial_lead", id));
        if (c.abandoned()) {
            json.put("abandoned", true);
        }
        return json.toString();
    }

    static Conversation read(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored conversation is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new Conversation(LeadJson.readProspect(json.path("prospect")), LeadJson.text(json, "source"),
                Instant.parse(json.path("started_at").asText()), json.path("node").asText(), json.path("step").asInt(),
                LeadJson.readAnswers(json.path("answers")), LeadJson.strings(json.path("path")), LeadJson.strings(json.path("ticked")),
                LeadJson.strings(json.path("preface")),
                Conversation.Status.valueOf(json.path("status").asText()), json.path("nudged_at").asInt(),
                LeadJson.text(json, "partial_lead"), json.path("abandoned").asBoolean(false));
    }
}
