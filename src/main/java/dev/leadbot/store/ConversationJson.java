package dev.leadbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.engine.Conversation;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Prospect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        ObjectNode prospect = json.putObject("prospect");
        prospect.put("chat_id", c.prospect().chatId()).put("user_id", c.prospect().userId());
        c.prospect().username().ifPresent(u -> prospect.put("username", u));
        prospect.put("first_name", c.prospect().firstName());
        c.prospect().lastName().ifPresent(l -> prospect.put("last_name", l));
        prospect.put("language_code", c.prospect().languageCode());
        c.source().ifPresent(s -> json.put("source", s));
        json.put("started_at", c.startedAt().toString()).put("node", c.node()).put("step", c.step());
        ArrayNode answers = json.putArray("answers");
        for (Answer answer : c.answers()) {
            ObjectNode a = answers.addObject().put("variable", answer.variable()).put("node", answer.node()).put("label", answer.label());
            answer.values().forEach(a.putArray("values")::add);
        }
        c.path().forEach(json.putArray("path")::add);
        c.ticked().forEach(json.putArray("ticked")::add);
        json.put("status", c.status().name()).put("nudged_at", c.nudgedAt());
        return json.toString();
    }

    static Conversation read(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored conversation is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode p = json.path("prospect");
        Prospect prospect = new Prospect(p.path("chat_id").asLong(), p.path("user_id").asLong(), text(p, "username"),
                p.path("first_name").asText(), text(p, "last_name"), p.path("language_code").asText());
        List<Answer> answers = new ArrayList<>();
        for (JsonNode a : json.path("answers")) {
            answers.add(new Answer(a.path("variable").asText(), a.path("node").asText(), strings(a.path("values")), a.path("label").asText()));
        }
        return new Conversation(prospect, text(json, "source"), Instant.parse(json.path("started_at").asText()), json.path("node").asText(),
                json.path("step").asInt(), answers, strings(json.path("path")), strings(json.path("ticked")),
                Conversation.Status.valueOf(json.path("status").asText()), json.path("nudged_at").asInt());
    }

    private static Optional<String> text(JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.path(field).asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
