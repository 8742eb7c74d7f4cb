package dev.leadbot.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A flat settings file such as {@code leadbot.yaml}: known keys only (a typo is reported with
 * "did you mean" and its line), each a value or a list of values.
 */
public final class SettingsFile {

    /** The values by key (a list joined with commas), and every problem found. */
    public record Contents(Map<String, String> values, List<Problem> problems) {
        public Contents {
            values = Map.copyOf(values);
            problems = List.copyOf(problems);
        }
    }

    private SettingsFile() {
    }

    public static Contents read(Path file, List<String> keys) throws IOException {
        String name = file.toString();
        Problems problems = new Problems(name);
        Map<String, String> values = new LinkedHashMap<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            Position at = e.getProblemMark() == null ? new Position(1, 1)
                    : new Position(e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1);
            problems.add(at, "YAML syntax: " + e.getProblem() + "; check the indentation and quotes");
            return new Contents(values, problems.sorted());
        }
        if (root != null) {
            YamlMap.read(root, name, keys, problems).ifPresent(map -> keys.forEach(key -> value(map, key, problems)
                    .ifPresent(v -> values.put(key, v))));
        }
        return new Contents(values, problems.sorted());
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
