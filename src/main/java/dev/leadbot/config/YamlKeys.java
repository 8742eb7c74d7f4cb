package dev.leadbot.config;

import dev.leadbot.flow.MappingKeys;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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
    private final MappingKeys keys;
    private final YamlProblems problems;

    private YamlKeys(Node yaml, String what, MappingKeys keys, YamlProblems problems) {
        this.yaml = yaml;
        this.what = what;
        this.keys = keys;
        this.problems = problems;
    }

    /**
     * Reads {@code yaml} as a mapping whose keys must be among {@code allowed}.
     *
     * @param what how messages name this mapping: the file, or {@code bot 'shop'}
     */
    static Optional<YamlKeys> read(Node yaml, String what, List<String> allowed, YamlProblems problems) {
        return MappingKeys.read(yaml, what, allowed, problems::add).map(keys -> new YamlKeys(yaml, what, keys, problems));
    }

    Optional<Node> value(String key) {
        return keys.entry(key).map(NodeTuple::getValueNode);
    }

    /** Where {@code key} is written, or the mapping's start. */
    SettingsProblem.Place keyAt(String key) {
        return problems.at(keys.entry(key).map(NodeTuple::getKeyNode).orElse(yaml));
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
