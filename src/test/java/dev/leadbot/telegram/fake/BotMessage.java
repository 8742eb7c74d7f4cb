package dev.leadbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A message in a fake chat as it stands now: what the user sees, and its buttons. */
public record BotMessage(int id, boolean fromBot, String text, String html, Optional<JsonNode> markup, int edits, long sentAtNanos) {

    /** Labels of the inline buttons, row by row flattened. */
    public List<String> buttons() {
        List<String> labels = new ArrayList<>();
        markup.map(m -> m.path("inline_keyboard")).ifPresent(rows -> rows.forEach(row -> row.forEach(b -> labels.add(b.path("text").asText()))));
        return labels;
    }

    /** The inline keyboard's rows, as label lists, to check the layout. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        markup.map(m -> m.path("inline_keyboard")).ifPresent(all -> all.forEach(row -> {
            List<String> labels = new ArrayList<>();
            row.forEach(b -> labels.add(b.path("text").asText()));
            rows.add(labels);
        }));
        return rows;
    }

    public Optional<String> callbackData(String labelPart) {
        for (JsonNode row : markup.map(m -> m.path("inline_keyboard")).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
            for (JsonNode button : row) {
                if (button.path("text").asText().contains(labelPart)) {
                    return Optional.of(button.path("callback_data").asText());
                }
            }
        }
        return Optional.empty();
    }

    public boolean asksForContact() {
        return markup.map(m -> m.path("keyboard").toString().contains("\"request_contact\":true")).orElse(false);
    }

    public boolean removesKeyboard() {
        return markup.map(m -> m.path("remove_keyboard").asBoolean(false)).orElse(false);
    }
}
