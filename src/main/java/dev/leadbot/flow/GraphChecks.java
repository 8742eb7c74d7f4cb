package dev.leadbot.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The checks that need the whole graph: the start, every reference, ways out, button data
 * size, reachability, loops that never ask and loops with no way out. Variable checks follow in
 * {@link VariableChecks}, message lengths in {@link TextLengths}.
 *
 * <p>One mistake is reported once: a misspelt link still counts as the link it was meant to be,
 * and a node that could not be read is taken to lead wherever its YAML names a node, so neither
 * makes the nodes behind it "never reached".
 */
final class GraphChecks {

    /** The nodes as written: every declared id, its YAML, which had problems, and which had an unknown key. */
    record Written(Set<String> declared, Map<String, Position> at, Map<String, org.yaml.snakeyaml.nodes.Node> yaml,
            Set<String> damaged, Set<String> withUnknownKeys, List<FlowParser.Ref> duplicates, Map<String, Position> saveAsAt,
            Set<String> badSaveAs, List<FlowParser.Ref> withoutGoto) {
    }

    /** A link to a node that does not exist, from {@code from}. */
    private record UnknownLink(Route route, Node from) {
    }

    /** A problem held back until reachability is known, so the nodes it cuts off can be named in it. */
    private record Dangling(Position at, String message) {
    }

    private final Problems problems;
    private final Map<String, Node> nodes;
    private final Written written;
    private final Set<String> declared;
    private final Optional<FlowParser.Ref> start;
    private final Map<String, FlowParser.Ref> summary;
    private final Optional<FlowParser.PartialPoint> partial;
    private final TextReader texts;
    /** Each link to an unknown node and the node it was likely meant to name (or empty: no idea). */
    private final Map<String, Optional<String>> meant = new HashMap<>();
    private final Set<String> inLoopsOfMessages = new LinkedHashSet<>();
    private final List<UnknownLink> unknownLinks = new ArrayList<>();
    private final List<Dangling> dangling = new ArrayList<>();

    GraphChecks(Problems problems, Map<String, Node> nodes, Written written, Optional<FlowParser.Ref> start,
            Map<String, FlowParser.Ref> summary, Optional<FlowParser.PartialPoint> partial, TextReader texts) {
        this.partial = partial;
        this.problems = problems;
        this.nodes = nodes;
        this.written = written;
        this.declared = written.declared();
        this.start = start;
        this.summary = summary;
        this.texts = texts;
    }

    void run() {
        Optional<String> from = start.flatMap(s -> {
            if (declared.contains(s.name())) {
                return Optional.of(s.name());
            }
            problems.add(s.at(), "start names unknown node '" + s.name() + "'" + LookAlikes.clause(s.name(), s.at(), problems.source())
                    + Suggestions.didYouMean(s.name(), declared, "; write the id of one of the nodes under 'nodes:'"));
            return Suggestions.closest(s.name(), declared);
        });
        written.withoutGoto().forEach(rule -> dangling(rule.at(), rule.name()));
        for (Node node : nodes.values()) {
            exits(node);
            buttonData(node);
        }
        unknownLinks(from);
        messageLoops();
        boolean everyNodeRead = nodes.keySet().equals(declared);
        // a link lost to a misspelt or empty 'next' is followed where the YAML names a node; naming none, nobody knows where it led
        boolean everyLinkKnown = meant.values().stream().allMatch(Optional::isPresent)
                && written.withUnknownKeys().stream().noneMatch(id -> targets(id).isEmpty());
        if (from.isEmpty() || !everyLinkKnown) {
            dangling.forEach(d -> problems.add(d.at(), d.message()));
            return;
        }
        Set<String> reached = reachable(from.get());
        Set<String> unreached = new LinkedHashSet<>(declared);
        unreached.removeAll(reached);
        boolean trapped = everyNodeRead && meant.isEmpty() && traps(from.get(), reached, unreached);
        if (!dangling.isEmpty() && !unreached.isEmpty()) {
            Dangling first = dangling.remove(0);
            problems.add(first.at(), first.message() + "; perhaps it should lead to " + quoted(heads(unreached))
                    + ", which nothing leads to now");
        } else if (!trapped) {
            unreached(from.get(), unreached);
        }
        dangling.forEach(d -> problems.add(d.at(), d.message()));
        if (everyNodeRead) {
            new VariableChecks(problems, nodes, from.get(), reached, summary, partial, texts, meant.isEmpty(), written).run();
            // consent is judged on nodes read without a problem: a misspelt 'consent' must not also report every contact question
            if (meant.isEmpty() && written.damaged().isEmpty()) {
                new ConsentChecks(problems, nodes, from.get(), summary, partial).run();
            }
            new TextLengths(problems, nodes, texts).run();
        }
    }

    private void exits(Node node) {
        if (node instanceof ChoiceNode choice) {
            choice.next().ifPresent(next -> rules(next.routes(), choice));
            for (Option option : choice.options()) {
                option.next().ifPresent(next -> rules(next.routes(), choice));
                if (choice.nextAfter(option).isEmpty() && !written.withUnknownKeys().contains(node.id())) {
                    dangling(option.at(), "option '" + option.id() + "' of node '" + choice.id()
                            + "' has nowhere to go; add 'next:' to the option, or to the node for all its options");
                }
            }
        } else if (!(node instanceof EndNode)) {
            if (node.routes().isEmpty()) {
                if (!written.withUnknownKeys().contains(node.id())) {
                    dangling(node.at(), "node '" + node.id() + "' has nowhere to go; add 'next: <node id>',"
                            + " or make it 'type: end' if the flow finishes here");
                }
            } else {
                rules(node.routes(), node);
            }
        }
    }

    private void rules(List<Route> routes, Node node) {
        for (Route route : routes) {
            if (!declared.contains(route.target()) && unknownLinks.stream().noneMatch(l -> l.route().equals(route))) {
                unknownLinks.add(new UnknownLink(route, node));
            }
        }
        Route last = routes.get(routes.size() - 1);
        if (routes.stream().noneMatch(Route::isDefault)) {
            dangling(last.whenAt(), "the rules of 'next' in node '" + node.id() + "' have no default, so some answers"
                    + " lead nowhere; end them with a rule without 'if': '- goto: <node id>'");
        }
    }

    private void dangling(Position at, String message) {
        dangling.add(new Dangling(at, message));
    }

    /**
     * Reports links to nodes that do not exist. When several name the same missing node and a
     * node of a close id is linked from nowhere, that node was renamed: one report, at its id.
     * When no node is close but a node id was given twice, the second was likely meant to be it.
     */
    private void unknownLinks(Optional<String> start) {
        Set<String> linked = new LinkedHashSet<>();
        start.ifPresent(linked::add);
        nodes.values().forEach(n -> n.routes().forEach(r -> linked.add(r.target())));
        Map<String, List<UnknownLink>> byName = new java.util.LinkedHashMap<>();
        unknownLinks.forEach(l -> byName.computeIfAbsent(l.route().target(), k -> new ArrayList<>()).add(l));
        List<FlowParser.Ref> duplicates = new ArrayList<>(written.duplicates());
        byName.forEach((name, links) -> {
            Optional<String> close = Suggestions.closest(name, declared);
            links.forEach(l -> meant.put(name + "@" + l.route().at(), close));
            String lines = links.stream().map(l -> String.valueOf(l.route().at().line())).distinct().collect(Collectors.joining(", "));
            if (close.isPresent() && !linked.contains(close.get()) && links.size() > 1 && !Ids.isValid(close.get())) {
                return; // the id's odd character is reported already, and the links show what it was meant to be
            }
            if (close.isPresent() && !linked.contains(close.get()) && links.size() > 1) {
                String id = close.get();
                problems.add(at(id), "node '" + id + "'" + LookAlikes.clause(id, at(id), problems.source()) + " is linked from nowhere,"
                        + " while " + (links.size() == 1 ? "a 'next' names '" + name + "'" : links.size() + " links name '" + name + "'")
                        + lines(lines) + ", which is no node; rename the node to '" + name + "'");
            } else if (close.isEmpty() && !duplicates.isEmpty()) {
                FlowParser.Ref duplicate = duplicates.remove(0);
                problems.add(duplicate.at(), "duplicate node id '" + duplicate.name() + "', while " + (links.size() == 1
                        ? "a 'next' names '" + name + "'" : links.size() + " links name '" + name + "'") + lines(lines)
                        + ", which is no node; rename this one to '" + name + "'");
            } else {
                links.forEach(l -> problems.add(l.route().at(), "'next' of node '" + l.from().id() + "' names unknown node '" + name
                        + "'" + LookAlikes.clause(name, l.route().at(), problems.source())
                        + close.map(c -> "; did you mean '" + c + "'" + (linked.contains(c) ? "" : " (line " + at(c).line() + ")") + "?")
                                .orElse("; define it under 'nodes:' or name an existing node")));
            }
        });
        duplicates.forEach(d -> problems.add(d.at(), "duplicate node id '" + d.name() + "'; node ids must be unique, rename one of them"));
    }

    private static String lines(String lines) {
        return " (line" + (lines.contains(",") ? "s " : " ") + lines + ")";
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

    /** Where {@code id} leads as far as can be told: its routes (a misspelt link as the node meant), or any node its YAML names. */
    private Set<String> targets(String id) {
        Set<String> targets = new LinkedHashSet<>();
        Optional.ofNullable(nodes.get(id)).ifPresent(node -> node.routes().forEach(route -> {
            String target = declared.contains(route.target()) ? route.target()
                    : meant.getOrDefault(route.target() + "@" + route.at(), Optional.empty()).orElse("");
            if (!target.isEmpty()) {
                targets.add(target);
            }
        }));
        if (!nodes.containsKey(id) || written.damaged().contains(id)) {
            mentions(written.yaml().get(id), targets);
        }
        return targets;
    }

    private void mentions(org.yaml.snakeyaml.nodes.Node yaml, Set<String> into) {
        if (yaml instanceof ScalarNode scalar && declared.contains(scalar.getValue().strip())) {
            into.add(scalar.getValue().strip());
        } else if (yaml instanceof SequenceNode list) {
            list.getValue().forEach(item -> mentions(item, into));
        } else if (yaml instanceof MappingNode map) {
            map.getValue().forEach(tuple -> mentions(tuple.getValueNode(), into));
        }
    }

    private Set<String> reachable(String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (declared.contains(id) && seen.add(id)) {
                queue.addAll(targets(id));
            }
        }
        return seen;
    }

    /**
     * Reports each group of nodes nothing reaches once, at the node the group hangs from: the
     * others can only be reached through it, so linking it links them all.
     */
    private void unreached(String from, Set<String> unreached) {
        Set<String> told = new LinkedHashSet<>();
        for (String id : heads(unreached)) {
            Set<String> behind = new LinkedHashSet<>(reachableWithin(id, unreached));
            behind.remove(id);
            behind.removeAll(told);
            told.add(id);
            told.addAll(behind);
            problems.add(at(id), "node '" + id + "' is never reached"
                    + " from start '" + from + "'" + (behind.isEmpty() ? "" : ", and so neither " + (behind.size() == 1 ? "is " : "are ")
                            + quoted(behind) + ", reached only through it")
                    + "; link to it from another node's next, or delete it");
        }
    }

    /** The unreached nodes no other unreached node leads to, in file order (one per loop of them). */
    private List<String> heads(Set<String> unreached) {
        Set<String> led = new LinkedHashSet<>();
        unreached.forEach(id -> targets(id).stream().filter(t -> !t.equals(id)).forEach(led::add));
        List<String> heads = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (String id : unreached) {
            if (!led.contains(id)) {
                heads.add(id);
                covered.addAll(reachableWithin(id, unreached));
            }
        }
        for (String id : unreached) {
            if (!covered.contains(id)) {
                heads.add(id);
                covered.addAll(reachableWithin(id, unreached));
            }
        }
        return heads;
    }

    private Set<String> reachableWithin(String from, Set<String> within) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (within.contains(id) && seen.add(id)) {
                queue.addAll(targets(id));
            }
        }
        return seen;
    }

    /**
     * Loops with no way out: nodes reached from the start from which no end can be reached. Each
     * is named once, at the node where prospects enter it; nodes nothing reaches (likely where the
     * way out should have led) are named in the same report. Returns whether any was found.
     */
    private boolean traps(String from, Set<String> reached, Set<String> unreached) {
        Set<String> canEnd = new LinkedHashSet<>();
        nodes.values().stream().filter(EndNode.class::isInstance).forEach(n -> canEnd.add(n.id()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Node node : nodes.values()) {
                if (!canEnd.contains(node.id()) && node.routes().stream().anyMatch(r -> canEnd.contains(r.target()))) {
                    grew = canEnd.add(node.id());
                }
            }
        }
        Set<String> stuck = new LinkedHashSet<>();
        for (String id : reached) {
            if (!canEnd.contains(id)) {
                stuck.add(id);
            }
        }
        boolean found = false;
        Set<String> told = new LinkedHashSet<>();
        for (String entry : reached) {
            if (!stuck.contains(entry) || told.contains(entry)) {
                continue;
            }
            Set<String> region = reachableWithin(entry, stuck);
            told.addAll(region);
            Optional<List<String>> loop = loop(entry, region);
            boolean causedElsewhere = region.stream().anyMatch(id -> nodes.get(id).routes().isEmpty() && !(nodes.get(id) instanceof EndNode)
                    || inLoopsOfMessages.contains(id));
            if (loop.isEmpty() || causedElsewhere) {
                continue;
            }
            found = true;
            String lost = unreached.isEmpty() ? "" : "; perhaps one of them should lead to " + quoted(heads(unreached))
                    + ", which nothing leads to now";
            problems.add(closing(loop.get()), "nodes " + String.join(" → ", loop.get()) + " form a loop with no way out:"
                    + " none of " + (region.size() == loop.get().size() - 1 ? "them" : "them or " + quoted(minus(region, loop.get())))
                    + " leads to an end, so a prospect who reaches '" + entry + "' can never finish" + lost
                    + (lost.isEmpty() ? "; lead one of them to a node that ends the flow" : ""));
        }
        return found;
    }

    /** A loop through {@code entry} (or the first one reached from it) within {@code region}, first node repeated at the end. */
    private Optional<List<String>> loop(String entry, Set<String> region) {
        return loopFrom(entry, region, new ArrayList<>(), new LinkedHashSet<>());
    }

    private Optional<List<String>> loopFrom(String id, Set<String> region, List<String> trail, Set<String> done) {
        int seenAt = trail.indexOf(id);
        if (seenAt >= 0) {
            List<String> loop = new ArrayList<>(trail.subList(seenAt, trail.size()));
            loop.add(id);
            return Optional.of(loop);
        }
        if (!region.contains(id) || done.contains(id)) {
            return Optional.empty();
        }
        trail.add(id);
        for (String next : targets(id)) {
            Optional<List<String>> found = loopFrom(next, region, trail, done);
            if (found.isPresent()) {
                return found;
            }
        }
        trail.remove(trail.size() - 1);
        done.add(id);
        return Optional.empty();
    }

    /** Where the link that closes {@code loop} (its last step, back to its first node) is written. */
    private Position closing(List<String> loop) {
        Node last = nodes.get(loop.get(loop.size() - 2));
        return last.routes().stream().filter(r -> r.target().equals(loop.get(0))).map(Route::at).findFirst().orElse(last.at());
    }

    private static List<String> minus(Set<String> all, List<String> some) {
        return all.stream().filter(id -> !some.contains(id)).toList();
    }

    private static String quoted(java.util.Collection<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private Position at(String id) {
        return Optional.ofNullable(nodes.get(id)).map(Node::at).orElse(written.at().get(id));
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
            inLoopsOfMessages.addAll(loop);
            problems.add(closing(loop), "nodes " + String.join(" → ", loop) + " form a loop of messages that never asks"
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
