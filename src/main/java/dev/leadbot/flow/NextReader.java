package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code next}: a node id, or a list of {@code - if: {variable: value}} / {@code goto:}
 * rules ending with a default rule that has no {@code if}.
 */
final class NextReader {

    private final Problems problems;
    private final List<FlowParser.Ref> withoutGoto = new ArrayList<>();

    NextReader(Problems problems) {
        this.problems = problems;
    }

    Optional<Next> read(YamlMap owner) {
        return owner.value("next").flatMap(yaml -> read(yaml, owner.what()));
    }

    private Optional<Next> read(Node yaml, String where) {
        if (yaml instanceof ScalarNode scalar) {
            if (scalar.getValue().isBlank()) {
                problems.add(scalar, "'next' in " + where + " is empty; write the id of the node that comes next");
                return Optional.empty();
            }
            return Optional.of(Next.to(scalar.getValue().strip(), Problems.at(scalar)));
        }
        if (yaml instanceof SequenceNode ids && ids.getValue().size() == 1 && ids.getValue().get(0) instanceof ScalarNode id) {
            // 'next: [role]': one id in brackets; read as meant, so the nodes behind it are not reported too
            problems.add(id, "'next' in " + where + " is a list of one node id; write 'next: " + id.getValue() + "' without brackets");
            return Optional.of(Next.to(id.getValue().strip(), Problems.at(id)));
        }
        if (!(yaml instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.add(yaml, "'next' in " + where + " must be a node id, or a list of '- if: {variable: value}' / 'goto: node' rules");
            return Optional.empty();
        }
        List<Route> routes = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            YamlMap.read(item, "a rule of 'next' in " + where, List.of("if", "goto"), problems)
                    .flatMap(this::route)
                    .ifPresent(routes::add);
        }
        for (int i = 0; i < routes.size() - 1; i++) {
            if (routes.get(i).isDefault()) {
                problems.add(routes.get(i + 1).whenAt(), "this rule of 'next' in " + where
                        + " comes after the default rule (the one without 'if') and is never used; move the default rule last");
                break;
            }
        }
        return Optional.of(new Next(routes));
    }

    /** Rules written without their 'goto', reported with the graph so the node they lost can be named. */
    List<FlowParser.Ref> withoutGoto() {
        return List.copyOf(withoutGoto);
    }

    private Optional<Route> route(YamlMap rule) {
        if (!rule.has("goto") && !rule.misspelt("goto")) {
            withoutGoto.add(new FlowParser.Ref(rule.what() + " has no 'goto'; write 'goto: <node id>'", rule.at()));
            return Optional.empty();
        }
        Optional<String> target = rule.required("goto", "write 'goto: <node id>'");
        Map<String, List<String>> when = new LinkedHashMap<>();
        rule.value("if").ifPresent(condition -> readCondition(condition, rule.what(), when));
        Position whenAt = rule.value("if").map(Problems::at).orElse(rule.at());
        return target.map(t -> new Route(when, t.strip(), rule.value("goto").map(Problems::at).orElse(rule.at()), whenAt));
    }

    private void readCondition(Node condition, String where, Map<String, List<String>> into) {
        if (!(condition instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(condition, "'if' in " + where + " must be a mapping such as {sphere: goods}");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String variable = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            List<String> values = new ArrayList<>();
            Node value = tuple.getValueNode();
            if (value instanceof ScalarNode scalar) {
                values.add(scalar.getValue());
            } else if (value instanceof SequenceNode list && list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                list.getValue().forEach(v -> values.add(((ScalarNode) v).getValue()));
            } else {
                problems.add(value, "the value of '" + variable + "' in 'if' must be an option id or a list of them");
                continue;
            }
            into.put(variable, values);
        }
    }
}
