package dev.leadbot.flow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Asks the prospect to type something of a given kind and re-asks with {@code reask} until it
 * validates. Text length limits apply to {@code text}; {@code min}/{@code max} to numbers.
 */
public record InputNode(
        String id,
        Text text,
        String variable,
        InputKind kind,
        int minLength,
        int maxLength,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        Optional<Text> reask,
        Next next,
        Position at) implements Node {

    /** The longest text answer a flow may allow: Telegram's 4,096 characters, less room for the bot's own words. */
    public static final int LONGEST_TEXT = 4000;

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
        return Stream.concat(Stream.of(text), reask.stream());
    }
}
