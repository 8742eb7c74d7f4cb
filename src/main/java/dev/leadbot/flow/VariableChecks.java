package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every use of a variable: each {@code {variable}} in a text must be one a node saves (or
 * the prospect's {@code {name}}) and be answered on every path that reaches the text, each
 * {@code if} must test a variable and value that can occur, and the summary and the partial-lead
 * point must name saved variables.
 */
final class VariableChecks {

    private final Problems problems;
    private final Map<String, Node> nodes;
    private final String start;
    private final Set<String> reached;
    private final Map<String, FlowParser.Ref> summary;
    private final List<FlowParser.Ref> partial;
    private final TextReader texts;
    private final boolean pathsKnown;
    private final Map<String, List<Node>> savers = new LinkedHashMap<>();
    private final GraphChecks.Written written;
    /** Variables used but saved by no node, each with where it is used: reported together once a misspelt save_as explains them. */
    private final Map<String, List<Position>> unsaved = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Map<String, Set<Integer>> usedOn = new HashMap<>();

    /** @param pathsKnown whether every link resolves, so "answered on every path" can be judged */
    VariableChecks(Problems problems, Map<String, Node> nodes, String start, Set<String> reached, Map<String, FlowParser.Ref> summary,
            Optional<FlowParser.PartialPoint> partial, TextReader texts, boolean pathsKnown, GraphChecks.Written written) {
        this.partial = partial.map(FlowParser.PartialPoint::onceKnown).orElse(List.of());
        this.written = written;
        this.problems = problems;
        this.nodes = nodes;
        this.start = start;
        this.reached = reached;
        this.summary = summary;
        this.texts = texts;
        this.pathsKnown = pathsKnown;
        nodes.values().forEach(n -> n.savesAs().ifPresent(v -> savers.computeIfAbsent(v, k -> new ArrayList<>()).add(n)));
    }

    void run() {
        nodes.values().forEach(n -> {
            n.texts().forEach(t -> {
                used.addAll(t.placeholders());
                texts.placeholders(t).forEach(p -> usedOn.computeIfAbsent(p.name(), k -> new HashSet<>()).add(p.at().line()));
            });
            n.routes().forEach(r -> {
                used.addAll(r.when().keySet());
                r.when().keySet().forEach(v -> usedOn.computeIfAbsent(v, k -> new HashSet<>()).add(r.whenAt().line()));
            });
        });
        java.util.stream.Stream.concat(summary.values().stream(), partial.stream()).forEach(ref -> {
            used.add(ref.name());
            usedOn.computeIfAbsent(ref.name(), k -> new HashSet<>()).add(ref.at().line());
        });
        Map<String, Set<String>> answeredBefore = pathsKnown ? answeredBefore() : Map.of();
        for (Node node : nodes.values()) {
            Optional<Set<String>> answered = Optional.ofNullable(answeredBefore.get(node.id()));
            node.texts().forEach(text -> placeholders(node, text, answered));
            // a node-level next is shared by every option, so each rule is checked once
            node.routes().stream().filter(r -> !r.isDefault()).distinct().forEach(this::conditions);
        }
        summary.forEach((field, ref) -> {
            if (!savers.containsKey(ref.name()) && !misspeltSaveAs(ref.name(), ref.at())) {
                problems.add(ref.at(), "summary." + field + " names '" + ref.name() + "'" + LookAlikes.clause(ref.name(), ref.at(),
                        problems.source()) + ", which no node saves"
                        + Suggestions.didYouMean(ref.name(), savers.keySet(), "; write the save_as of the node that asks for it"));
            }
        });
        for (FlowParser.Ref ref : partial) {
            if (!savers.containsKey(ref.name()) && !misspeltSaveAs(ref.name(), ref.at())) {
                problems.add(ref.at(), "partial_lead.once_known names '" + ref.name() + "'" + LookAlikes.clause(ref.name(), ref.at(),
                        problems.source()) + ", which no node saves" + Suggestions.didYouMean(ref.name(), savers.keySet(),
                        "; write the save_as of a question asked after consent, such as the contact name"));
            }
        }
        reportMisspeltSaveAs();
    }

    /**
     * Whether {@code variable}, saved by no node, is explained by a node whose save_as is close
     * to it and used nowhere (or is itself reported): then the save_as is the one mistake, and
     * every use of the variable is named in its single report.
     */
    private boolean misspeltSaveAs(String variable, Position usedAt) {
        Optional<String> close = Suggestions.closest(variable, savers.keySet()).filter(v -> !used.contains(v));
        Optional<Node> saver = close.map(v -> savers.get(v).get(0));
        Optional<Node> bad = nodes.values().stream().filter(n -> written.badSaveAs().contains(n.id())
                && n.savesAs().filter(v -> Suggestions.closest(variable, List.of(v)).isPresent()).isPresent()).findFirst();
        if (bad.isPresent()) {
            return true;
        }
        // one use of a name no node saves is as likely a typo in the use, so it is reported there
        if (saver.isEmpty() || usedOn.getOrDefault(variable, Set.of()).size() < 2) {
            return false;
        }
        List<Position> uses = unsaved.computeIfAbsent(variable, v -> new ArrayList<>());
        uses.add(usedAt);
        return true;
    }

    private void reportMisspeltSaveAs() {
        unsaved.forEach((variable, uses) -> {

            String saved = Suggestions.closest(variable, savers.keySet()).orElseThrow();
            Node saver = savers.get(saved).get(0);
            Position at = written.saveAsAt().getOrDefault(saver.id(), saver.at());
            String lines = uses.stream().map(Position::line).sorted().distinct().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            problems.add(at, "node '" + saver.id() + "' saves its answer as '" + saved + "'" + LookAlikes.clause(saved, at,
                    problems.source()) + ", which is used nowhere, while '" + variable + "' is used (line" + (lines.contains(",") ? "s " : " ")
                    + lines + ") and saved by no node; write 'save_as: " + variable + "'");
        });
    }

    /**
     * For each reached node, the variables answered on every path from the start to it: a
     * must-analysis over the graph, narrowing each node's set to what all its predecessors guarantee.
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

    private void placeholders(Node node, Text text, Optional<Set<String>> answered) {
        List<TextReader.Placeholder> written = texts.placeholders(text);
        Set<String> told = new HashSet<>();
        for (String variable : text.placeholders()) {
            if (variable.equals(Flow.PROSPECT_NAME) || answered.map(a -> a.contains(variable)).orElse(savers.containsKey(variable))
                    || !told.add(variable)) {
                continue;
            }
            Position at = written.stream().filter(p -> p.name().equals(variable)).map(TextReader.Placeholder::at).findFirst()
                    .orElse(text.at().equals(Position.BUILT_IN) ? node.at() : text.at());
            if (!savers.containsKey(variable) && misspeltSaveAs(variable, at)) {
                continue;
            }
            if (!savers.containsKey(variable)) {
                Set<String> known = new LinkedHashSet<>(savers.keySet());
                known.add(Flow.PROSPECT_NAME);
                Position name = new Position(at.line(), at.column() + 1);
                problems.add(at, "'{" + variable + "}' in node '" + node.id() + "'" + LookAlikes.clause(variable, name, problems.source())
                        + " is not saved by any node" + Suggestions.closest(variable.strip(), known).map(c -> "; did you mean '{" + c + "}'?")
                                .orElse("; use the save_as of an earlier question or '{name}', and write '{{' and '}}' to show braces"));
            } else if (reached.contains(node.id())) {
                problems.add(at, "'{" + variable + "}' in node '" + node.id() + "' is not answered on every path that reaches"
                        + " it, so some prospects would see it empty; ask for '" + variable + "' on every path before this node,"
                        + " or remove it from the text");
            }
        }
    }

    private void conditions(Route route) {
        route.when().forEach((variable, values) -> {
            if (!savers.containsKey(variable) && misspeltSaveAs(variable, route.whenAt())) {
                return;
            }
            if (!savers.containsKey(variable)) {
                problems.add(route.whenAt(), "'if' tests '" + variable + "'" + LookAlikes.clause(variable, Position.BUILT_IN, problems.source())
                        + ", which no node saves"
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
