package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.ChoiceNode;
import dev.leadbot.flow.Consent;
import dev.leadbot.flow.EndNode;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.InputKind;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.MessageNode;
import dev.leadbot.flow.MultiSelectNode;
import dev.leadbot.flow.Next;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Prospect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The moves a conversation makes: answering, walking on to the next question, going back. */
final class Steps {

    private final Flow flow;
    private final LeadAssembler leads;

    Steps(Flow flow) {
        this.flow = flow;
        this.leads = new LeadAssembler(flow);
    }

    /** A fresh conversation at the flow's start; {@code step} keeps counting so old buttons stay stale. */
    Conversation begin(Prospect prospect, Optional<String> source, Instant now, int step, List<Output> out) {
        Conversation fresh = new Conversation(prospect, source, now, flow.start().id(), step, List.of(), List.of(), List.of(),
                Conversation.Status.ASKING, 0);
        return walk(fresh, flow.start().id(), now, out);
    }

    /** A conversation that has not begun: no answers, at the start, not yet shown anything. */
    Conversation blank(Prospect prospect, Instant now, int step) {
        return new Conversation(prospect, Optional.empty(), now, flow.start().id(), step, List.of(), List.of(), List.of(),
                Conversation.Status.ASKING, 0);
    }

    /** Asks before deleting anything: /forget cannot be undone. */
    Conversation askForget(Conversation state, List<Output> out) {
        return twoWays(state, BotText.FORGET_PROMPT, BotText.FORGET_CONFIRM, new Action.ConfirmForget(), BotText.FORGET_CANCEL,
                new Action.KeepData(), Conversation.Status.FORGETTING, out);
    }

    /** A second /start mid-flow: continue where the prospect left off, or start over? */
    Conversation askResume(Conversation state, List<Output> out) {
        return twoWays(state, BotText.RESUME_PROMPT, BotText.RESUME_CONTINUE, new Action.Resume(), BotText.RESUME_RESTART,
                new Action.StartOver(), Conversation.Status.RESUMING, out);
    }

    /** A question of the bot's own with two buttons, shown in place of the current question. */
    private Conversation twoWays(Conversation state, BotText prompt, BotText first, Action firstAction, BotText second,
            Action secondAction, Conversation.Status status, List<Output> out) {
        clearButtons(state, out);
        Renderer text = new Renderer(flow, state);
        int step = state.step() + 1;
        out.add(new Output.Ask(step, state.node(), text.phrase(prompt), new Keyboard.Buttons(List.of(
                List.of(new Keyboard.Button(text.phrase(first), firstAction)),
                List.of(new Keyboard.Button(text.phrase(second), secondAction))))));
        return state.at(state.node(), step, state.path(), state.ticked(), status);
    }

    /** Confirmed: the adapter deletes the conversation and the chat's leads; what is returned is a blank start. */
    Conversation forget(Conversation state, Instant now, List<Output> out) {
        out.add(new Output.Edit(state.step(), state.node(), Optional.empty(), Keyboard.none()));
        out.add(new Output.Forgotten());
        out.add(new Output.Say(new Renderer(flow, state).phrase(BotText.FORGOTTEN), new Keyboard.RemoveRequest()));
        return blank(state.prospect(), now, state.step());
    }

    /** Not confirmed: back to where the prospect was, or to the start if nothing had begun. */
    Conversation keep(Conversation state, Node node, Instant now, List<Output> out) {
        out.add(new Output.Edit(state.step(), state.node(), Optional.empty(), Keyboard.none()));
        if (state.path().isEmpty()) {
            return begin(state.prospect(), state.source(), now, state.step(), out);
        }
        if (node instanceof EndNode) {
            out.add(new Output.Say(new Renderer(flow, state).phrase(BotText.ALREADY_DONE), Keyboard.none()));
            return state.at(node.id(), state.step(), state.path(), List.of(), Conversation.Status.COMPLETED);
        }
        return ask(state, node, state.ticked(), out);
    }

    Conversation restart(Conversation state, Instant now, List<Output> out) {
        clearButtons(state, out);
        leaving(state, BotText.RESTARTED, out);
        return begin(state.prospect(), state.source(), now, state.step(), out);
    }

    /** Undoes the last answer and asks its question again. */
    Conversation back(Conversation state, List<Output> out) {
        Renderer text = new Renderer(flow, state);
        if (state.status() == Conversation.Status.COMPLETED) {
            out.add(new Output.Say(text.phrase(BotText.ALREADY_DONE), Keyboard.none()));
            return state;
        }
        if (state.answers().isEmpty()) {
            out.add(new Output.Notice(text.phrase(BotText.NOTHING_TO_UNDO)));
            return state;
        }
        clearButtons(state, out);
        leaving(state, BotText.WENT_BACK, out);
        Answer undone = state.answers().get(state.answers().size() - 1);
        Node node = flow.node(undone.node()).orElse(flow.start());
        int cut = state.path().lastIndexOf(node.id());
        List<String> path = state.path().subList(0, Math.max(cut, 0));
        Conversation rewound = state.withoutLastAnswer().at(node.id(), state.step(), path, List.of(), Conversation.Status.ASKING);
        // A checklist comes back with the ticks the prospect had, so they only change what they meant to.
        return ask(rewound, node, node instanceof MultiSelectNode ? undone.values() : List.of(), out);
    }

    /** Shows {@code node}'s question under a new step number. */
    Conversation ask(Conversation state, Node node, List<String> ticked, List<Output> out) {
        List<String> path = new ArrayList<>(state.path());
        if (path.isEmpty() || !path.get(path.size() - 1).equals(node.id())) {
            path.add(node.id());
        }
        Conversation asking = state.at(node.id(), state.step() + 1, path, ticked, Conversation.Status.ASKING);
        Renderer text = new Renderer(flow, asking);
        out.add(new Output.Ask(asking.step(), node.id(), text.render(node.text()), text.keyboard(node, ticked)));
        return asking;
    }

    Conversation pick(Conversation state, ChoiceNode choice, Option option, Instant now, List<Output> out) {
        String label = new Renderer(flow, state).label(option);
        return answer(state, choice, Answer.of(choice.variable(), choice.id(), option.id(), label), choice.nextAfter(option).orElseThrow(),
                Optional.of(label), now, out);
    }

    Conversation toggle(Conversation state, MultiSelectNode multi, String option, List<Output> out) {
        List<String> ticked = new ArrayList<>(state.ticked());
        if (!ticked.remove(option)) {
            if (ticked.size() >= multi.max()) {
                out.add(new Output.Notice(new Renderer(flow, state).phrase(BotText.TOO_MANY, "max", multi.max())));
                return state;
            }
            ticked.add(option);
        }
        Conversation toggled = state.withTicked(ticked);
        out.add(new Output.Edit(state.step(), multi.id(), Optional.empty(), new Renderer(flow, toggled).keyboard(multi, ticked)));
        return toggled;
    }

    Conversation done(Conversation state, MultiSelectNode multi, Instant now, List<Output> out) {
        Renderer text = new Renderer(flow, state);
        if (state.ticked().size() < multi.min()) {
            out.add(new Output.Notice(text.phrase(BotText.TOO_FEW, "min", multi.min())));
            return state;
        }
        List<Option> ticked = multi.options().stream().filter(o -> state.ticked().contains(o.id())).toList();
        String label = text.joined(ticked.stream().map(text::label).toList());
        Answer answer = new Answer(multi.variable(), multi.id(), ticked.stream().map(Option::id).toList(), label);
        return answer(state, multi, answer, multi.next(), Optional.of(label.isEmpty() ? "—" : label), now, out);
    }

    Conversation accept(Conversation state, InputNode input, String value, String label, Instant now, List<Output> out) {
        if (input.kind() == InputKind.PHONE) {
            out.add(new Output.Say(new Renderer(flow, state).phrase(BotText.PHONE_SAVED, "phone", value), new Keyboard.RemoveRequest()));
        }
        return answer(state, input, Answer.of(input.variable(), input.id(), value, label), input.next(), Optional.empty(), now, out);
    }

    /** Once per question, tells a prospect who sent a sticker or a file what the question needs. */
    Conversation nudge(Conversation state, List<Output> out) {
        if (state.nudgedAt() == state.step()) {
            return state;
        }
        Renderer text = new Renderer(flow, state);
        Node node = flow.node(state.node()).orElseThrow();
        String message = state.status() == Conversation.Status.COMPLETED ? text.phrase(BotText.ALREADY_DONE)
                : state.status() == Conversation.Status.ASKING && node instanceof InputNode input
                        ? new AnswerParser(text).reask(input)
                        : text.phrase(BotText.USE_BUTTONS);
        out.add(new Output.Say(message, Keyboard.none()));
        return state.nudged();
    }

    /**
     * Says {@code notice} on leaving the current question; leaving the phone question also takes
     * away its "share my number" keyboard, which would otherwise stay under the next questions.
     */
    private void leaving(Conversation state, BotText notice, List<Output> out) {
        String text = new Renderer(flow, state).phrase(notice);
        boolean atPhone = state.status() == Conversation.Status.ASKING
                && flow.node(state.node()).filter(n -> n instanceof InputNode input && input.kind() == InputKind.PHONE).isPresent();
        out.add(atPhone ? new Output.Say(text, new Keyboard.RemoveRequest()) : new Output.Notice(text));
    }

    /** Takes the buttons off the current question, so an abandoned question cannot be answered. */
    void clearButtons(Conversation state, List<Output> out) {
        Optional<Node> node = flow.node(state.node());
        if (state.status() != Conversation.Status.COMPLETED && node.isPresent() && new Renderer(flow, state).showsButtons(node.get())) {
            out.add(new Output.Edit(state.step(), state.node(), Optional.empty(), Keyboard.none()));
        }
    }

    private Conversation answer(Conversation state, Node node, Answer answer, Next next, Optional<String> shown, Instant now,
            List<Output> out) {
        Renderer text = new Renderer(flow, state);
        Optional<String> edited = shown.map(label -> text.answered(node, label));
        if (edited.isPresent() || text.showsButtons(node)) {
            out.add(new Output.Edit(state.step(), node.id(), edited, Keyboard.none()));
        }
        Conversation answered = state.answered(answer);
        return walk(answered, target(next, answered), now, out);
    }

    /** Walks from {@code id} through messages to the next question or an end. */
    private Conversation walk(Conversation state, String id, Instant now, List<Output> out) {
        List<String> path = new ArrayList<>(state.path());
        for (int hops = 0; hops <= flow.nodes().size(); hops++) {
            String current = id;
            Node node = flow.node(current).orElseThrow(() -> new IllegalStateException("flow " + flow.id() + " has no node " + current));
            if (node instanceof MessageNode message) {
                path.add(id);
                out.add(new Output.Say(new Renderer(flow, state).render(message.text()), Keyboard.none()));
                id = target(message.next(), state);
            } else if (node instanceof EndNode end) {
                path.add(id);
                Conversation done = state.at(id, state.step(), path, List.of(), Conversation.Status.COMPLETED);
                out.add(new Output.Say(new Renderer(flow, done).render(end.text()), Keyboard.none()));
                boolean declined = done.consent(flow).filter(c -> c == Consent.DECLINED).isPresent();
                out.add(declined ? new Output.Declined(flow.id(), id) : new Output.Completed(leads.assemble(done, now)));
                return done;
            } else {
                return ask(state.at(state.node(), state.step(), path, List.of(), state.status()), node, List.of(), out);
            }
        }
        throw new IllegalStateException("flow " + flow.id() + " passes " + flow.nodes().size() + " messages without a question");
    }

    private String target(Next next, Conversation state) {
        return next.target(state::values).orElseThrow(() -> new IllegalStateException("no route matches in flow " + flow.id()));
    }
}
