package dev.leadbot.walkthrough;

import java.util.List;

/**
 * One way through a flow: the answers given ({@code choices}, e.g. {@code role=owner}), how
 * many questions it asks, whether it reaches an end, and its transcript, what the prospect sees
 * and taps and the lead it makes.
 */
public record WalkedPath(List<String> choices, int questions, boolean ends, List<String> transcript) {

    public WalkedPath {
        choices = List.copyOf(choices);
        transcript = List.copyOf(transcript);
    }

    /** A file name from the answers, stable while the path exists, so transcripts can be compared after an edit. */
    public String name() {
        String name = String.join("_", choices.stream().map(c -> c.substring(c.indexOf('=') + 1)).filter(c -> !c.equals("typed")).toList())
                .replaceAll("[^A-Za-z0-9_+-]", "-");
        return name.isEmpty() ? "start" : name.length() > 120 ? name.substring(0, 120) : name;
    }
}
