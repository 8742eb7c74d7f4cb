package dev.leadbot.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need the whole graph: the start, every reference, ways out, button data
 * size, reachability and loops that never ask. Variable checks follow in {@link VariableChecks}.
 */
final class GraphChecks {

    private final Problems problems;
    private final Map<String, Node> nodes;
    private final Set<String> declared;
    private final Optional<FlowParser.Ref> start;
    private final Map<String, FlowParser.Ref> summary;
    private boolean everyReferenceResolves = true;

    GraphChecks(Problems problems, Map<String, Node> nodes, Set<String> declared, Optional<FlowParser.Ref> start,
            Map<String, FlowParser.Ref> summary) {
        this.problems = problems;
        this.nodes = nodes;
        this.declared = declared;
        this.start = start;
        this.summary = summary;
    }

    void run() {
        start.filter(s -> !declared.contains(s.name())).ifPresent(s -> problems.add(s.at(), "start names unknown node '"
                + s.name() + "'" + Suggestions.didYouMean(s.name(), declared, "; write the id of one of the nodes under 'nodes:'")));
        for (Node node : nodes.values()) {
            exits(node);
            buttonData(node);
        }
        messageLoops();
        // Reachability is only judged on a graph whose every node was read and every link resolves;
        // otherwise a typo in one link would also report the node it meant as unreachable.
        boolean wholeGraph = nodes.keySet().equals(declared) && everyReferenceResolves;
        if (wholeGraph && start.isPresent() && declared.contains(start.get().name())) {
            Set<String> reached = reachable(start.get().name());
            nodes.values().stream().filter(n -> !reached.contains(n.id())).forEach(n -> problems.add(n.at(), "node '" + n.id()
                    + "' is never reached from start '" + start.get().name() + "'; link to it from another node's next, or delete it"));
            new VariableChecks(problems, nodes, start.get().name(), reached, summary).run();
            new ConsentChecks(problems, nodes, start.get().name(), summary).run();
        }
    }

    private void exits(Node node) {
        if (node instanceof ChoiceNode choice) {
            choice.next().ifPresent(next -> rules(next.routes(), choice));
            for (Option option : choice.options()) {
                option.next().ifPresent(next -> rules(next.routes(), choice));
                if (choice.nextAfter(option).isEmpty()) {
                    problems.add(option.at(), "option '" + option.id() + "' of node '" + choice.id()
                            + "' has nowhere to go; add 'next:' to the option, or to the node for all its options");
                }
            }
        } else if (!(node instanceof EndNode)) {
            if (node.routes().isEmpty()) {
                problems.add(node.at(), "node '" + node.id() + "' has nowhere to go; add 'next: <node id>',"
                        + " or make it 'type: end' if the flow finishes here");
            } else {
                rules(node.routes(), node);
            }
        }
    }

    private void rules(List<Route> routes, Node node) {
        for (Route route : routes) {
            if (!declared.contains(route.target())) {
                everyReferenceResolves = false;
                problems.add(route.at(), "'next' of node '" + node.id() + "' names unknown node '" + route.target() + "'"
                        + Suggestions.didYouMean(route.target(), declared, "; define it under 'nodes:' or name an existing node"));
            }
        }
        Route last = routes.get(routes.size() - 1);
        if (routes.stream().noneMatch(Route::isDefault)) {
            problems.add(last.whenAt(), "the rules of 'next' in node '" + node.id() + "' have no default, so some answers"
                    + " lead nowhere; end them with a rule without 'if': '- goto: <node id>'");
        }
    }

    private void buttonData(Node node) {
        for (Option option : node.options()) {
            int bytes = Ids.bytes(node.id()) + Ids.bytes(option.id());
            if (bytes > Flow.BUTTON_ID_BYTES) {
                problems.add(option.at(), "node id '" + node.id() + "' and option id '" + option.id() + "' take " + bytes
                        + " bytes of button data, over the " + Flow.BUTTON_ID_BYTES + " that Telegram leaves for them; shorten the ids");
            }
        }
    }

    private Set<String> reachable(String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (nodes.containsKey(id) && seen.add(id)) {
                nodes.get(id).routes().forEach(route -> queue.add(route.target()));
            }
        }
        return seen;
    }

    /** Messages that lead only to messages, round and round, would send forever without asking. */
    private void messageLoops() {
        Set<String> done = new LinkedHashSet<>();
        for (Node node : nodes.values()) {
            if (node instanceof MessageNode && !done.contains(node.id())) {
                findLoop(node.id(), new ArrayList<>(), done);
            }
        }
    }

    private void findLoop(String id, List<String> trail, Set<String> done) {
        int seenAt = trail.indexOf(id);
        if (seenAt >= 0) {
            List<String> loop = new ArrayList<>(trail.subList(seenAt, trail.size()));
            loop.add(id);
            problems.add(nodes.get(id).at(), "nodes " + String.join(" → ", loop) + " form a loop of messages that never asks"
                    + " a question, so the bot would send them forever; make one of them a question or lead out of the loop");
            return;
        }
        if (done.contains(id) || !(nodes.get(id) instanceof MessageNode message)) {
            return;
        }
        trail.add(id);
        message.next().routes().forEach(route -> findLoop(route.target(), trail, done));
        trail.remove(trail.size() - 1);
        done.add(id);
    }
}
