package dev.leadbot.flow;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML mapping of a flow file, read with its positions. Unknown and repeated keys are
 * reported as soon as it is read, so a typo never silently changes the flow.
 */
final class YamlMap {

    private final Node yaml;
    private final String what;
    private final MappingKeys keys;
    private final Problems problems;
    private final Set<String> misspelt;
    private final List<String> allowed;

    private YamlMap(Node yaml, String what, MappingKeys keys, Problems problems, List<String> allowed) {
        this.yaml = yaml;
        this.what = what;
        this.keys = keys;
        this.problems = problems;
        this.misspelt = new HashSet<>(keys.misspelt());
        this.allowed = allowed;
    }

    /**
     * Reads {@code yaml} as a mapping whose keys must be among {@code allowed}.
     *
     * @param what how messages name this mapping, e.g. {@code node 'role'}
     */
    static Optional<YamlMap> read(Node yaml, String what, List<String> allowed, Problems problems) {
        return MappingKeys.read(yaml, what, allowed, problems.source(),
                (at, wrong, fix) -> problems.add(at, fix.isEmpty() ? wrong : wrong + "; " + fix))
                .map(keys -> new YamlMap(yaml, what, keys, problems, allowed));
    }

    /** Whether a key was not among the allowed ones (and was reported), e.g. a misspelt 'next'. */
    boolean hadUnknownKeys() {
        return keys.hadUnknownKeys();
    }

    /** Records that {@code key} was written, but misplaced inside another value (and reported there). */
    void misplaced(String key) {
        misspelt.add(key);
    }

    /** The keys this mapping allows. */
    List<String> allowed() {
        return allowed;
    }

    /** Whether an unknown key was reported as a likely misspelling of {@code key}, so its absence is no second problem. */
    boolean misspelt(String key) {
        return misspelt.contains(key);
    }

    Position at() {
        return Problems.at(yaml);
    }

    String what() {
        return what;
    }

    boolean has(String key) {
        return keys.entry(key).isPresent();
    }

    Optional<Node> value(String key) {
        return keys.entry(key).map(NodeTuple::getValueNode);
    }

    Position keyAt(String key) {
        return keys.entry(key).map(t -> Problems.at(t.getKeyNode())).orElse(at());
    }

    /** Where the value of {@code key} is written: the line a person points at when the value is wrong. */
    Position valueAt(String key) {
        return value(key).map(Problems::at).orElse(keyAt(key));
    }

    /** A single-value key; a list or mapping there is reported. */
    Optional<String> string(String key) {
        return value(key).flatMap(node -> scalar(node, "'" + key + "' in " + what));
    }

    /** Like {@link #string} but reports its absence with {@code fix}, what to write instead. */
    Optional<String> required(String key, String fix) {
        if (!has(key) && !misspelt(key)) {
            problems.add(at(), what + " has no '" + key + "'; " + fix);
        }
        return string(key);
    }

    Optional<Integer> integer(String key) {
        return number(key, "a whole number").flatMap(raw -> {
            try {
                return Optional.of(Integer.parseInt(raw.strip()));
            } catch (NumberFormatException e) {
                problems.add(value(key).orElseThrow(), "'" + key + "' in " + what + " must be a whole number, not '" + raw + "'");
                return Optional.empty();
            }
        });
    }

    Optional<BigDecimal> decimal(String key) {
        return number(key, "a number").flatMap(raw -> {
            try {
                return Optional.of(new BigDecimal(raw.strip()));
            } catch (NumberFormatException e) {
                problems.add(value(key).orElseThrow(), "'" + key + "' in " + what + " must be a number, not '" + raw + "'");
                return Optional.empty();
            }
        });
    }

    /** A number as written; in quotes it is a text to YAML and to editors checking the schema, so it is reported. */
    private Optional<String> number(String key, String kind) {
        Optional<Node> node = value(key);
        if (node.isPresent() && node.get() instanceof ScalarNode scalar && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            problems.add(scalar, "'" + key + "' in " + what + " must be " + kind + ", not a text in quotes; write " + key + ": "
                    + scalar.getValue().strip());
            return Optional.empty();
        }
        return string(key);
    }

    Optional<String> scalar(Node node, String description) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problems.add(node, description + " must be a single value, not a list or mapping");
        return Optional.empty();
    }
}
