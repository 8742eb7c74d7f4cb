package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import dev.leadbot.language.Plurals;

/**
 * A text the prospect reads, in one or more languages. Written in a flow either as a plain
 * string or as a map by language code; {@link #in} falls back to the flow's default language.
 * {@code at} is where the text is written ({@link Position#BUILT_IN} for the bot's defaults).
 *
 * <p>{@code {variable}} in a text is a placeholder; {@code {{} and {@code }}} stand for a literal
 * brace, so a text can show "{" and "}" too. {@code {min:символ|символа|символов}} is the form of
 * a noun that goes with the number {@code min}, by the plural rules of the text's language.
 */
public record Text(String fallback, Map<String, String> translations, Position at) {

    public Text {
        Objects.requireNonNull(fallback, "fallback");
        translations = Map.copyOf(translations);
        Objects.requireNonNull(at, "at");
    }

    /** The same text for every language. */
    public static Text of(String text) {
        return new Text(text, Map.of(), Position.BUILT_IN);
    }

    /** The text for a Telegram language code such as {@code en} or {@code pt-br}. */
    public String in(String languageCode) {
        String primary = languageCode.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return translations.getOrDefault(primary, fallback);
    }

    /**
     * The text for {@code languageCode} with each placeholder replaced by {@code value} of its name
     * and each doubled brace by one brace; a placeholder without a value stays as written, and an empty value
     * takes the comma before it along.
     */
    public String render(String languageCode, Function<String, Optional<String>> value) {
        String text = in(languageCode);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Brace brace : braces(text)) {
            out.append(text, copied, brace.start());
            if (brace.literal()) {
                out.append(text.charAt(brace.start()));
            } else {
                String written = text.substring(brace.start(), brace.end());
                String filled = !brace.closed() ? written : brace.name().contains(":") ? counted(brace.name(), languageCode, value).orElse(written)
                        : value.apply(brace.name()).orElse(written);
                if (filled.isEmpty()) {
                    dropTrailingComma(out);
                }
                out.append(filled);
            }
            copied = brace.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** An empty value takes the comma before it along: "Hello, {name}!" without a name reads "Hello!". */
    private static void dropTrailingComma(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0 && out.charAt(end - 1) == ',') {
            out.setLength(end - 1);
        }
    }

    /**
     * {@code {count:form|form|form}}: the form of a noun that goes with the number {@code count},
     * by the plural rules of the language the text is written in ("хотя бы {min} {min:символ|символа|символов}").
     */
    private Optional<String> counted(String placeholder, String languageCode, Function<String, Optional<String>> value) {
        int colon = placeholder.indexOf(':');
        List<String> forms = List.of(placeholder.substring(colon + 1).split("\\|", -1));
        return value.apply(placeholder.substring(0, colon)).flatMap(number -> {
            try {
                return Optional.of(Plurals.choose(writtenIn(languageCode), Long.parseLong(number.strip()), forms));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The language of the text {@link #in} picks: the prospect's, or the translation the fallback is. */
    private String writtenIn(String languageCode) {
        String primary = languageCode.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (translations.containsKey(primary)) {
            return primary;
        }
        return translations.entrySet().stream().filter(e -> e.getValue().equals(fallback)).map(Map.Entry::getKey).findFirst().orElse(primary);
    }

    /** Every placeholder name any translation of this text uses, in order of appearance. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        names.addAll(placeholdersIn(fallback));
        translations.values().forEach(t -> names.addAll(placeholdersIn(t)));
        return names;
    }

    static List<String> placeholdersIn(String text) {
        return braces(text).stream().filter(b -> !b.literal() && b.closed()).map(Brace::name).toList();
    }

    /**
     * One brace construct in a text: a doubled brace standing for itself ({@code literal}), a
     * placeholder {@code {name}}, or a {@code {} that is never closed. {@code start} and
     * {@code end} are char indexes into the text.
     */
    record Brace(int start, int end, String name, boolean literal, boolean closed) {
    }

    static List<Brace> braces(String text) {
        List<Brace> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                found.add(new Brace(i, i + 2, "", true, true));
                i += 2;
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    found.add(new Brace(i, i + 1, "", false, false));
                    i++;
                } else {
                    found.add(new Brace(i, close + 1, text.substring(i + 1, close), false, true));
                    i = close + 1;
                }
            } else {
                i++;
            }
        }
        return found;
    }
}
