package dev.leadbot.walkthrough;

import dev.leadbot.flow.InputNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a prospect could type at an input, generated from its kind and limits: one that fits,
 * used to walk on, and the ones just outside the limits or of the wrong kind, which must be
 * refused with a re-ask.
 */
final class TypedAnswers {

    /** A typed answer and whether the input must take it. */
    record Typed(String text, boolean fits, String why) {
    }

    private static final String SAMPLE_RU = "Анна Иванова";
    private static final String LONGER_RU = "Нужен бот для записи клиентов: выбор услуги и времени, оплата и напоминания. ";
    private static final String SAMPLE_EN = "Anna Smith";
    private static final String LONGER_EN = "We need a booking bot: pick a service and a time, pay, and get reminders. ";

    private final boolean russian;

    TypedAnswers(String language) {
        this.russian = !language.equals("en");
    }

    /** What the walk types to go on: readable, within the limits. */
    String walkOn(InputNode input) {
        return switch (input.kind()) {
            case PHONE -> "+7 916 123-45-67";
            case EMAIL -> "anna@example.com";
            case NUMBER -> input.min().or(input::max).orElse(BigDecimal.TEN).toPlainString();
            case TEXT -> text(input);
        };
    }

    private String text(InputNode input) {
        String sample = russian ? SAMPLE_RU : SAMPLE_EN;
        if (sample.length() >= input.minLength() && sample.length() <= input.maxLength()) {
            return sample;
        }
        String longer = (russian ? LONGER_RU : LONGER_EN).repeat(1 + input.minLength() / 40);
        return longer.substring(0, Math.min(longer.length(), Math.max(input.minLength(), Math.min(input.maxLength(), 80)))).strip();
    }

    /** Answers at the edges: the longest that fits, and ones that must be refused. */
    List<Typed> edges(InputNode input) {
        List<Typed> edges = new ArrayList<>();
        switch (input.kind()) {
            case TEXT -> {
                edges.add(new Typed("я".repeat(input.maxLength()), true, "the longest answer allowed (" + input.maxLength() + " characters)"));
                edges.add(new Typed("я".repeat(input.maxLength() + 1), false, "an answer one character over max_length"));
                if (input.minLength() > 1) {
                    edges.add(new Typed("я".repeat(input.minLength() - 1), false, "an answer one character under min_length"));
                }
            }
            case PHONE -> edges.add(new Typed("12", false, "a number too short to be a phone"));
            case EMAIL -> edges.add(new Typed("anna at example", false, "an address without '@'"));
            case NUMBER -> {
                edges.add(new Typed("twelve", false, "a word instead of a number"));
                input.min().ifPresent(min -> edges.add(new Typed(min.subtract(BigDecimal.ONE).toPlainString(), false, "a number under min")));
                input.max().ifPresent(max -> edges.add(new Typed(max.add(BigDecimal.ONE).toPlainString(), false, "a number over max")));
            }
        }
        return edges;
    }
}
