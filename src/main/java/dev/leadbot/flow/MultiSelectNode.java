package dev.leadbot.flow;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A checklist: the prospect ticks and unticks options, then presses the done button. Between
 * {@code min} and {@code max} ticks are accepted; the ticked ids are saved in option order.
 */
public record MultiSelectNode(
        String id, Text text, String variable, List<Option> options, int min, int max, Text done, Next next, Position at)
        implements Node {

    public MultiSelectNode {
        options = List.copyOf(options);
    }

    @Override
    public Optional<String> savesAs() {
        return Optional.of(variable);
    }

    @Override
    public List<Route> routes() {
        return next.routes();
    }

    @Override
    public Stream<Text> texts() {
        return Stream.concat(Stream.of(text, done), options.stream().map(Option::label));
    }
}
