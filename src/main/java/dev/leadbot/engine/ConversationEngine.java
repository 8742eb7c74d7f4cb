package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.ChoiceNode;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.InputKind;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.MultiSelectNode;
import dev.leadbot.flow.Node;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Prospect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a flow for one chat at a time: a pure function from the saved conversation and one
 * input to the next conversation and what to show. No I/O and no clock: time is passed in.
 */
public final class ConversationEngine {

    private final Flow flow;
    private final Steps steps;

    public ConversationEngine(Flow flow) {
        this.flow = flow;
        this.steps = new Steps(flow);
    }

    public Flow flow() {
        return flow;
    }

    /**
     * Handles one input.
     *
     * @param saved    the chat's conversation, empty if it has none yet (a follow-up needs one: the schedule
     *                 gives none to a chat without a conversation)
     * @param prospect who sent the input, as the messenger describes them now
     */
    public Transition handle(Optional<Conversation> saved, Prospect prospect, Input input, Instant now) {
        List<Output> out = new ArrayList<>();
        if (input instanceof Input.FollowUpDue due) {
            // A reminder needs a conversation at a question; without one there is nothing to remind of.
            return saved.map(s -> new Transition(steps.remind(s.with(prospect), due.attempt(), out), out))
                    .orElseGet(() -> new Transition(steps.blank(prospect, now, 0), out));
        }
        if (input instanceof Input.Abandoned) {
            // Silence answers nothing: no conversation, nothing to abandon (the blank one returned is not worth storing).
            // Abandoned once per run; past the partial-lead point it also makes the one partial lead.
            return saved.map(s -> new Transition(steps.abandon(steps.abandoned(s.with(prospect), now, out)), out))
                    .orElseGet(() -> new Transition(steps.blank(prospect, now, 0), out));
        }
        Optional<String> payload = input instanceof Input.Start start ? start.payload() : Optional.empty();
        if (saved.isEmpty() && input instanceof Input.Forget) {
            return new Transition(steps.askForget(steps.blank(prospect, now, 0), out), out);
        }
        if (saved.isEmpty()) {
            // A button of a conversation that is gone (after /forget, say) is pressed: it is said so, and the bot begins anew.
            if (input instanceof Input.Press) {
                out.add(new Output.Notice(new Renderer(flow, steps.blank(prospect, now, 0)).phrase(BotText.STALE_BUTTON)));
            }
            return new Transition(steps.begin(prospect, payload, now, 0, out), out);
        }
        Conversation state = saved.get().with(prospect);
        if (flow.node(state.node()).isEmpty()) {
            out.add(new Output.Notice(new Renderer(flow, state).phrase(BotText.FLOW_CHANGED)));
            return new Transition(steps.begin(prospect, payload.or(state::source), now, state.step(), out)
                    .withPartialLead(state.partialLeadForNextRun()), out);
        }
        Conversation next;
        if (input instanceof Input.Start) {
            next = start(state, payload, now, out);
        } else if (input instanceof Input.Restart) {
            next = steps.restart(state, now, out);
        } else if (input instanceof Input.Back) {
            next = steps.back(state, out);
        } else if (input instanceof Input.Forget) {
            next = steps.askForget(state, out);
        } else if (input instanceof Input.Press press) {
            next = press(state, press, true, now, out);
        } else if (input instanceof Input.Typed typed) {
            next = typed(state, typed.text(), now, out);
        } else if (input instanceof Input.SharedContact contact) {
            next = contact(state, contact, now, out);
        } else if (input instanceof Input.UnknownCommand) {
            out.add(new Output.Say(new Renderer(flow, state).phrase(BotText.UNKNOWN_COMMAND), Keyboard.none()));
            next = state;
        } else {
            next = steps.nudge(state, out);
        }
        return new Transition(next, out);
    }

    /** A second /start mid-flow asks whether to continue; after an end it begins a new lead. */
    private Conversation start(Conversation state, Optional<String> payload, Instant now, List<Output> out) {
        if (state.status() == Conversation.Status.COMPLETED || state.answers().isEmpty()) {
            steps.clearButtons(state, out);
            return steps.begin(state.prospect(), payload.or(state::source), now, state.step(), out);
        }
        return steps.askResume(state, out);
    }

    /** @param pressed whether a button was pressed, rather than its option typed */
    private Conversation press(Conversation state, Input.Press press, boolean pressed, Instant now, List<Output> out) {
        Node node = flow.node(state.node()).orElseThrow();
        Action action = press.action();
        boolean current = press.step() == state.step() && press.node().equals(state.node())
                && state.status() != Conversation.Status.COMPLETED;
        if (current && state.status() == Conversation.Status.RESUMING) {
            if (action instanceof Action.Resume) {
                out.add(new Output.Edit(state.step(), state.node(), Keyboard.none()));
                return steps.ask(state, node, state.ticked(), out);
            }
            if (action instanceof Action.StartOver) {
                return steps.restart(state, now, out);
            }
        } else if (current && state.status() == Conversation.Status.FORGETTING) {
            if (action instanceof Action.ConfirmForget) {
                return steps.forget(state, now, out);
            }
            if (action instanceof Action.KeepData) {
                return steps.keep(state, node, now, out);
            }
        } else if (current && action instanceof Action.GoBack) {
            return steps.back(state, out);
        } else if (current && node instanceof ChoiceNode choice && action instanceof Action.Pick pick) {
            Optional<Conversation> picked = choice.option(pick.option()).map(option -> steps.pick(state, choice, option, pressed, now, out));
            if (picked.isPresent()) {
                return picked.get();
            }
        } else if (current && node instanceof MultiSelectNode multi && action instanceof Action.Toggle toggle
                && multi.option(toggle.option()).isPresent()) {
            return steps.toggle(state, multi, toggle.option(), out);
        } else if (current && node instanceof MultiSelectNode multi && action instanceof Action.Done) {
            return steps.done(state, multi, pressed, now, out);
        }
        out.add(new Output.Notice(new Renderer(flow, state).phrase(BotText.STALE_BUTTON)));
        return state;
    }

    private Conversation typed(Conversation state, String text, Instant now, List<Output> out) {
        Renderer renderer = new Renderer(flow, state);
        if (state.status() == Conversation.Status.COMPLETED) {
            out.add(new Output.Say(renderer.phrase(BotText.ALREADY_DONE), Keyboard.none()));
            return state;
        }
        if (state.status() == Conversation.Status.ASKING && flow.node(state.node()).orElseThrow() instanceof InputNode input) {
            AnswerParser.Parsed parsed = new AnswerParser(flow, renderer).parse(input, text);
            if (parsed instanceof AnswerParser.Parsed.Accepted accepted) {
                return steps.accept(state, input, accepted.value(), accepted.label(), now, out);
            }
            if (parsed instanceof AnswerParser.Parsed.PhoneAtName typedPhone) {
                return phoneAtName(state, typedPhone.phone(), renderer, out);
            }
            out.add(new Output.Say(((AnswerParser.Parsed.Rejected) parsed).message(), Keyboard.none()));
            return state;
        }
        Keyboard keyboard = steps.showing(state).keyboard();
        List<Action> named = keyboard instanceof Keyboard.Buttons buttons
                ? new TypedChoice(renderer.phrase(BotText.AND)).read(buttons, text) : List.of();
        if (named.size() == 1 && !(named.get(0) instanceof Action.Toggle)) {
            return press(state, new Input.Press(state.step(), state.node(), named.get(0)), false, now, out);
        }
        if (!named.isEmpty() && named.stream().allMatch(Action.Toggle.class::isInstance)
                && flow.node(state.node()).orElseThrow() instanceof MultiSelectNode multi) {
            return steps.toggleTyped(state, multi, named.stream().map(a -> ((Action.Toggle) a).option()).toList(), out);
        }
        return steps.unclear(state, out);
    }

    private Conversation contact(Conversation state, Input.SharedContact contact, Instant now, List<Output> out) {
        Optional<PhoneNumbers.Phone> phone = PhoneNumbers.shared(contact.phone());
        if (state.status() == Conversation.Status.ASKING && phone.isPresent()
                && flow.node(state.node()).orElseThrow() instanceof InputNode input && input.kind() == InputKind.PHONE) {
            String label = contact.own() ? phone.get().shown()
                    : phone.get().shown() + " (" + new Renderer(flow, state).phrase(BotText.OTHERS_CONTACT) + ")";
            return steps.accept(state, input, phone.get().e164(), label, now, out);
        }
        return steps.nudge(state, out);
    }

    /**
     * A phone number typed where the name was asked: the prospect meant it, so it is kept as the answer to the flow's phone
     * question (which is then passed by, not asked) and the name is asked again. A flow with no phone question, or whose
     * phone is known already, only asks for the name again.
     */
    private Conversation phoneAtName(Conversation state, PhoneNumbers.Phone phone, Renderer renderer, List<Output> out) {
        Optional<InputNode> phoneQuestion = flow.summary().phone().flatMap(variable -> flow.nodes().stream()
                .filter(node -> node instanceof InputNode input && input.kind() == InputKind.PHONE && input.variable().equals(variable))
                .map(InputNode.class::cast).findFirst());
        if (phoneQuestion.isEmpty() || state.latest(phoneQuestion.get().variable()).isPresent()) {
            out.add(new Output.Say(renderer.phrase(BotText.REASK_NAME), Keyboard.none()));
            return state;
        }
        out.add(new Output.Say(renderer.phrase(BotText.PHONE_AT_NAME, "phone", phone.shown()), Keyboard.none()));
        return state.answered(Answer.of(phoneQuestion.get().variable(), phoneQuestion.get().id(), phone.e164(), phone.shown()));
    }
}
