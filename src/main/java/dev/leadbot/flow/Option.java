package dev.leadbot.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A button of a choice or a line of a checklist. {@code id} is what is saved and sent in
 * button data; {@code label} is what the prospect reads. A choice option may have its own
 * {@code next}; otherwise its node's {@code next} applies. A choice option may also be the
 * prospect's answer to a consent question ({@code consent: given} or {@code declined}).
 */
public record Option(String id, Text label, int score, List<String> tags, Optional<Next> next, Optional<Consent> consent, Position at) {

    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        tags = List.copyOf(tags);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(at, "at");
    }
}
