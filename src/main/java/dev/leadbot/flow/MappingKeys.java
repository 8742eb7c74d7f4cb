package dev.leadbot.flow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The keys of one YAML mapping, each with its place. A key that is no plain word, is given twice or is not among the
 * allowed ones is reported as soon as it is read, so a typo never silently drops what it set. Flow files and the settings
 * file read their mappings here, each reporting in its own form.
 */
public final class MappingKeys {

    /** Takes each problem: the node a person would point at, what is wrong, and how to fix it (empty when {@code what} says it). */
    @FunctionalInterface
    public interface Report {
        void problem(Node at, String what, String fix);
    }

    private final Map<String, NodeTuple> entries;
    private final Set<String> misspelt;
    private final boolean unknownKeys;

    private MappingKeys(Map<String, NodeTuple> entries, Set<String> misspelt, boolean unknownKeys) {
        this.entries = entries;
        this.misspelt = misspelt;
        this.unknownKeys = unknownKeys;
    }

    /**
     * Reads {@code yaml} as a mapping whose keys must be among {@code allowed}, from a file whose text is not at hand.
     *
     * @param what how messages name this mapping: the file, or {@code bot 'shop'}
     */
    public static Optional<MappingKeys> read(Node yaml, String what, List<String> allowed, Report report) {
        return read(yaml, what, allowed, new Source(""), report);
    }

    /** The same, naming look-alike characters in an unknown key from the file's {@code source}. */
    static Optional<MappingKeys> read(Node yaml, String what, List<String> allowed, Source source, Report report) {
        if (!(yaml instanceof MappingNode mapping)) {
            boolean noSpace = yaml instanceof ScalarNode scalar && scalar.getValue().matches("[A-Za-z_]+:\\S.*");
            report.problem(yaml, what + " must be a mapping of 'key: value' lines", noSpace
                    ? "put a space after the ':' in '" + ((ScalarNode) yaml).getValue() + "'" : "");
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        Set<String> misspelt = new HashSet<>();
        boolean unknown = false;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                report.problem(tuple.getKeyNode(), "a key in " + what + " must be a plain word", "");
                continue;
            }
            String name = key.getValue();
            if (entries.containsKey(name)) {
                report.problem(key, "'" + name + "' is given twice in " + what, "keep one of them");
            } else if (!allowed.contains(name)) {
                unknown = true;
                Optional<String> close = Suggestions.closest(name, allowed);
                close.ifPresent(misspelt::add);
                report.problem(key, "unknown key '" + name + "'" + LookAlikes.clause(name, Problems.at(key), source) + " in " + what,
                        close.map(c -> "did you mean '" + c + "'?").orElse("allowed keys: " + String.join(", ", allowed)));
            } else {
                entries.put(name, tuple);
            }
        }
        return Optional.of(new MappingKeys(entries, misspelt, unknown));
    }

    /** The key and value written for {@code key}, if it was. */
    public Optional<NodeTuple> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Whether a key was not among the allowed ones (and was reported). */
    boolean hadUnknownKeys() {
        return unknownKeys;
    }

    /** The allowed keys an unknown key was reported as a likely misspelling of. */
    Set<String> misspelt() {
        return misspelt;
    }
}
