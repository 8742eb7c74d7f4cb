package dev.leadbot.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Personal data only after consent: a node that collects a contact detail (a phone or e-mail
 * input, or a variable the summary names as the name, phone, e-mail or username) must be reached
 * only through an option marked {@code consent: given}, never before one and never after
 * {@code consent: declined}; and a consent question must offer both answers.
 */
final class ConsentChecks {

    /** What the summary's fields mean to a person, for the messages. */
    private static final Map<String, String> SUMMARY_WORDS = Map.of(
            "name", "the prospect's name", "phone", "a phone number", "email", "an e-mail address", "username", "a messenger username");

    /** Where a path stands on consent: not asked yet, agreed, or refused (and by which option). */
    private record State(Optional<Consent> consent, String where) {
        static final State NOT_ASKED = new State(Optional.empty(), "");
    }

    private final Problems problems;
    private final Map<String, Node> nodes;
    private final String start;
    private final Map<String, FlowParser.Ref> summary;
    private final Optional<FlowParser.PartialPoint> partial;

    ConsentChecks(Problems problems, Map<String, Node> nodes, String start, Map<String, FlowParser.Ref> summary,
            Optional<FlowParser.PartialPoint> partial) {
        this.problems = problems;
        this.nodes = nodes;
        this.start = start;
        this.summary = summary;
        this.partial = partial;
    }

    void run() {
        nodes.values().forEach(this::bothAnswers);
        boolean asksConsent = nodes.values().stream().flatMap(n -> n.options().stream()).anyMatch(o -> o.consent().isPresent());
        Map<String, Set<State>> arrivals = arrivals();
        collecting().forEach((id, what) -> arrivals.getOrDefault(id, Set.of()).stream()
                .filter(state -> state.consent().filter(c -> c == Consent.GIVEN).isEmpty()).findFirst()
                .ifPresent(state -> problems.add(nodes.get(id).at(), message(nodes.get(id), what, state, asksConsent))));
        partial.ifPresent(point -> partialPoint(point, arrivals, asksConsent));
    }

    /**
     * Every node reached from the start, with each state of consent it is reached in, in the
     * order a breadth-first walk meets them (so reports name the nearest way there).
     */
    private Map<String, Set<State>> arrivals() {
        Map<String, Set<State>> arrivals = new LinkedHashMap<>();
        Deque<Map.Entry<String, State>> queue = new ArrayDeque<>(List.of(Map.entry(start, State.NOT_ASKED)));
        while (!queue.isEmpty()) {
            Map.Entry<String, State> here = queue.poll();
            Node node = nodes.get(here.getKey());
            if (node == null || !arrivals.computeIfAbsent(node.id(), k -> new LinkedHashSet<>()).add(here.getValue())) {
                continue;
            }
            State state = here.getValue();
            if (node instanceof ChoiceNode choice) {
                for (Option option : choice.options()) {
                    State after = option.consent().map(c -> new State(Optional.of(c), "option '" + option.id() + "' of node '"
                            + choice.id() + "'")).orElse(state);
                    choice.nextAfter(option).ifPresent(next -> next.routes().forEach(r -> queue.add(Map.entry(r.target(), after))));
                }
            } else {
                node.routes().forEach(r -> queue.add(Map.entry(r.target(), state)));
            }
        }
        return arrivals;
    }

    /**
     * A partial lead is made only with the prospect's consent, so the flow must ask for it, and the
     * variables of the point must be asked after it: one answered before consent would silently
     * mean "once consent is given", not what the author wrote. Each such variable is one report.
     */
    private void partialPoint(FlowParser.PartialPoint point, Map<String, Set<State>> arrivals, boolean asksConsent) {
        if (!asksConsent) {
            problems.add(point.at(), "partial_lead needs the prospect's consent to the processing of personal data, and the flow"
                    + " never asks for it: a partial lead hands the owner answers the prospect did not send off; ask for consent"
                    + " before the questions once_known names: a choice with an option 'consent: given' and an option"
                    + " 'consent: declined' (see flows/README.md)");
            return;
        }
        List<String> afterConsent = nodes.values().stream().filter(n -> n.savesAs().isPresent() && arrivals.containsKey(n.id())
                && arrivals.get(n.id()).stream().allMatch(s -> s.consent().filter(c -> c == Consent.GIVEN).isPresent()))
                .map(n -> n.savesAs().get()).distinct().toList();
        Set<String> reported = new HashSet<>();
        for (FlowParser.Ref variable : point.onceKnown()) {
            Optional<Node> early = nodes.values().stream().filter(n -> n.savesAs().filter(variable.name()::equals).isPresent())
                    .filter(n -> arrivals.getOrDefault(n.id(), Set.of()).stream().anyMatch(s -> s.consent().filter(c -> c == Consent.GIVEN)
                            .isEmpty())).findFirst();
            if (early.isPresent() && reported.add(variable.name())) {
                State state = arrivals.get(early.get().id()).stream().filter(s -> s.consent().filter(c -> c == Consent.GIVEN).isEmpty())
                        .findFirst().orElseThrow();
                String question = nodes.values().stream().filter(n -> n.options().stream().anyMatch(o -> o.consent().isPresent()))
                        .map(Node::id).findFirst().orElseThrow();
                String when = state.consent().isPresent() ? "after the prospect declined consent (" + state.where() + ")"
                        : "before the prospect gives consent at node '" + question + "'";
                problems.add(variable.at(), "partial_lead.once_known names '" + variable.name() + "', which node '" + early.get().id()
                        + "' asks " + when + "; no partial lead is made without consent, so name a variable asked after the"
                        + " agreeing option" + (afterConsent.isEmpty() ? "" : ", such as '" + afterConsent.get(0) + "'"));
            }
        }
    }

    private static String message(Node node, String what, State state, boolean asksConsent) {
        String asks = "node '" + node.id() + "' asks for " + what;
        if (state.consent().isPresent()) {
            return asks + " after the prospect declined to share personal data (" + state.where() + "); lead the declining"
                    + " option to an end or to questions that collect nothing personal";
        }
        if (!asksConsent) {
            return asks + " without the prospect's consent to the processing of personal data; ask it first: a choice"
                    + " with an option 'consent: given' that leads here and an option 'consent: declined' (see flows/README.md)";
        }
        return asks + " on a path that has not passed an option with 'consent: given'; lead to it only from the agreeing"
                + " option of the consent question, or from questions after it";
    }

    /** A consent question needs a way to agree and a way to refuse. */
    private void bothAnswers(Node node) {
        List<Option> marked = node.options().stream().filter(o -> o.consent().isPresent()).toList();
        if (marked.isEmpty()) {
            return;
        }
        for (Consent missing : Consent.values()) {
            if (marked.stream().noneMatch(o -> o.consent().get() == missing)) {
                problems.add(node.at(), "node '" + node.id() + "' asks for consent but has no option with 'consent: "
                        + missing.yamlName() + "'; add one, so the prospect can " + (missing == Consent.GIVEN ? "agree" : "refuse"));
            }
        }
    }

    /** The nodes that collect a contact detail, with what they collect in a person's words. */
    private Map<String, String> collecting() {
        Map<String, String> collecting = new LinkedHashMap<>();
        for (Node node : nodes.values()) {
            if (node instanceof InputNode input && input.kind() == InputKind.PHONE) {
                collecting.put(node.id(), SUMMARY_WORDS.get("phone"));
            } else if (node instanceof InputNode input && input.kind() == InputKind.EMAIL) {
                collecting.put(node.id(), SUMMARY_WORDS.get("email"));
            }
            summary.forEach((field, ref) -> node.savesAs().filter(ref.name()::equals)
                    .ifPresent(v -> collecting.putIfAbsent(node.id(), SUMMARY_WORDS.get(field) + " (summary." + field + ")")));
        }
        return collecting;
    }
}
