package dev.leadbot.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A {@code sinks:} list as written: each entry's settings and {@code fields:}, with the place of each. */
final class SinkEntries {

    private SinkEntries() {
    }

    static List<SettingsFile.SinkEntry> read(Node list, YamlProblems problems) {
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(list, "'sinks' must be a list, one '- type: …' entry per sink", "");
            return List.of();
        }
        List<SettingsFile.SinkEntry> entries = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(item, "each sink must be a mapping such as '- type: webhook', with its settings under it", "");
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, SettingsProblem.Place> places = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                Node value = tuple.getValueNode();
                places.put(key, problems.at(tuple.getKeyNode()));
                if (key.equals("fields") && value instanceof MappingNode map) {
                    map.getValue().forEach(field -> {
                        if (field.getKeyNode() instanceof ScalarNode k && field.getValueNode() instanceof ScalarNode v) {
                            fields.put(k.getValue(), v.getValue());
                            places.put("fields." + k.getValue(), problems.at(v));
                        } else {
                            problems.add(field.getKeyNode(), "each of 'fields' must be 'destination field: lead field'", "");
                        }
                    });
                } else if (value instanceof ScalarNode scalar) {
                    settings.put(key, scalar.getValue());
                } else if (value instanceof SequenceNode values && values.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                    settings.put(key, values.getValue().stream().map(v -> ((ScalarNode) v).getValue()).collect(Collectors.joining(",")));
                } else {
                    problems.add(value, "'" + key + "' of a sink must be a value or a list of values", "");
                }
            }
            if (!settings.containsKey("type")) {
                problems.add(item, "a sink has no 'type'", "write type: amocrm, bitrix24, retailcrm, google_sheets or webhook");
                continue;
            }
            settings.putIfAbsent("name", settings.get("type"));
            entries.add(new SettingsFile.SinkEntry(problems.at(item), settings, fields, places));
        }
        return entries;
    }
}
