package dev.leadbot.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a prospect-facing text: a plain string, or a map from language code to string. */
final class TextReader {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final String defaultLanguage;
    private final Problems problems;

    TextReader(String defaultLanguage, Problems problems) {
        this.defaultLanguage = defaultLanguage;
        this.problems = problems;
    }

    /** Reads {@code key} of {@code map}, reporting an empty or missing text with {@code fix}. */
    Optional<Text> read(YamlMap map, String key, String fix) {
        Optional<Node> value = map.value(key);
        if (value.isEmpty()) {
            problems.add(map.at(), map.what() + " has no '" + key + "'; " + fix);
            return Optional.empty();
        }
        return read(value.get(), "'" + key + "' in " + map.what(), fix);
    }

    Optional<Text> read(Node yaml, String description, String fix) {
        if (yaml instanceof ScalarNode scalar) {
            return nonEmpty(scalar, description, fix).map(t -> new Text(t, Map.of(), Problems.at(scalar)));
        }
        if (!(yaml instanceof MappingNode mapping)) {
            problems.add(yaml, description + " must be a text, or a map by language code such as 'ru:' and 'en:'");
            return Optional.empty();
        }
        Map<String, String> translations = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String language = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!LANGUAGE.matcher(language).matches()) {
                problems.add(tuple.getKeyNode(), "'" + language + "' in " + description
                        + " is not a language code; use a two- or three-letter code such as 'ru' or 'en'"
                        + (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                                ? " (a text that starts with '{' must be put in quotes: \"{name}, …\")" : ""));
                continue;
            }
            if (tuple.getValueNode() instanceof ScalarNode scalar) {
                nonEmpty(scalar, description + " (" + language + ")", fix).ifPresent(t -> translations.put(language, t));
            } else {
                problems.add(tuple.getValueNode(), description + " (" + language + ") must be a text");
            }
        }
        if (!translations.containsKey(defaultLanguage)) {
            problems.add(yaml, description + " has no '" + defaultLanguage + ":' text, the flow's default language; add one,"
                    + " it is shown to every prospect whose language has no text of its own");
            return Optional.empty();
        }
        return Optional.of(new Text(translations.get(defaultLanguage), translations, Problems.at(yaml)));
    }

    private Optional<String> nonEmpty(ScalarNode scalar, String description, String fix) {
        if (scalar.getValue().isBlank()) {
            problems.add(scalar, description + " is empty; " + fix);
            return Optional.empty();
        }
        return Optional.of(scalar.getValue().strip());
    }
}
