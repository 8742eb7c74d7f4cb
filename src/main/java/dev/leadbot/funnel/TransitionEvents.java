package dev.leadbot.funnel;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the funnel's events off one engine transition: what the conversation was, what the
 * prospect did, and what it became. Pure, like the engine: the adapters pass the time in and
 * store the events with the step they describe. A forgotten conversation leaves no events.
 */
public final class TransitionEvents {

    private final Flow flow;
    private final String version;
    private final Fork fork;

    public TransitionEvents(Flow flow) {
        this.flow = flow;
        this.version = FlowVersion.of(flow);
        this.fork = new Fork(flow);
    }

    /** The flow version every event of this flow carries. */
    public String version() {
        return version;
    }

    /**
     * The events of one step, in the order they happened.
     *
     * @param before the chat's conversation before the input, empty if it had none
     */
    public List<FunnelEvent> of(long chatId, Optional<Conversation> before, Input input, Transition transition, Instant now) {
        Conversation after = transition.state();
        List<Output> outputs = transition.outputs();
        List<FunnelEvent> events = new ArrayList<>();
        if (outputs.contains(new Output.Forgotten())) {
            return events;
        }
        Event event = new Event(chatId, after, now);
        boolean fresh = before.isEmpty() || flow.node(before.get().node()).isEmpty();
        if (fresh) {
            // Only /forget as a very first message begins nothing: it asks before anything is shown.
            if (after.status() != Conversation.Status.FORGETTING) {
                events.add(event.at(FunnelEvent.Kind.STARTED, after.step(), flow.start().id()));
            }
        } else {
            Conversation old = before.get();
            Optional<Action> pressed = input instanceof Input.Press press && press.step() == old.step() && press.node().equals(old.node())
                    ? Optional.of(press.action()) : Optional.empty();
            boolean resuming = old.status() == Conversation.Status.RESUMING;
            if (input instanceof Input.Restart || resuming && pressed.filter(Action.StartOver.class::isInstance).isPresent()) {
                events.add(event.at(FunnelEvent.Kind.RESTARTED, old.step(), old.node()));
            } else if (input instanceof Input.Start && (old.status() == Conversation.Status.COMPLETED || old.answers().isEmpty())
                    || old.status() == Conversation.Status.FORGETTING && old.path().isEmpty()
                    && pressed.filter(Action.KeepData.class::isInstance).isPresent()) {
                events.add(event.at(FunnelEvent.Kind.STARTED, after.step(), flow.start().id()));
            } else if (resuming && pressed.filter(Action.Resume.class::isInstance).isPresent()) {
                events.add(event.at(FunnelEvent.Kind.RESUMED, after.step(), after.node()));
            } else if (input instanceof Input.FollowUpDue) {
                if (after.step() != old.step()) {
                    events.add(event.at(FunnelEvent.Kind.FOLLOWED_UP, after.step(), after.node()));
                }
            } else if (input instanceof Input.Abandoned) {
                if (after.abandoned() && !old.abandoned()) {
                    events.add(event.at(FunnelEvent.Kind.ABANDONED, old.step(), old.node()));
                }
            } else if (after.answers().size() == old.answers().size() + 1) {
                Answer answer = after.answers().get(after.answers().size() - 1);
                events.add(new FunnelEvent(FunnelEvent.Kind.ANSWERED, chatId, now, flow.id(), version, after.startedAt(), old.step(),
                        answer.node(), options(answer), fork.path(after), after.source()));
            } else if (after.answers().size() < old.answers().size()) {
                events.add(event.at(FunnelEvent.Kind.BACK, old.step(), after.node()));
            }
        }
        if (after.status() == Conversation.Status.ASKING && outputs.stream()
                .anyMatch(o -> o instanceof Output.Ask ask && ask.step() == after.step() && ask.node().equals(after.node())
                        && !ask.repeated())) {
            events.add(event.at(FunnelEvent.Kind.SHOWN, after.step(), after.node()));
        }
        if (outputs.stream().anyMatch(Output.Completed.class::isInstance)) {
            events.add(event.at(FunnelEvent.Kind.COMPLETED, after.step(), after.node()));
        }
        return events;
    }

    /** Option ids of a choice or a checklist; never what a prospect typed, which may be a name or a phone. */
    private Optional<String> options(Answer answer) {
        boolean picked = flow.node(answer.node()).filter(node -> !node.options().isEmpty()).isPresent();
        return picked ? Optional.of(String.join("+", answer.values())) : Optional.empty();
    }

    /** The fields every event of one step shares. */
    private final class Event {
        private final long chatId;
        private final Conversation after;
        private final Instant now;

        private Event(long chatId, Conversation after, Instant now) {
            this.chatId = chatId;
            this.after = after;
            this.now = now;
        }

        FunnelEvent at(FunnelEvent.Kind kind, int step, String node) {
            return new FunnelEvent(kind, chatId, now, flow.id(), version, after.startedAt(), step, node, Optional.empty(), fork.path(after),
                    after.source());
        }
    }
}
