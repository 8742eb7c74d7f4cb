package dev.leadbot.flow;

import java.util.List;
import java.util.function.Predicate;

/**
 * The flow's {@code partial_lead:} point: from when a conversation the prospect abandoned is
 * still worth a lead. It is reached once any of {@code onceKnown} has an answer; a partial lead
 * is then made only if the prospect also gave consent (the validator makes sure these variables
 * are asked after the consent question).
 */
public record PartialLead(List<String> onceKnown) {

    public PartialLead {
        onceKnown = List.copyOf(onceKnown);
        if (onceKnown.isEmpty()) {
            throw new IllegalArgumentException("a partial-lead point names at least one variable");
        }
    }

    /** Whether a conversation whose answered variables {@code known} tells has reached the point. */
    public boolean reachedBy(Predicate<String> known) {
        return onceKnown.stream().anyMatch(known);
    }
}
