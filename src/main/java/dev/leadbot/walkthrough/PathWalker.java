package dev.leadbot.walkthrough;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.ChoiceNode;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.MultiSelectNode;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.lead.Prospect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks every path of a flow through the engine, as a prospect would: every option of every
 * question, a checklist with each option alone and with as many as it allows, a generated answer
 * at each input; at every question it also tries back, restart and answers that must be refused.
 * A path takes each answer at most once, so loops are walked once around; a path on which every
 * answer left has been taken, without an end, cannot end.
 */
public final class PathWalker {

    /** Walks stop after this many paths: a flow with more is reported as cut, not walked for hours. */
    public static final int MOST_PATHS = 20_000;
    /** Telegram's limit on a message's text. */
    static final int MESSAGE_LIMIT = 4096;
    /** Telegram's limit on a pop-up answer to a button. */
    static final int POPUP_LIMIT = 200;
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** Where the walk stands: the conversation, the question on screen, and the path so far. */
    private record Point(Conversation state, Asked asked, List<String> transcript, List<String> choices, Set<String> taken,
            int questions) {
    }

    /** The latest question shown: its step, its node and its buttons. */
    private record Asked(int step, String node, Keyboard keyboard) {
    }

    /** One thing the prospect does: tap a button, or type. */
    private sealed interface Move {
        record Tap(Action action, String label) implements Move {
        }

        record Type(String text) implements Move {
        }
    }

    /** One answer to a question: its key on the path (e.g. {@code role=owner}) and the moves that give it. */
    private record Answer(String key, List<Move> moves) {
    }

    private final Flow flow;
    private final ConversationEngine engine;
    private final Prospect prospect;
    private final TypedAnswers typed;
    private final TranscriptLines lines;
    private final Set<String> placeholders = new LinkedHashSet<>();
    /** Each problem once, by what it is: the first place it was seen, and how many places in all. */
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<WalkedPath> paths = new ArrayList<>();
    private String firstQuestion = "";
    private boolean cut;

    public PathWalker(Flow flow) {
        this.flow = flow;
        this.engine = new ConversationEngine(flow);
        this.prospect = new Prospect(1, 1, Optional.of("anna_walks"), flow.defaultLanguage().equals("en") ? "Anna" : "Анна",
                Optional.empty(), flow.defaultLanguage());
        this.typed = new TypedAnswers(flow.defaultLanguage());
        this.lines = new TranscriptLines();
        flow.nodes().forEach(node -> node.texts().forEach(text -> placeholders.addAll(text.placeholders())));
    }

    public Walk walk() {
        Optional<Transition> begun = handle(Optional.empty(), new Input.Start(Optional.empty()), "the start");
        if (begun.isPresent()) {
            List<String> transcript = new ArrayList<>();
            Asked asked = follow(new Asked(0, "", Keyboard.none()), begun.get().outputs(), transcript);
            firstQuestion = begun.get().state().node();
            walk(new Point(begun.get().state(), asked, transcript, List.of(), Set.of(), 0));
        }
        return new Walk(paths, problems.entrySet().stream().map(p -> p.getValue() + (seen.get(p.getKey()) > 1
                ? " (and on " + (seen.get(p.getKey()) - 1) + (seen.get(p.getKey()) == 2 ? " other path)" : " other paths)") : ""))
                .toList(), cut);
    }

    private void walk(Point point) {
        if (paths.size() >= MOST_PATHS) {
            cut = true;
            return;
        }
        if (point.state().status() == Conversation.Status.COMPLETED) {
            paths.add(new WalkedPath(point.choices(), point.questions(), true, point.transcript()));
            return;
        }
        Node node = flow.node(point.state().node()).orElseThrow();
        probe(point, node);
        List<Answer> open = answers(node, point.asked()).stream().filter(a -> !point.taken().contains(a.key())).toList();
        if (open.isEmpty()) {
            List<String> transcript = new ArrayList<>(point.transcript());
            transcript.add("");
            transcript.add("(this path cannot end: every answer to '" + node.id() + "' was already given on it, and none led to an end)");
            paths.add(new WalkedPath(point.choices(), point.questions(), false, transcript));
            problem("stuck " + node.id(), "a path cannot end: " + String.join(" → ", point.choices()) + " comes back to '" + node.id()
                    + "', whose every answer was already given on the way, and none leads to an end");
            return;
        }
        for (Answer answer : open) {
            answer(point, node, answer).ifPresent(this::walk);
        }
    }

    /** The point after giving {@code answer}, or empty when the engine failed (reported). */
    private Optional<Point> answer(Point point, Node node, Answer answer) {
        Conversation state = point.state();
        Asked asked = point.asked();
        List<String> transcript = new ArrayList<>(point.transcript());
        String where = String.join(" → ", point.choices()) + (point.choices().isEmpty() ? "" : " → ") + answer.key();
        for (Move move : answer.moves()) {
            Input input;
            if (move instanceof Move.Tap tap) {
                transcript.add("prospect taps: " + tap.label());
                input = new Input.Press(asked.step(), asked.node(), tap.action());
            } else {
                String text = ((Move.Type) move).text();
                transcript.add("prospect types: " + text);
                input = new Input.Typed(text);
            }
            Optional<Transition> next = handle(Optional.of(state), input, where);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            asked = follow(asked, next.get().outputs(), transcript);
            state = next.get().state();
        }
        if (state.answers().size() == point.state().answers().size()) {
            problem("not taken " + node.id(), "at '" + node.id() + "' on " + where + " the answer was not taken: "
                    + transcript.get(transcript.size() - 1));
            return Optional.empty();
        }
        List<String> choices = new ArrayList<>(point.choices());
        choices.add(answer.key());
        Set<String> taken = new LinkedHashSet<>(point.taken());
        taken.add(answer.key());
        return Optional.of(new Point(state, asked, transcript, choices, taken, point.questions() + 1));
    }

    private List<Answer> answers(Node node, Asked asked) {
        List<Answer> answers = new ArrayList<>();
        if (node instanceof ChoiceNode choice) {
            for (Keyboard.Button button : buttons(asked)) {
                if (button.action() instanceof Action.Pick pick) {
                    answers.add(new Answer(choice.id() + "=" + pick.option(), List.of(new Move.Tap(pick, button.label()))));
                }
            }
        } else if (node instanceof MultiSelectNode multi) {
            for (List<Option> ticked : selections(multi)) {
                List<Move> moves = new ArrayList<>();
                for (Option option : ticked) {
                    String label = buttons(asked).stream().filter(b -> b.action().equals(new Action.Toggle(option.id())))
                            .map(Keyboard.Button::label).findFirst().orElse(option.id());
                    moves.add(new Move.Tap(new Action.Toggle(option.id()), label.substring(label.indexOf(' ') + 1)));
                }
                String done = buttons(asked).stream().filter(b -> b.action() instanceof Action.Done).map(Keyboard.Button::label)
                        .findFirst().orElse("done");
                moves.add(new Move.Tap(new Action.Done(), done));
                String key = ticked.size() == multi.options().size() && ticked.size() > 1 ? "all"
                        : String.join("+", ticked.stream().map(Option::id).toList());
                answers.add(new Answer(multi.id() + "=" + (key.isEmpty() ? "none" : key), moves));
            }
        } else if (node instanceof InputNode input) {
            answers.add(new Answer(input.id() + "=typed", List.of(new Move.Type(typed.walkOn(input)))));
        }
        return answers;
    }

    /** Each option alone (with the first others when more are required), and as many as allowed. */
    private static List<List<Option>> selections(MultiSelectNode multi) {
        List<Option> options = multi.options();
        List<List<Option>> selections = new ArrayList<>();
        int least = Math.max(multi.min(), 1);
        for (int i = 0; i < options.size(); i++) {
            List<Option> ticked = new ArrayList<>(List.of(options.get(i)));
            for (int j = 0; ticked.size() < least && j < options.size(); j++) {
                if (j != i) {
                    ticked.add(options.get(j));
                }
            }
            ticked.sort((a, b) -> options.indexOf(a) - options.indexOf(b));
            if (!selections.contains(ticked) && ticked.size() <= multi.max()) {
                selections.add(ticked);
            }
        }
        List<Option> most = options.subList(0, Math.min(multi.max(), options.size()));
        if (!selections.contains(most)) {
            selections.add(List.copyOf(most));
        }
        return selections;
    }

    /** Back, restart and refused answers at this question: each must leave the prospect somewhere sensible. */
    private void probe(Point point, Node node) {
        String where = point.choices().isEmpty() ? "the first question '" + node.id() + "'" : "'" + node.id() + "' after "
                + String.join(" → ", point.choices());
        Conversation state = point.state();
        if (!state.answers().isEmpty()) {
            String undone = state.answers().get(state.answers().size() - 1).node();
            handle(Optional.of(state), new Input.Back(), where).ifPresent(t -> {
                boolean asksAgain = t.outputs().stream().anyMatch(o -> o instanceof Output.Ask ask && ask.node().equals(undone));
                if (!asksAgain || !t.state().node().equals(undone)) {
                    problem("back " + node.id(), "back at " + where + " does not ask '" + undone + "' again");
                }
            });
        }
        handle(Optional.of(state), new Input.Restart(), where).ifPresent(t -> {
            if (!t.state().node().equals(firstQuestion) || !t.state().answers().isEmpty()) {
                problem("restart " + node.id(), "restart at " + where + " does not start over at '" + firstQuestion + "'");
            }
        });
        if (node instanceof InputNode input && input.kind() == dev.leadbot.flow.InputKind.PHONE) {
            handle(Optional.of(state), new Input.SharedContact("79161234567", true), where).ifPresent(t -> {
                if (t.state().answers().size() == state.answers().size()) {
                    problem("contact " + node.id(), "at " + where + " the prospect's shared contact is refused");
                }
            });
        }
        if (node instanceof InputNode input) {
            for (TypedAnswers.Typed edge : typed.edges(input)) {
                handle(Optional.of(state), new Input.Typed(edge.text()), where).ifPresent(t -> {
                    boolean taken = t.state().answers().size() > state.answers().size();
                    if (taken != edge.fits()) {
                        problem("edge " + node.id() + edge.why(), "at " + where + ", " + edge.why() + " is " + (taken ? "accepted" : "refused"));
                    }
                });
            }
        }
    }

    private void missing(String text, String where) {
        for (String name : placeholders) {
            if (text.contains("{" + name + "}")) {
                problem("missing " + name + text, "at " + where + " a text shows '{" + name + "}' with no value: "
                        + TranscriptLines.shorten(text));
            }
        }
    }

    private void problem(String what, String message) {
        problems.putIfAbsent(what, message);
        seen.merge(what, 1, Integer::sum);
    }

    /** The engine's answer to one input, its messages checked against Telegram's limits; empty if the engine failed. */
    private Optional<Transition> handle(Optional<Conversation> state, Input input, String where) {
        try {
            Transition transition = engine.handle(state, prospect, input, T0.plusSeconds(state.map(s -> s.step() * 5L).orElse(0L)));
            transition.outputs().forEach(output -> check(output, where));
            return Optional.of(transition);
        } catch (RuntimeException e) {
            problem("failed " + e, "the engine failed at " + where + ": " + e);
            return Optional.empty();
        }
    }

    private void check(Output output, String where) {
        for (String label : TranscriptLines.labels(output)) {
            missing(label, where);
        }
        for (String text : TranscriptLines.texts(output)) {
            int limit = output instanceof Output.Notice ? POPUP_LIMIT : MESSAGE_LIMIT;
            if (text.length() > limit) {
                problem("limit " + text, "at " + where + " a " + (output instanceof Output.Notice ? "pop-up" : "message") + " is "
                        + String.format("%,d", text.length()) + " characters, over Telegram's " + String.format("%,d", limit) + ": "
                        + TranscriptLines.shorten(text));
            }
            missing(text, where);
        }
    }

    /** Adds what the prospect sees to {@code transcript}; returns the question now on screen. */
    private Asked follow(Asked asked, List<Output> outputs, List<String> transcript) {
        Asked now = asked;
        for (Output output : outputs) {
            transcript.addAll(lines.of(output));
            if (output instanceof Output.Ask ask) {
                now = new Asked(ask.step(), ask.node(), ask.keyboard());
            } else if (output instanceof Output.Edit edit && edit.step() == now.step()) {
                now = new Asked(now.step(), now.node(), edit.keyboard());
            }
        }
        return now;
    }

    private static List<Keyboard.Button> buttons(Asked asked) {
        return asked.keyboard() instanceof Keyboard.Buttons inline ? inline.rows().stream().flatMap(List::stream).toList() : List.of();
    }
}
