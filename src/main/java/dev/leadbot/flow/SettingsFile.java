package dev.leadbot.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A flat settings file such as {@code leadbot.yaml}: known keys only (a typo is reported with
 * "did you mean" and its line), each a value or a list of values.
 */
public final class SettingsFile {

    /**
     * The values by key (a list joined with commas), where each key stands ({@code file:line:column}),
     * the {@code sinks:} entries, and every problem found.
     */
    public record Contents(Map<String, String> values, Map<String, String> places, List<SinkEntry> sinks, List<Problem> problems) {
        public Contents {
            values = Map.copyOf(values);
            places = Map.copyOf(places);
            sinks = List.copyOf(sinks);
            problems = List.copyOf(problems);
        }
    }

    /**
     * One entry of the {@code sinks:} list as written: its place ({@code file:line:column}), its
     * settings (type and name among them; a list joined with commas), its {@code fields:} mapping,
     * and the place of each setting and of each field ({@code fields.<destination field>}).
     */
    public record SinkEntry(String where, Map<String, String> values, Map<String, String> fields, Map<String, String> places) {
        public SinkEntry {
            values = Map.copyOf(values);
            fields = Map.copyOf(fields);
            places = Map.copyOf(places);
        }

        /** Where {@code key} is written, or the entry's own place. */
        public String placeOf(String key) {
            return places.getOrDefault(key, where);
        }
    }

    /** The key under which sinks are declared; a caller that allows it lists it among the keys. */
    public static final String SINKS = "sinks";

    private SettingsFile() {
    }

    public static Contents read(Path file, List<String> keys) throws IOException {
        String name = file.toString();
        Problems problems = new Problems(name);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> places = new LinkedHashMap<>();
        List<SinkEntry> sinks = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            Position at = e.getProblemMark() == null ? new Position(1, 1)
                    : new Position(e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1);
            problems.add(at, "YAML syntax: " + e.getProblem() + "; check the indentation and quotes");
            return new Contents(values, places, sinks, problems.sorted());
        }
        if (root != null) {
            YamlMap.read(root, name, keys, problems).ifPresent(map -> {
                keys.stream().filter(key -> !key.equals(SINKS)).forEach(key -> value(map, key, problems).ifPresent(v -> {
                    values.put(key, v);
                    places.put(key, name + ":" + map.keyAt(key));
                }));
                map.value(SINKS).ifPresent(list -> sinks.addAll(sinks(list, name, problems)));
            });
        }
        return new Contents(values, places, sinks, problems.sorted());
    }

    private static List<SinkEntry> sinks(Node list, String file, Problems problems) {
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(list, "'sinks' must be a list, one '- type: …' entry per sink");
            return List.of();
        }
        List<SinkEntry> entries = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(item, "each sink must be a mapping such as '- type: webhook', with its settings under it");
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> places = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                Node value = tuple.getValueNode();
                places.put(key, file + ":" + Problems.at(tuple.getKeyNode()));
                if (key.equals("fields") && value instanceof MappingNode map) {
                    map.getValue().forEach(field -> {
                        if (field.getKeyNode() instanceof ScalarNode k && field.getValueNode() instanceof ScalarNode v) {
                            fields.put(k.getValue(), v.getValue());
                            places.put("fields." + k.getValue(), file + ":" + Problems.at(v));
                        } else {
                            problems.add(field.getKeyNode(), "each of 'fields' must be 'destination field: lead field'");
                        }
                    });
                } else if (value instanceof ScalarNode scalar) {
                    settings.put(key, scalar.getValue());
                } else if (value instanceof SequenceNode values && values.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                    settings.put(key, values.getValue().stream().map(v -> ((ScalarNode) v).getValue()).collect(Collectors.joining(",")));
                } else {
                    problems.add(value, "'" + key + "' of a sink must be a value or a list of values");
                }
            }
            if (!settings.containsKey("type")) {
                problems.add(item, "a sink has no 'type'; write type: amocrm, bitrix24, retailcrm, google_sheets or webhook");
                continue;
            }
            settings.putIfAbsent("name", settings.get("type"));
            entries.add(new SinkEntry(file + ":" + Problems.at(item), settings, fields, places));
        }
        return entries;
    }

    private static Optional<String> value(YamlMap map, String key, Problems problems) {
        Optional<Node> node = map.value(key);
        if (node.isPresent() && node.get() instanceof SequenceNode list) {
            if (list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                return Optional.of(list.getValue().stream().map(v -> ((ScalarNode) v).getValue()).collect(Collectors.joining(",")));
            }
            problems.add(list, "'" + key + "' must be a value or a list of values");
            return Optional.empty();
        }
        return map.string(key);
    }
}
