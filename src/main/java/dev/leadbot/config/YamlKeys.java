package dev.leadbot.config;

import dev.leadbot.flow.LookAlikes;
import dev.leadbot.flow.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the settings file, read with the place of each key. Unknown and repeated keys are reported as soon as
 * it is read, so a typo never silently drops a setting.
 */
final class YamlKeys {

    private final Node yaml;
    private final String what;
    private final Map<String, NodeTuple> entries;
    private final YamlProblems problems;

    private YamlKeys(Node yaml, String what, Map<String, NodeTuple> entries, YamlProblems problems) {
        this.yaml = yaml;
        this.what = what;
        this.entries = entries;
        this.problems = problems;
    }

    /**
     * Reads {@code yaml} as a mapping whose keys must be among {@code allowed}.
     *
     * @param what how messages name this mapping: the file, or {@code bot 'shop'}
     */
    static Optional<YamlKeys> read(Node yaml, String what, List<String> allowed, YamlProblems problems) {
        if (!(yaml instanceof MappingNode mapping)) {
            boolean noSpace = yaml instanceof ScalarNode scalar && scalar.getValue().matches("[A-Za-z_]+:\\S.*");
            problems.add(yaml, what + " must be a mapping of 'key: value' lines", noSpace
                    ? "put a space after the ':' in '" + ((ScalarNode) yaml).getValue() + "'" : "");
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), "a key in " + what + " must be a plain word", "");
                continue;
            }
            String name = key.getValue();
            if (entries.containsKey(name)) {
                problems.add(key, "'" + name + "' is given twice in " + what, "keep one of them");
            } else if (!allowed.contains(name)) {
                SettingsProblem.Place at = problems.at(key);
                problems.add(at, "unknown key '" + name + "'" + LookAlikes.clause(name, at.line(), at.column()) + " in " + what,
                        Suggestions.closest(name, allowed).map(close -> "did you mean '" + close + "'?")
                                .orElse("allowed keys: " + String.join(", ", allowed)));
            } else {
                entries.put(name, tuple);
            }
        }
        return Optional.of(new YamlKeys(yaml, what, entries, problems));
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** Where {@code key} is written, or the mapping's start. */
    SettingsProblem.Place keyAt(String key) {
        return problems.at(Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode).orElse(yaml));
    }

    /** A value, or a list of values joined with commas; anything else is reported. */
    Optional<String> values(String key) {
        Optional<Node> node = value(key);
        if (node.isPresent() && node.get() instanceof SequenceNode list) {
            if (list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                return Optional.of(list.getValue().stream().map(v -> ((ScalarNode) v).getValue()).collect(Collectors.joining(",")));
            }
            problems.add(list, "'" + key + "' must be a value or a list of values", "");
            return Optional.empty();
        }
        return node.flatMap(found -> {
            if (found instanceof ScalarNode scalar) {
                return Optional.of(scalar.getValue());
            }
            problems.add(found, "'" + key + "' in " + what + " must be a single value, not a list or mapping", "");
            return Optional.empty();
        });
    }
}
