package dev.leadbot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Set;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * A reply as the store keeps it: the Bot API call in the library's own JSON, and the question
 * step it shows (a new message) or changes (an edit, whose message id is only known when its turn
 * comes). Step 0 means no question. A copy of a message (a conversation with a manager) is stored too, so it is
 * sent after a crash; what the bot starts itself (a prospect's message copied to the owner chats) goes on the bulk lane.
 */
record StoredCall(BotApiMethod<? extends Serializable> method, int step, Outbox.Origin origin) {

    /** A reply to what the chat wrote. */
    StoredCall(BotApiMethod<? extends Serializable> method, int step) {
        this(method, step, Outbox.Origin.REPLY);
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    boolean isEdit() {
        return method instanceof EditMessageText || method instanceof EditMessageReplyMarkup;
    }

    /** For the logs: the Bot API method and the step. */
    String what() {
        return method.getMethod() + (step > 0 ? " step " + step : "");
    }

    /**
     * Which queued call this one makes pointless when it comes right after it: an identical message
     * that asks nothing (three "use the buttons" notices in a row are one); an edit of a question's
     * buttons replaced by a later edit of them, and any edit by a later edit of the text (which sets
     * text and buttons whole). A question is never merged: its message id is needed.
     */
    Outbox.Superseding superseding() {
        // A copy, or a message the bot starts itself (a prospect's words in an owner chat), is never one of a run of notices.
        if (method instanceof CopyMessage || origin == Outbox.Origin.BOT) {
            return Outbox.Superseding.NONE;
        }
        if (method instanceof SendMessage) {
            if (step > 0) {
                return Outbox.Superseding.NONE;
            }
            String key = "say:" + encode();
            return new Outbox.Superseding(key, Set.of(key));
        }
        String markup = "markup:" + step;
        if (method instanceof EditMessageText) {
            String text = "text:" + step;
            return new Outbox.Superseding(text, Set.of(text, markup));
        }
        return new Outbox.Superseding(markup, Set.of(markup));
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("call", method.getMethod()).put("step", step);
        if (origin == Outbox.Origin.BOT) {
            node.put("origin", origin.name());
        }
        node.set("body", JSON.valueToTree(method));
        return node.toString();
    }

    /** @throws IllegalArgumentException when the payload is not a call this version writes */
    static StoredCall decode(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            JsonNode body = node.path("body");
            BotApiMethod<? extends Serializable> method = switch (node.path("call").asText()) {
                case SendMessage.PATH -> JSON.treeToValue(body, SendMessage.class);
                case EditMessageText.PATH -> JSON.treeToValue(body, EditMessageText.class);
                case EditMessageReplyMarkup.PATH -> JSON.treeToValue(body, EditMessageReplyMarkup.class);
                case CopyMessage.PATH -> JSON.treeToValue(body, CopyMessage.class);
                default -> throw new IllegalArgumentException("unknown call " + node.path("call"));
            };
            return new StoredCall(method, node.path("step").asInt(), Outbox.Origin.valueOf(node.path("origin").asText("REPLY")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable stored reply: " + e.getOriginalMessage(), e);
        }
    }
}
