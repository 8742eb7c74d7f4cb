package dev.leadbot.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The settings file, {@code leadbot.yaml}: known keys only (a typo is reported with "did you mean" and its line), each a
 * value or a list of values, with the {@code sinks:} and {@code bots:} sections read by {@link SinkEntries} and
 * {@link BotEntries}.
 */
final class SettingsFile {

    /** The key under which sinks are declared. */
    static final String SINKS = "sinks";
    /** The key under which several bots are declared, each by its name. */
    static final String BOTS = "bots";

    /**
     * The values by key (a list joined with commas), where each key stands, the {@code sinks:} and {@code bots:} entries,
     * and every problem found, in file order.
     */
    record Contents(Map<String, String> values, Map<String, SettingsProblem.Place> places, List<SinkEntry> sinks, List<BotEntry> bots,
            List<SettingsProblem> problems) {
        Contents {
            values = Map.copyOf(values);
            places = Map.copyOf(places);
            sinks = List.copyOf(sinks);
            bots = List.copyOf(bots);
            problems = List.copyOf(problems);
        }

        /** Nothing read: no file. */
        static Contents empty() {
            return new Contents(Map.of(), Map.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * One bot under {@code bots:}: its name and where it stands, its own settings as written (a list joined with commas)
     * with the place of each, and its own {@code sinks:} if it declares any (else it takes the top level's).
     */
    record BotEntry(String name, SettingsProblem.Place where, Map<String, String> values, Map<String, SettingsProblem.Place> places,
            Optional<List<SinkEntry>> sinks) {
        BotEntry {
            values = Map.copyOf(values);
            places = Map.copyOf(places);
            sinks = sinks.map(List::copyOf);
        }

        /** Where {@code key} is written, or the bot's name. */
        SettingsProblem.Place placeOf(String key) {
            return places.getOrDefault(key, where);
        }
    }

    /**
     * One entry of a {@code sinks:} list as written: its place, its settings (type and name among them; a list joined with
     * commas), its {@code fields:} mapping, and the place of each setting and of each field ({@code fields.<destination>}).
     */
    record SinkEntry(SettingsProblem.Place where, Map<String, String> values, Map<String, String> fields,
            Map<String, SettingsProblem.Place> places) {
        SinkEntry {
            values = Map.copyOf(values);
            fields = Map.copyOf(fields);
            places = Map.copyOf(places);
        }

        /** Where {@code key} is written, or the entry's own place. */
        SettingsProblem.Place placeOf(String key) {
            return places.getOrDefault(key, where);
        }
    }

    private SettingsFile() {
    }

    /** Reads {@code file}, whose top level may set {@code keys}; when they include {@link #BOTS}, each bot may set {@code botKeys}. */
    static Contents read(Path file, List<String> keys, List<String> botKeys) throws IOException {
        String name = file.toString();
        YamlProblems problems = new YamlProblems(name);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SettingsProblem.Place> places = new LinkedHashMap<>();
        List<SinkEntry> sinks = new ArrayList<>();
        List<BotEntry> bots = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            SettingsProblem.Place at = e.getProblemMark() == null ? new SettingsProblem.Place(name, 1, 1)
                    : new SettingsProblem.Place(name, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1);
            problems.add(at, "YAML syntax: " + e.getProblem(), "check the indentation and quotes");
            return new Contents(values, places, sinks, bots, problems.sorted());
        }
        if (root != null) {
            YamlKeys.read(root, name, keys, problems).ifPresent(map -> {
                keys.stream().filter(key -> !key.equals(SINKS) && !key.equals(BOTS)).forEach(key -> map.values(key).ifPresent(v -> {
                    values.put(key, v);
                    places.put(key, map.keyAt(key));
                }));
                map.value(SINKS).ifPresent(list -> sinks.addAll(SinkEntries.read(list, problems)));
                map.value(BOTS).ifPresent(declared -> bots.addAll(BotEntries.read(declared, botKeys, problems)));
            });
        }
        return new Contents(values, places, sinks, bots, problems.sorted());
    }
}
