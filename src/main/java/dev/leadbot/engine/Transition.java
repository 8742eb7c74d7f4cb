package dev.leadbot.engine;

import java.util.List;
import java.util.Objects;

/** The engine's answer to one input: the conversation's next state and what to show. */
public record Transition(Conversation state, List<Output> outputs) {

    public Transition {
        Objects.requireNonNull(state, "state");
        outputs = List.copyOf(outputs);
    }
}
