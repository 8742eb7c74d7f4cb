package dev.leadbot.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    ConsentChecks(Problems problems, Map<String, Node> nodes, String start, Map<String, FlowParser.Ref> summary) {
        this.problems = problems;
        this.nodes = nodes;
        this.start = start;
        this.summary = summary;
    }

    void run() {
        nodes.values().forEach(this::bothAnswers);
        Map<String, String> collecting = collecting();
        if (collecting.isEmpty()) {
            return;
        }
        boolean asksConsent = nodes.values().stream().flatMap(n -> n.options().stream()).anyMatch(o -> o.consent().isPresent());
        Set<String> reported = new HashSet<>();
        Deque<Map.Entry<String, State>> queue = new ArrayDeque<>(List.of(Map.entry(start, State.NOT_ASKED)));
        Set<Map.Entry<String, State>> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Map.Entry<String, State> here = queue.poll();
            Node node = nodes.get(here.getKey());
            if (node == null || !seen.add(here)) {
                continue;
            }
            State state = here.getValue();
            String what = collecting.get(node.id());
            if (what != null && state.consent().filter(c -> c == Consent.GIVEN).isEmpty() && reported.add(node.id())) {
                problems.add(node.at(), message(node, what, state, asksConsent));
            }
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
