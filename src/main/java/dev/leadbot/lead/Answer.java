package dev.leadbot.lead;

import java.util.List;
import java.util.Objects;

/**
 * One answer the prospect gave: the variable it is saved under, the node that asked, the
 * machine values (option ids, typed text, a normalised phone) and the label a person reads.
 */
public record Answer(String variable, String node, List<String> values, String label) {

    public Answer {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(node, "node");
        values = List.copyOf(values);
        Objects.requireNonNull(label, "label");
    }

    /** A single-valued answer, such as one picked option or one typed text. */
    public static Answer of(String variable, String node, String value, String label) {
        return new Answer(variable, node, List.of(value), label);
    }

    /** The values joined with commas: the option ids of a checklist, or the one value. */
    public String value() {
        return String.join(",", values);
    }
}
