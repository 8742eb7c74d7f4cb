package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a prospect-facing text: a plain string, or a map from language code to string. Keeps
 * where each placeholder is written, so a wrong one is reported at its own column.
 */
final class TextReader {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /** A {@code {name}} as written in the file. */
    record Placeholder(String name, Position at) {
    }

    /** A text without the default language, reported one by one or, when many share the cause, once. */
    private record MissingLanguage(Position at, String description, Set<String> languages) {
    }

    private final Optional<String> defaultLanguage;
    private final Problems problems;
    private final Source source;
    private final Map<Text, List<Placeholder>> placeholders = new IdentityHashMap<>();
    private final List<MissingLanguage> missing = new ArrayList<>();

    /** @param defaultLanguage the flow's language; empty when it is itself a mistake, so texts are not judged by it */
    TextReader(Optional<String> defaultLanguage, Problems problems) {
        this.defaultLanguage = defaultLanguage;
        this.problems = problems;
        this.source = problems.source();
    }

    /** Reads {@code key} of {@code map}, reporting an empty or missing text with {@code fix}. */
    Optional<Text> read(YamlMap map, String key, String fix) {
        Optional<Node> value = map.value(key);
        if (value.isEmpty()) {
            if (!map.misspelt(key)) {
                problems.add(map.at(), map.what() + " has no '" + key + "'; " + fix);
            }
            return Optional.empty();
        }
        return read(value.get(), "'" + key + "' in " + map.what(), fix, Optional.of(map));
    }

    Optional<Text> read(Node yaml, String description, String fix) {
        return read(yaml, description, fix, Optional.empty());
    }

    /** @param owner the mapping the text belongs to: a key of it indented into the text is reported as misplaced */
    private Optional<Text> read(Node yaml, String description, String fix, Optional<YamlMap> owner) {
        List<Placeholder> found = new ArrayList<>();
        if (yaml instanceof ScalarNode scalar) {
            return nonEmpty(scalar, description, fix, found).map(t -> remember(new Text(t, Map.of(), Problems.at(scalar)), found));
        }
        if (!(yaml instanceof MappingNode mapping)) {
            problems.add(yaml, description + " must be a text, or a map by language code such as 'ru:' and 'en:'");
            return Optional.empty();
        }
        if (mapping.getValue().isEmpty()) {
            problems.add(yaml, description + " is empty; " + fix);
            return Optional.empty();
        }
        Map<String, String> translations = new LinkedHashMap<>();
        boolean emptyOrWrong = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String language = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (owner.filter(o -> o.allowed().contains(language) && !o.has(language)).isPresent()) {
                problems.add(tuple.getKeyNode(), "'" + language + ":' is indented into " + description + ", so it is read as a"
                        + " language; indent it like the keys of " + owner.get().what());
                owner.get().misplaced(language);
                continue;
            }
            if (!LANGUAGE.matcher(language).matches()) {
                Optional<String> twoLetters = Languages.twoLetterCode(language);
                problems.add(tuple.getKeyNode(), twoLetters.map(two -> "'" + language + ":' in " + description + " is a three-letter"
                        + " code, but Telegram tells the prospect's language in two; write '" + two + ":'").orElse("'" + language + "' in "
                        + description + " is not a language code; use a two-letter code such as 'ru' or 'en'"
                        + (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                                ? " (a text that starts with '{' must be put in quotes: \"{name}, …\")" : "")));
                emptyOrWrong = true;
                continue;
            }
            if (translations.containsKey(language)) {
                problems.add(tuple.getKeyNode(), "'" + language + ":' is given twice in " + description + "; keep one of them");
                emptyOrWrong = true;
                continue;
            }
            Optional<String> written = tuple.getValueNode() instanceof ScalarNode scalar
                    ? nonEmpty(scalar, description + " (" + language + ")", fix, found) : Optional.empty();
            if (!(tuple.getValueNode() instanceof ScalarNode)) {
                problems.add(tuple.getValueNode(), description + " (" + language + ") must be a text");
            }
            written.ifPresent(t -> translations.put(language, t));
            emptyOrWrong |= written.isEmpty();
        }
        if (translations.isEmpty() || emptyOrWrong) {
            return Optional.empty();
        }
        String fallback = defaultLanguage.isPresent() ? translations.get(defaultLanguage.get()) : translations.values().iterator().next();
        if (fallback == null) {
            missing.add(new MissingLanguage(Problems.at(yaml), description, translations.keySet()));
            return Optional.empty();
        }
        return Optional.of(remember(new Text(fallback, translations, Problems.at(yaml)), found));
    }

    /** Where each placeholder of {@code text} is written (empty for the bot's built-in texts). */
    List<Placeholder> placeholders(Text text) {
        return placeholders.getOrDefault(text, List.of());
    }

    /**
     * Reports the texts that lack the default language: one by one, or once at {@code language}
     * when several lack it and all share another language, which is then what 'language:' should say.
     */
    void reportMissingLanguage(Position language, boolean written) {
        if (missing.isEmpty() || defaultLanguage.isEmpty()) {
            return;
        }
        String wanted = defaultLanguage.get();
        Set<String> shared = new LinkedHashSet<>(missing.get(0).languages());
        missing.forEach(m -> shared.retainAll(m.languages()));
        if (missing.size() > 1 && !shared.isEmpty()) {
            String instead = shared.iterator().next();
            problems.add(language, (written ? "language '" + wanted + "'" : "the default language '" + wanted + "' (no 'language:'"
                    + " given)") + " is missing from " + missing.size() + " texts, the first on line " + missing.get(0).at().line()
                    + ", which are written in '" + instead + "'; write 'language: " + instead + "', or add a '" + wanted
                    + ":' text to each");
            return;
        }
        missing.forEach(m -> problems.add(m.at(), m.description() + " has no '" + wanted + ":' text, the flow's default"
                + " language; add one, it is shown to every prospect whose language has no text of its own"));
    }

    /** A plain text followed by ' #' on its line lost the rest of the line to a YAML comment. */
    private void comment(ScalarNode scalar, String description) {
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN || scalar.getEndMark() == null
                || scalar.getEndMark().getLine() != scalar.getStartMark().getLine()) {
            return;
        }
        int line = scalar.getEndMark().getLine() + 1;
        String rest = source.line(line).codePoints().skip(scalar.getEndMark().getColumn())
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (rest.strip().startsWith("#")) {
            String cut = rest.strip();
            problems.add(new Position(line, scalar.getEndMark().getColumn() + 1 + rest.indexOf('#')), description + " stops before '"
                    + cut + "': YAML reads ' #' as the start of a comment; put the whole text in quotes: \"" + scalar.getValue() + " "
                    + cut + "\"");
        }
    }

    private Text remember(Text text, List<Placeholder> found) {
        placeholders.put(text, List.copyOf(found));
        return text;
    }

    private Optional<String> nonEmpty(ScalarNode scalar, String description, String fix, List<Placeholder> found) {
        // '~' and 'null' are YAML's "nothing", not a text
        String value = scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
        if (value.isBlank()) {
            problems.add(scalar, description + " is empty; " + fix);
            return Optional.empty();
        }
        String stripped = value.strip();
        int leading = value.indexOf(stripped);
        comment(scalar, description);
        for (Text.Brace brace : Text.braces(stripped)) {
            Position at = source.at(scalar, value.codePointCount(0, leading + brace.start()));
            if (!brace.closed()) {
                problems.add(at, "the '{' at column " + at.column() + " in " + description + " is never closed; write '{name}'"
                        + " for a value, or '{{' to show a brace");
            } else if (!brace.literal()) {
                found.add(new Placeholder(brace.name(), at));
            }
        }
        return Optional.of(stripped);
    }
}
