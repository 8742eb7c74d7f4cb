package dev.leadbot.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Prospect;
import dev.leadbot.testing.Flows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The follow-ups' schedule and the partial-lead point of the customer's flow together: a conversation is abandoned
 * once per run, but a prospect abandoned before the point who comes back past it and goes silent again is abandoned
 * once more, for the partial lead, and never after it.
 */
class PartialLeadScheduleTest {

    private static final Flow FLOW = Flows.qualification();
    private static final Prospect ANNA = new Prospect(42, 4242, Optional.empty(), "Anna", Optional.empty(), "ru");
    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");

    private final ConversationEngine engine = new ConversationEngine(FLOW);
    private final FollowUpSchedule schedule = new FollowUpSchedule(FLOW, ZoneOffset.UTC);
    private final List<Output.Partial> partials = new ArrayList<>();
    private Conversation state;
    private Instant now = T0;

    private void send(Input input) {
        Transition transition = engine.handle(Optional.ofNullable(state), ANNA, input, now);
        state = transition.state();
        transition.outputs().stream().filter(Output.Partial.class::isInstance).map(Output.Partial.class::cast).forEach(partials::add);
    }

    private void choose(String... options) {
        for (String option : options) {
            send(new Input.Press(state.step(), state.node(), new Action.Pick(option)));
        }
    }

    /** Fires the timers as the service does, from a silence beginning now, for a month; how many abandonments came. */
    private int silentForAMonth() {
        int abandonments = 0;
        Silence silence = Silence.from(now);
        Instant end = now.plus(Duration.ofDays(30));
        Optional<Due> due = schedule.next(state, silence);
        while (due.isPresent() && !due.get().at().isAfter(end)) {
            now = due.get().at();
            Firing firing = schedule.fire(state, new FollowUpTimer(42, due.get(), silence), now);
            if (firing.input().isPresent()) {
                abandonments += firing.input().get() instanceof Input.Abandoned ? 1 : 0;
                send(firing.input().get());
            }
            silence = firing.silence();
            due = schedule.next(state, silence);
        }
        return abandonments;
    }

    @Test
    void aProspectAbandonedBeforeThePointWhoComesBackPastItAndGoesSilentAgainIsOnePartialLead() {
        send(new Input.Start(Optional.empty()));
        choose("owner", "goods", "orders", "agree");
        assertEquals(1, silentForAMonth(), "abandoned at the name question");
        assertEquals(List.of(), partials);

        send(new Input.Typed("Пётр"));
        assertEquals(1, silentForAMonth(), "abandoned once more: now past the point");
        assertEquals(1, partials.size());
        assertTrue(state.abandoned());

        send(new Input.Back());
        send(new Input.Typed("Пётр Иванов"));
        assertEquals(0, silentForAMonth(), "its partial lead is made: never abandoned again");
        assertEquals(1, partials.size());
    }

    @Test
    void aProspectNeverPastThePointIsAbandonedOnceOnly() {
        send(new Input.Start(Optional.empty()));
        choose("owner", "goods");
        assertEquals(1, silentForAMonth());
        choose("orders");
        assertEquals(0, silentForAMonth());
        assertEquals(List.of(), partials);
    }
}
