package dev.leadbot.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A button of a choice or a line of a checklist. {@code id} is what is saved and sent in
 * button data; {@code label} is what the prospect reads. A choice option may have its own
 * {@code next}; otherwise its node's {@code next} applies.
 */
public record Option(String id, Text label, int score, List<String> tags, Optional<Next> next, Position at) {

    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        tags = List.copyOf(tags);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
    }
}
