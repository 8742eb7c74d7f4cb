package dev.leadbot.flow;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text the prospect reads, in one or more languages. Written in a flow either as a plain
 * string or as a map by language code; {@link #in} falls back to the flow's default language.
 * {@code at} is where the text is written ({@link Position#BUILT_IN} for the bot's defaults).
 */
public record Text(String fallback, Map<String, String> translations, Position at) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

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

    /** Every {@code {variable}} any translation of this text uses, in order of appearance. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        collect(fallback, names);
        translations.values().forEach(t -> collect(t, names));
        return names;
    }

    private static void collect(String text, Set<String> into) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
