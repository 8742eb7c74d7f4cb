package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code options:} list of a choice or a checklist. */
final class OptionReader {

    private final Problems problems;
    private final TextReader texts;
    private final NextReader next;
    private boolean unknownKeys;

    OptionReader(Problems problems, TextReader texts, NextReader next) {
        this.problems = problems;
        this.texts = texts;
        this.next = next;
    }

    /** The options of {@code node}; {@code withNext} tells whether an option may have its own next. */
    List<Option> read(YamlMap node, boolean withNext) {
        Optional<Node> value = node.value("options");
        if (value.isEmpty() && node.misspelt("options")) {
            return List.of();
        }
        if (value.isEmpty() || !(value.get() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.add(value.map(Problems::at).orElse(node.at()),
                    node.what() + " needs 'options:', a list of '- id: …' / 'label: …' items");
            return List.of();
        }
        List<String> keys = withNext ? List.of("id", "label", "score", "tags", "next", "consent") : List.of("id", "label", "score", "tags");
        if (!withNext && checklistOfChoices(list, node)) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        unknownKeys = false;
        for (Node item : items(list)) {
            YamlMap.read(item, "an option of " + node.what(), keys, problems).flatMap(map -> {
                unknownKeys |= map.hadUnknownKeys();
                return option(map);
            }).ifPresent(option -> {
                if (!seen.add(option.id())) {
                    problems.add(option.at(), "option id '" + option.id() + "' is used twice in " + node.what()
                            + "; option ids must be unique within a node");
                } else {
                    options.add(option);
                }
            });
        }
        return options;
    }

    /**
     * A checklist whose options have their own 'next' was meant to be a choice: one report at its
     * type, rather than one per option.
     */
    private boolean checklistOfChoices(SequenceNode list, YamlMap node) {
        long withNext = list.getValue().stream().filter(item -> item instanceof MappingNode m && m.getValue().stream()
                .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("next"))).count();
        if (withNext < 2) {
            return false;
        }
        problems.add(node.valueAt("type"), node.what() + " is a multi_select, but " + withNext + " of its options have their own"
                + " 'next', which only the options of a choice have; write 'type: choice', or move 'next' to the node");
        unknownKeys = true;
        return true;
    }

    /** Whether an option last read had a key it does not allow, such as a misspelt 'next'. */
    boolean hadUnknownKeys() {
        return unknownKeys;
    }

    /**
     * The options as meant: an item with a second {@code id:} is two options, the second of which
     * lost its leading '- ' (reported once, rather than as every key given twice).
     */
    private List<Node> items(SequenceNode list) {
        List<Node> items = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                items.add(item);
                continue;
            }
            List<NodeTuple> current = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                boolean id = tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id");
                if (id && current.stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id"))) {
                    Position at = Problems.at(tuple.getKeyNode());
                    String written = problems.source().line(at.line()).strip();
                    problems.add(at, "line " + at.line() + " starts a new option but has lost its leading '- ', so its keys"
                            + " are read into the option above; write '- " + written + "'");
                    items.add(part(mapping, current));
                    current = new ArrayList<>();
                }
                current.add(tuple);
            }
            items.add(current.size() == mapping.getValue().size() ? mapping : part(mapping, current));
        }
        return items;
    }

    private static MappingNode part(MappingNode whole, List<NodeTuple> tuples) {
        return new MappingNode(whole.getTag(), true, tuples, tuples.get(0).getKeyNode().getStartMark(), whole.getEndMark(),
                whole.getFlowStyle());
    }

    private Optional<Option> option(YamlMap map) {
        Optional<String> id = map.required("id", "write a short stable id such as 'id: goods'").map(String::strip);
        id.filter(i -> !Ids.isValid(i)).ifPresent(i -> problems.add(map.valueAt("id"), "option id '" + i + "'"
                + LookAlikes.clause(i, map.valueAt("id"), problems.source()) + " " + Ids.RULE + Ids.instead(i)));
        Optional<Text> label = texts.read(map, "label", "write the text of the button");
        int score = map.integer("score").orElse(0);
        List<String> tags = tags(map);
        Optional<Next> own = next.read(map);
        Optional<Consent> consent = consent(map);
        if (id.isEmpty() || label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Option(id.get(), label.get(), score, tags, own, consent, map.at()));
    }

    private Optional<Consent> consent(YamlMap map) {
        Optional<String> value = map.string("consent").map(String::strip);
        Optional<Consent> consent = value.flatMap(v -> java.util.Arrays.stream(Consent.values()).filter(c -> c.yamlName().equals(v)).findFirst());
        if (value.isPresent() && consent.isEmpty()) {
            problems.add(map.value("consent").orElseThrow(), "'consent' in " + map.what() + " is '" + value.get() + "'"
                    + Suggestions.didYouMean(value.get(), Consent.yamlNames(), "; write 'consent: given' on the option that agrees"
                    + " and 'consent: declined' on the one that refuses"));
            // Read on as the value it was meant to be, so the typo is not reported again as a missing answer.
            return Suggestions.closest(value.get(), Consent.yamlNames()).map(c -> Consent.valueOf(c.toUpperCase(java.util.Locale.ROOT)));
        }
        return consent;
    }

    private List<String> tags(YamlMap map) {
        Optional<Node> value = map.value("tags");
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof ScalarNode scalar) {
            if (scalar.getValue().contains(",")) {
                problems.add(scalar, "'tags' in " + map.what() + " is one tag with a comma in it; write a list: tags: ["
                        + scalar.getValue().strip() + "]");
            }
            return List.of(scalar.getValue().strip());
        }
        if (value.get() instanceof SequenceNode list && list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            return list.getValue().stream().map(v -> ((ScalarNode) v).getValue().strip()).toList();
        }
        problems.add(value.get(), "'tags' in " + map.what() + " must be a word or a list of words such as [hot, ecommerce]");
        return List.of();
    }
}
