package dev.leadbot.flow;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A question with one button per option; the picked option's id is saved. An option without
 * its own {@code next} follows the node's {@code next}.
 */
public record ChoiceNode(String id, Text text, String variable, List<Option> options, Optional<Next> next, Position at)
        implements Node {

    public ChoiceNode {
        options = List.copyOf(options);
    }

    @Override
    public Optional<String> savesAs() {
        return Optional.of(variable);
    }

    /** Where picking {@code option} leads: its own next, else the node's. */
    public Optional<Next> nextAfter(Option option) {
        return option.next().or(() -> next);
    }

    @Override
    public List<Route> routes() {
        return options.stream().flatMap(o -> nextAfter(o).stream()).flatMap(n -> n.routes().stream()).toList();
    }

    @Override
    public Stream<Text> texts() {
        return Stream.concat(Stream.of(text), options.stream().map(Option::label));
    }
}
