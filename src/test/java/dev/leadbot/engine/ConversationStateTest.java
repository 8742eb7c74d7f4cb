package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.lead.Lead;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationStateTest {

    /** What a store does: keep the components, build the value again later. */
    private static Conversation restored(Conversation saved) {
        return new Conversation(saved.prospect(), saved.source(), saved.startedAt(), saved.node(), saved.step(), saved.answers(),
                saved.path(), saved.ticked(), saved.preface(), saved.status(), saved.nudgedAt());
    }

    @Test
    void aConversationRestoredFromItsComponentsAtEveryStepEndsInTheSameLead() {
        ScriptedChat uninterrupted = Walks.finishMiniFlow(MiniFlow.chat());

        Conversation state = MiniFlow.chat().start("vk_ads").state();
        ConversationEngine engine = new ConversationEngine(MiniFlow.FLOW);
        Instant now = ScriptedChat.T0.plusSeconds(5);
        Lead lead = null;
        for (Input input : new Input[] {
                new Input.Press(1, "color", new Action.Pick("red")),
                new Input.Press(2, "extras", new Action.Toggle("apple")),
                new Input.Press(2, "extras", new Action.Toggle("banana")),
                new Input.Press(2, "extras", new Action.Done()),
                new Input.Press(3, "consent", new Action.Pick("agree")),
                new Input.Typed("Anna"), new Input.Typed("+7 916 123 45 67"), new Input.Typed("anna@example.com"), new Input.Typed("30")}) {
            Conversation saved = restored(state);
            assertEquals(state, saved);
            Transition transition = engine.handle(Optional.of(saved), ScriptedChat.ANNA, input, now);
            state = transition.state();
            now = now.plusSeconds(5);
            for (Output output : transition.outputs()) {
                if (output instanceof Output.Completed completed) {
                    lead = completed.lead();
                }
            }
        }

        assertEquals(uninterrupted.lead().orElseThrow(), lead);
        assertEquals(uninterrupted.state(), state);
    }
}
