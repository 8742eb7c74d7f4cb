package dev.leadbot.funnel;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Prospect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One prospect's conversation on a test clock, recording the funnel's events as the adapters do:
 * the engine takes a step, {@link TransitionEvents} reads it, the events land in a shared list.
 */
final class FunnelChat {

    /** A small flow whose paths part at {@code role}; {@code name_given} is a typed answer. */
    static final String YAML = """
            language: en
            start: hello
            follow_ups:
              reminders:
                - {after: 15m, text: "Still there?"}
            nodes:
              hello:
                type: message
                text: Hi!
                next: role
              role:
                type: choice
                text: Who are you?
                options:
                  - {id: owner, label: Owner, next: size}
                  - {id: expert, label: Expert, next: name_given}
              size:
                type: choice
                text: How big?
                options:
                  - {id: small, label: Small}
                  - {id: large, label: Large}
                next: name_given
              name_given:
                type: input
                text: Your name?
                next: bye
              bye:
                type: end
                text: Thanks!
            """;

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final ConversationEngine engine;
    private final TransitionEvents funnel;
    private final long chat;
    private final List<FunnelEvent> recorded;
    private Optional<Conversation> state = Optional.empty();
    private Instant now;
    private List<FunnelEvent> last = List.of();
    private int step;
    private String node = "";
    private Keyboard buttons = Keyboard.none();

    FunnelChat(Flow flow, long chat, Instant start, List<FunnelEvent> recorded) {
        this.engine = new ConversationEngine(flow);
        this.funnel = new TransitionEvents(flow);
        this.chat = chat;
        this.now = start;
        this.recorded = recorded;
    }

    FunnelChat start(String payload) {
        return send(new Input.Start(Optional.of(payload)));
    }

    FunnelChat start() {
        return send(new Input.Start(Optional.empty()));
    }

    /** Picks the option with this id on the question shown last. */
    FunnelChat choose(String option) {
        return press(new Action.Pick(option));
    }

    FunnelChat press(Action action) {
        boolean shown = buttons instanceof Keyboard.Buttons inline
                && inline.rows().stream().flatMap(List::stream).anyMatch(b -> b.action().equals(action));
        if (!shown) {
            throw new AssertionError("no button " + action + " under the last question: " + buttons);
        }
        return send(new Input.Press(step, node, action));
    }

    FunnelChat type(String text) {
        return send(new Input.Typed(text));
    }

    /** The prospect is silent for this long. */
    FunnelChat after(Duration silence) {
        now = now.plus(silence);
        return this;
    }

    FunnelChat send(Input input) {
        Prospect prospect = new Prospect(chat, chat, Optional.empty(), "P" + chat, Optional.empty(), "en");
        Transition transition = engine.handle(state, prospect, input, now);
        last = funnel.of(chat, state, input, transition, now);
        recorded.addAll(last);
        state = Optional.of(transition.state());
        for (Output output : transition.outputs()) {
            if (output instanceof Output.Ask ask) {
                step = ask.step();
                node = ask.node();
                buttons = ask.keyboard();
            }
        }
        return this;
    }

    /** The events of the last input. */
    List<FunnelEvent> last() {
        return last;
    }

    /** The last input's events as "KIND node", compact to assert on. */
    List<String> lastKinds() {
        List<String> kinds = new ArrayList<>();
        last.forEach(e -> kinds.add(e.kind() + " " + e.node()));
        return kinds;
    }

    Instant now() {
        return now;
    }
}
