package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.ChoiceNode;
import dev.leadbot.flow.Consent;
import dev.leadbot.flow.EndNode;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FollowUps;
import dev.leadbot.flow.InputKind;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.MessageNode;
import dev.leadbot.flow.MultiSelectNode;
import dev.leadbot.flow.Next;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moves a conversation makes: answering, walking on to the next question, going back.
 * Each message costs the chat a share of what the messenger lets a bot send, so what the
 * prospect reads in one go goes out as one message: the flow's messages lead the question after
 * them, and after an answer pressed on the newest message, the closing words join it.
 */
final class Steps {

    /** The longest message a messenger takes (Telegram's limit); texts are joined only below it. */
    static final int MESSAGE_LIMIT = 4096;
    /** What separates texts joined into one message. */
    static final String BETWEEN = "\n\n";
    /** Room a question keeps in its message for the answer shown in it later. */
    private static final int ANSWER_ROOM = 1024;

    private final Flow flow;
    private final LeadAssembler leads;

    Steps(Flow flow) {
        this.flow = flow;
        this.leads = new LeadAssembler(flow);
    }

    /** A fresh conversation at the flow's start; {@code step} keeps counting so old buttons stay stale. */
    Conversation begin(Prospect prospect, Optional<String> source, Instant now, int step, List<Output> out) {
        Conversation fresh = new Conversation(prospect, source, now, flow.start().id(), step, List.of(), List.of(), List.of(),
                List.of(), Conversation.Status.ASKING, 0);
        return walk(fresh, flow.start().id(), now, Optional.empty(), out);
    }

    /** A conversation that has not begun: no answers, at the start, not yet shown anything. */
    Conversation blank(Prospect prospect, Instant now, int step) {
        return new Conversation(prospect, Optional.empty(), now, flow.start().id(), step, List.of(), List.of(), List.of(),
                List.of(), Conversation.Status.ASKING, 0);
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
        out.add(new Output.Ask(step, state.node(), text.phrase(prompt), twoWays(text, first, firstAction, second, secondAction), false));
        return state.at(state.node(), step, state.path(), state.ticked(), status);
    }

    private static Keyboard.Buttons twoWays(Renderer text, BotText first, Action firstAction, BotText second, Action secondAction) {
        return new Keyboard.Buttons(List.of(
                List.of(new Keyboard.Button(text.phrase(first), firstAction)),
                List.of(new Keyboard.Button(text.phrase(second), secondAction))));
    }

    /** What the newest question message shows: its text and its buttons. */
    record Showing(String text, Keyboard keyboard) {
    }

    /** The question now waiting, as it is shown: the bot's own prompt or the node's question with its buttons. */
    Showing showing(Conversation state) {
        Renderer text = new Renderer(flow, state);
        return switch (state.status()) {
            case RESUMING -> new Showing(text.phrase(BotText.RESUME_PROMPT), twoWays(text, BotText.RESUME_CONTINUE, new Action.Resume(),
                    BotText.RESUME_RESTART, new Action.StartOver()));
            case FORGETTING -> new Showing(text.phrase(BotText.FORGET_PROMPT), twoWays(text, BotText.FORGET_CONFIRM,
                    new Action.ConfirmForget(), BotText.FORGET_CANCEL, new Action.KeepData()));
            default -> {
                Node node = flow.node(state.node()).orElseThrow();
                yield new Showing(text.question(node), text.keyboard(node, state.ticked()));
            }
        };
    }

    /** Confirmed: the adapter deletes the conversation and the chat's leads; what is returned is a blank start. */
    Conversation forget(Conversation state, Instant now, List<Output> out) {
        out.add(new Output.Edit(state.step(), state.node(), Keyboard.none()));
        out.add(new Output.Forgotten());
        out.add(new Output.Say(new Renderer(flow, state).phrase(BotText.FORGOTTEN), new Keyboard.RemoveRequest()));
        return blank(state.prospect(), now, state.step());
    }

    /** Not confirmed: back to where the prospect was, or to the start if nothing had begun. */
    Conversation keep(Conversation state, Node node, Instant now, List<Output> out) {
        out.add(new Output.Edit(state.step(), state.node(), Keyboard.none()));
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
        // Starting over an unfinished run is the same conversation: if it was abandoned once, finishing it completes
        // that partial lead. After a completed run it is a new lead.
        return begin(state.prospect(), state.source(), now, state.step(), out).withPartialLead(state.partialLeadForNextRun());
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
        if (cut < 0 && node.id().equals(undone.node()) && state.status() == Conversation.Status.ASKING) {
            // Given before its question was reached (a phone typed at the name question): undone where the prospect is.
            Node current = flow.node(state.node()).orElseThrow();
            Conversation undoneHere = state.withoutLastAnswer().at(current.id(), state.step(), state.path(), List.of(), state.status());
            return ask(undoneHere, current, List.of(), out);
        }
        List<String> path = state.path().subList(0, Math.max(cut, 0));
        Conversation rewound = state.withoutLastAnswer().at(node.id(), state.step(), path, List.of(), Conversation.Status.ASKING);
        // A checklist comes back with the ticks the prospect had, so they only change what they meant to.
        return ask(rewound, node, node instanceof MultiSelectNode ? undone.values() : List.of(), out);
    }

    /** Shows {@code node}'s question under a new step number. */
    Conversation ask(Conversation state, Node node, List<String> ticked, List<Output> out) {
        return ask(state, node, ticked, List.of(), false, out);
    }

    /**
     * The same, in one message after the flow's messages {@code preface}; {@code repeated} when it
     * is the same question shown again below the prospect's message.
     */
    private Conversation ask(Conversation state, Node node, List<String> ticked, List<String> preface, boolean repeated,
            List<Output> out) {
        List<String> path = new ArrayList<>(state.path());
        if (path.isEmpty() || !path.get(path.size() - 1).equals(node.id())) {
            path.add(node.id());
        }
        Conversation asking = state.at(node.id(), state.step() + 1, path, ticked, Conversation.Status.ASKING).prefacedBy(preface);
        Renderer text = new Renderer(flow, asking);
        out.add(new Output.Ask(asking.step(), node.id(), text.question(node), text.keyboard(node, ticked), repeated));
        return asking;
    }

    /**
     * A message that is not an answer at a button question: the question is shown again below
     * it, with its buttons, and they come off the earlier copy. Once per question; after that a
     * short reminder.
     */
    Conversation unclear(Conversation state, List<Output> out) {
        if (state.nudgedAt() == state.step()) {
            out.add(new Output.Reminder(new Renderer(flow, state).phrase(BotText.USE_BUTTONS)));
            return state;
        }
        return repeat(state, out);
    }

    private Conversation repeat(Conversation state, List<Output> out) {
        Showing showing = showing(state.prefacedBy(List.of()));
        clearButtons(state, out);
        int step = state.step() + 1;
        String text = new Renderer(flow, state).phrase(BotText.NOT_UNDERSTOOD) + BETWEEN + showing.text();
        out.add(new Output.Ask(step, state.node(), text, showing.keyboard(), true));
        return state.at(state.node(), step, state.path(), state.ticked(), state.status()).nudged();
    }

    /**
     * Reminder {@code attempt} of the question's follow-ups to a prospect gone silent: the reminder with the question
     * under it and its buttons (ticks kept), in one message, so one tap continues; the buttons come off the earlier
     * copy. Nothing when the conversation is no longer at a question, or the question has no such reminder (the flow
     * changed since the reminder was scheduled).
     */
    Conversation remind(Conversation state, int attempt, List<Output> out) {
        Optional<FollowUps> followUps = flow.followUps(state.node());
        if (state.status() != Conversation.Status.ASKING || followUps.isEmpty() || attempt < 1
                || attempt > followUps.get().reminders().size()) {
            return state;
        }
        Showing showing = showing(state.prefacedBy(List.of()));
        clearButtons(state, out);
        int step = state.step() + 1;
        String reminder = new Renderer(flow, state).render(followUps.get().reminders().get(attempt - 1).text());
        out.add(new Output.Ask(step, state.node(), reminder + BETWEEN + showing.text(), showing.keyboard(), true));
        return state.at(state.node(), step, state.path(), state.ticked(), state.status());
    }

    /** The follow-ups went unanswered: the conversation is marked abandoned, once, and waits at its question as before. */
    Conversation abandon(Conversation state) {
        return state.status() == Conversation.Status.ASKING && !state.abandoned() ? state.abandon() : state;
    }

    /**
     * Options of a checklist named in a typed message: each is ticked or unticked as its button
     * would, and the checklist is shown again below the message with the new ticks.
     */
    Conversation toggleTyped(Conversation state, MultiSelectNode multi, List<String> options, List<Output> out) {
        List<String> ticked = new ArrayList<>(state.ticked());
        for (String option : options) {
            if (!ticked.remove(option)) {
                ticked.add(option);
            }
        }
        if (ticked.size() > multi.max()) {
            out.add(new Output.Notice(new Renderer(flow, state).phrase(BotText.TOO_MANY, "max", multi.max())));
            return state;
        }
        clearButtons(state, out);
        return ask(state, multi, ticked, List.of(), true, out);
    }

    /** @param pressed whether the option's button was pressed, rather than the option typed */
    Conversation pick(Conversation state, ChoiceNode choice, Option option, boolean pressed, Instant now, List<Output> out) {
        String label = new Renderer(flow, state).label(option);
        return answer(state, choice, Answer.of(choice.variable(), choice.id(), option.id(), label), choice.nextAfter(option).orElseThrow(),
                Optional.of(label), pressed, now, out);
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
        out.add(new Output.Edit(state.step(), multi.id(), new Renderer(flow, toggled).keyboard(multi, ticked)));
        return toggled;
    }

    Conversation done(Conversation state, MultiSelectNode multi, boolean pressed, Instant now, List<Output> out) {
        Renderer text = new Renderer(flow, state);
        if (state.ticked().size() < multi.min()) {
            out.add(new Output.Notice(text.phrase(BotText.TOO_FEW, "min", multi.min())));
            return state;
        }
        List<Option> ticked = multi.options().stream().filter(o -> state.ticked().contains(o.id())).toList();
        String label = text.joined(ticked.stream().map(text::label).toList());
        Answer answer = new Answer(multi.variable(), multi.id(), ticked.stream().map(Option::id).toList(), label);
        return answer(state, multi, answer, multi.next(), Optional.of(label.isEmpty() ? "—" : label), pressed, now, out);
    }

    Conversation accept(Conversation state, InputNode input, String value, String label, Instant now, List<Output> out) {
        if (input.kind() == InputKind.PHONE) {
            out.add(new Output.Say(new Renderer(flow, state).phrase(BotText.PHONE_SAVED, "phone", label), new Keyboard.RemoveRequest()));
        }
        return answer(state, input, Answer.of(input.variable(), input.id(), value, label), input.next(), Optional.empty(), false, now,
                out);
    }

    /**
     * Once per question, tells a prospect who sent a sticker or a file what the question needs;
     * a button question is shown again below it.
     */
    Conversation nudge(Conversation state, List<Output> out) {
        if (state.nudgedAt() == state.step()) {
            return state;
        }
        Renderer text = new Renderer(flow, state);
        Node node = flow.node(state.node()).orElseThrow();
        if (state.status() == Conversation.Status.COMPLETED) {
            out.add(new Output.Say(text.phrase(BotText.ALREADY_DONE), Keyboard.none()));
        } else if (state.status() == Conversation.Status.ASKING && node instanceof InputNode input) {
            out.add(new Output.Say(new AnswerParser(flow, text).reask(input), Keyboard.none()));
        } else {
            return repeat(state, out);
        }
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
        out.add(new Output.Notice(text, atPhone ? new Keyboard.RemoveRequest() : Keyboard.none()));
    }

    /**
     * The prospect went silent: past the flow's partial-lead point, with consent given, and with no
     * partial lead made of this conversation yet, the answers so far become the partial lead, and the
     * conversation remembers it. The prospect is told nothing; they may still come back and finish.
     */
    Conversation abandoned(Conversation state, Instant now, List<Output> out) {
        if (!state.owesPartialLead(flow)) {
            return state;
        }
        Lead lead = leads.partial(state, now);
        out.add(new Output.Partial(lead));
        return state.withPartialLead(Optional.of(lead.id()));
    }

    /** Takes the buttons off the current question, so an abandoned question cannot be answered. */
    void clearButtons(Conversation state, List<Output> out) {
        Optional<Node> node = flow.node(state.node());
        if (state.status() != Conversation.Status.COMPLETED && node.isPresent() && new Renderer(flow, state).showsButtons(node.get())) {
            out.add(new Output.Edit(state.step(), state.node(), Keyboard.none()));
        }
    }

    private Conversation answer(Conversation state, Node node, Answer answer, Next next, Optional<String> shown, boolean pressed,
            Instant now, List<Output> out) {
        Renderer text = new Renderer(flow, state);
        Optional<Output.Answered> answered = shown.map(label -> new Output.Answered(state.step(), node.id(), text.question(node), label,
                Optional.empty()));
        if (answered.isEmpty() && text.showsButtons(node)) {
            out.add(new Output.Edit(state.step(), node.id(), Keyboard.none()));
        }
        // Pressed on the newest message (nothing was said below it at this step), the question is the
        // last thing in the chat, so closing words can join it; otherwise the answer is shown at once.
        boolean newest = pressed && state.nudgedAt() != state.step();
        if (answered.isPresent() && !newest) {
            out.add(answered.get());
            answered = Optional.empty();
        }
        Conversation given = state.answered(answer);
        return walk(given, target(next, given), now, answered, out);
    }

    /**
     * Walks from {@code id} through messages to the next question, which they lead, or to an end,
     * whose words they lead; {@code answered} is the question just answered, still to be shown,
     * which an end's words may join.
     */
    private Conversation walk(Conversation state, String id, Instant now, Optional<Output.Answered> answered, List<Output> out) {
        List<String> path = new ArrayList<>(state.path());
        List<String> messages = new ArrayList<>();
        for (int hops = 0; hops <= flow.nodes().size(); hops++) {
            String current = id;
            Node node = flow.node(current).orElseThrow(() -> new IllegalStateException("flow " + flow.id() + " has no node " + current));
            path.add(id);
            if (node instanceof MessageNode message) {
                messages.add(id);
                id = target(message.next(), state);
            } else if (answeredAhead(node, state, path)) {
                id = target(((InputNode) node).next(), state);
            } else if (node instanceof EndNode end) {
                Conversation done = state.at(id, state.step(), path, List.of(), Conversation.Status.COMPLETED);
                Renderer text = new Renderer(flow, done);
                List<String> words = new ArrayList<>(rendered(text, messages));
                words.add(text.render(end.text()));
                Optional<Output.Answered> joined = answered.map(a -> a.followedBy(String.join(BETWEEN, words)))
                        .filter(a -> a.text().length() <= MESSAGE_LIMIT);
                if (joined.isPresent()) {
                    out.add(joined.get());
                } else {
                    answered.ifPresent(out::add);
                    say(words, out);
                }
                boolean declined = done.consent(flow).filter(c -> c == Consent.DECLINED).isPresent();
                out.add(declined ? new Output.Declined(flow.id(), id) : new Output.Completed(leads.assemble(done, now)));
                return done;
            } else {
                answered.ifPresent(out::add);
                path.remove(path.size() - 1);
                Conversation walked = state.at(state.node(), state.step(), path, List.of(), state.status());
                List<String> preface = messages;
                if (new Renderer(flow, walked.prefacedBy(messages)).question(node).length() + ANSWER_ROOM > MESSAGE_LIMIT) {
                    say(rendered(new Renderer(flow, walked), messages), out);
                    preface = List.of();
                }
                return ask(walked, node, List.of(), preface, false, out);
            }
        }
        throw new IllegalStateException("flow " + flow.id() + " passes " + flow.nodes().size() + " messages without a question");
    }

    /** Whether {@code node} is a phone question answered before it was reached (typed at the name question): it is passed by. */
    private static boolean answeredAhead(Node node, Conversation state, List<String> path) {
        return node instanceof InputNode input && input.kind() == InputKind.PHONE && !path.subList(0, path.size() - 1).contains(node.id())
                && state.latest(input.variable()).filter(answer -> answer.node().equals(node.id())).isPresent();
    }

    private List<String> rendered(Renderer text, List<String> messages) {
        return messages.stream().map(id -> text.render(((MessageNode) flow.node(id).orElseThrow()).text())).toList();
    }

    /** Says {@code texts} in as few messages as fit, in order. */
    private static void say(List<String> texts, List<Output> out) {
        String pending = "";
        for (String text : texts) {
            if (!pending.isEmpty() && pending.length() + BETWEEN.length() + text.length() > MESSAGE_LIMIT) {
                out.add(new Output.Say(pending, Keyboard.none()));
                pending = "";
            }
            pending = pending.isEmpty() ? text : pending + BETWEEN + text;
        }
        if (!pending.isEmpty()) {
            out.add(new Output.Say(pending, Keyboard.none()));
        }
    }

    private String target(Next next, Conversation state) {
        return next.target(state::values).orElseThrow(() -> new IllegalStateException("no route matches in flow " + flow.id()));
    }
}
