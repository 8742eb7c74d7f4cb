package dev.leadbot.cli;

import dev.leadbot.flow.ChoiceNode;
import dev.leadbot.flow.EndNode;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.MessageNode;
import dev.leadbot.flow.Next;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.flow.Route;
import dev.leadbot.flow.Text;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Draws a flow as a Mermaid flowchart: one shape per node kind, one arrow per way out. */
final class MermaidChart {

    private static final int LABEL_LENGTH = 40;
    /** Words Mermaid's flowchart grammar reads as its own, wherever a node id stands. */
    private static final Set<String> KEYWORDS = Set.of("end", "graph", "flowchart", "subgraph", "style", "linkstyle",
            "classdef", "class", "click", "call", "callback", "href", "direction", "default", "interpolate",
            "acctitle", "accdescr", "_self", "_blank", "_parent", "_top", "tb", "td", "bt", "rl", "lr");
    /** Put before a keyword id, and before an id that already starts with it, so no two nodes share a Mermaid id. */
    private static final String ESCAPE = "id_";

    private final Flow flow;
    private final StringBuilder out = new StringBuilder("flowchart TD\n");

    private MermaidChart(Flow flow) {
        this.flow = flow;
    }

    static String of(Flow flow) {
        MermaidChart chart = new MermaidChart(flow);
        flow.nodes().forEach(chart::shape);
        flow.nodes().forEach(chart::arrows);
        return chart.out.toString();
    }

    private void shape(Node node) {
        String label = quoted(node.id() + ": " + text(node.text()));
        String shape;
        if (node instanceof MessageNode) {
            shape = "[" + label + "]";
        } else if (node instanceof ChoiceNode) {
            shape = "{{" + label + "}}";
        } else if (node instanceof InputNode) {
            shape = "[/" + label + "/]";
        } else if (node instanceof EndNode) {
            shape = "([" + label + "])";
        } else {
            shape = "[[" + label + "]]";
        }
        out.append("    ").append(mermaidId(node.id())).append(shape).append('\n');
    }

    private void arrows(Node node) {
        if (node instanceof ChoiceNode choice) {
            for (Option option : choice.options()) {
                option.next().ifPresent(next -> next.routes().forEach(r -> arrow(node, Optional.of(text(option.label())), r, next)));
            }
            boolean anyUsesNodeNext = choice.options().stream().anyMatch(o -> o.next().isEmpty());
            choice.next().filter(n -> anyUsesNodeNext).ifPresent(next -> next.routes().forEach(r -> arrow(node, Optional.empty(), r, next)));
        } else {
            node.routes().forEach(r -> arrow(node, Optional.empty(), r, new Next(node.routes())));
        }
    }

    private void arrow(Node from, Optional<String> option, Route route, Next next) {
        Optional<String> condition = route.isDefault()
                ? Optional.of("otherwise").filter(o -> next.routes().size() > 1)
                : Optional.of(route.when().entrySet().stream()
                        .map(e -> e.getKey() + " = " + String.join(" | ", e.getValue()))
                        .collect(Collectors.joining(" and ")));
        Optional<String> label = option.isPresent() ? option : condition;
        out.append("    ").append(mermaidId(from.id())).append(" -->")
                .append(label.map(l -> "|" + quoted(l) + "|").orElse(""))
                .append(' ').append(mermaidId(route.target())).append('\n');
    }

    private String text(Text text) {
        String plain = text.in(flow.defaultLanguage()).replaceAll("\\s+", " ").strip();
        if (plain.codePointCount(0, plain.length()) <= LABEL_LENGTH) {
            return plain;
        }
        String cut = plain.substring(0, plain.offsetByCodePoints(0, LABEL_LENGTH + 1));
        int lastSpace = cut.lastIndexOf(' ');
        return (lastSpace > LABEL_LENGTH / 2 ? cut.substring(0, lastSpace) : plain.substring(0, plain.offsetByCodePoints(0, LABEL_LENGTH))).strip() + "…";
    }

    /** A node id Mermaid reads as an id: a keyword such as {@code end} gets a prefix; the label still shows the flow's id. */
    static String mermaidId(String id) {
        return KEYWORDS.contains(id.toLowerCase(Locale.ROOT)) || id.startsWith(ESCAPE) ? ESCAPE + id : id;
    }

    /** A Mermaid string: quotes become entities so any text is safe inside the label. */
    private static String quoted(String text) {
        return "\"" + text.replace("\"", "#quot;") + "\"";
    }
}
