package dev.leadbot.lead;

import java.util.Objects;

/**
 * Where a partial lead's prospect went silent: the question they were asked last and left
 * unanswered, by its node id and its text in the flow's default language (what the owner reads).
 */
public record Stop(String node, String question) {

    public Stop {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(question, "question");
    }
}
