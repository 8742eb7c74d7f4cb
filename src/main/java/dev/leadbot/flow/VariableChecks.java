package dev.leadbot.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every use of a variable: each {@code {variable}} in a text must be answered on every
 * path that reaches the text, each {@code if} must test a variable and value that can occur,
 * and the summary must name saved variables.
 */
final class VariableChecks {

    private final Problems problems;
    private final Map<String, Node> nodes;
    private final String start;
    private final Set<String> reached;
    private final Map<String, FlowParser.Ref> summary;
    private final Map<String, List<Node>> savers = new LinkedHashMap<>();

    VariableChecks(Problems problems, Map<String, Node> nodes, String start, Set<String> reached, Map<String, FlowParser.Ref> summary) {
        this.problems = problems;
        this.nodes = nodes;
        this.start = start;
        this.reached = reached;
        this.summary = summary;
        nodes.values().forEach(n -> n.savesAs().ifPresent(v -> savers.computeIfAbsent(v, k -> new java.util.ArrayList<>()).add(n)));
    }

    void run() {
        Map<String, Set<String>> answeredBefore = answeredBefore();
        for (String id : reached) {
            Node node = nodes.get(id);
            node.texts().forEach(text -> placeholders(node, text, answeredBefore.get(id)));
            // a node-level next is shared by every option, so each rule is checked once
            node.routes().stream().filter(r -> !r.isDefault()).distinct().forEach(this::conditions);
        }
        summary.forEach((field, ref) -> {
            if (!savers.containsKey(ref.name())) {
                problems.add(ref.at(), "summary." + field + " names '" + ref.name() + "', which no node saves"
                        + Suggestions.didYouMean(ref.name(), savers.keySet(), "; write the save_as of the node that asks for it"));
            }
        });
    }

    /**
     * For each node, the variables answered on every path from the start to it: a must-analysis
     * over the graph, narrowing each node's set to what all its predecessors guarantee.
     */
    private Map<String, Set<String>> answeredBefore() {
        Map<String, Set<String>> before = new HashMap<>();
        for (String id : reached) {
            before.put(id, id.equals(start) ? Set.of() : new HashSet<>(savers.keySet()));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : reached) {
                Node node = nodes.get(id);
                Set<String> after = new HashSet<>(before.get(id));
                node.savesAs().ifPresent(after::add);
                for (Route route : node.routes()) {
                    Set<String> target = before.get(route.target());
                    if (target != null && !route.target().equals(start) && target.retainAll(after)) {
                        changed = true;
                    }
                }
            }
        }
        return before;
    }

    private void placeholders(Node node, Text text, Set<String> answered) {
        for (String variable : text.placeholders()) {
            if (variable.equals(Flow.PROSPECT_NAME) || answered.contains(variable)) {
                continue;
            }
            Position at = text.at().equals(Position.BUILT_IN) ? node.at() : text.at();
            if (!savers.containsKey(variable)) {
                problems.add(at, "'{" + variable + "}' in node '" + node.id() + "' is not saved by any node"
                        + Suggestions.closest(variable, savers.keySet()).map(c -> "; did you mean '{" + c + "}'?")
                                .orElse("; use the save_as of an earlier question, or '{name}'"));
            } else {
                problems.add(at, "'{" + variable + "}' in node '" + node.id() + "' is not answered on every path that reaches"
                        + " it, so some prospects would see it empty; ask for '" + variable + "' on every path before this node,"
                        + " or remove it from the text");
            }
        }
    }

    private void conditions(Route route) {
        route.when().forEach((variable, values) -> {
            if (!savers.containsKey(variable)) {
                problems.add(route.whenAt(), "'if' tests '" + variable + "', which no node saves"
                        + Suggestions.didYouMean(variable, savers.keySet(), "; test the save_as of an earlier question"));
                return;
            }
            Optional<Set<String>> possible = possibleValues(variable);
            possible.ifPresent(ids -> values.stream().filter(v -> !ids.contains(v)).forEach(v -> problems.add(route.whenAt(),
                    "'if' tests " + variable + ": '" + v + "', but no option saved as '" + variable + "' has that id"
                            + Suggestions.didYouMean(v, ids, "; write one of: " + String.join(", ", ids)))));
        });
    }

    /** The option ids a variable can hold, or empty when a typed answer can hold anything. */
    private Optional<Set<String>> possibleValues(String variable) {
        Set<String> ids = new LinkedHashSet<>();
        for (Node saver : savers.get(variable)) {
            if (saver instanceof InputNode) {
                return Optional.empty();
            }
            saver.options().forEach(o -> ids.add(o.id()));
        }
        return Optional.of(ids);
    }
}
