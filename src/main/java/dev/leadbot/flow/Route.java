package dev.leadbot.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One way out of a node: go to {@code target} when every condition holds. An empty condition
 * map is the default route. A condition holds when the variable's answer is any of the values
 * (for a checklist: when any of the values is ticked). {@code at} is where the target is
 * written, {@code whenAt} where the conditions are.
 */
public record Route(Map<String, List<String>> when, String target, Position at, Position whenAt) {

    public Route {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        when.forEach((variable, values) -> copy.put(variable, List.copyOf(values)));
        when = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(whenAt, "whenAt");
    }

    public boolean isDefault() {
        return when.isEmpty();
    }
}
