package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Prospect;
import dev.leadbot.testing.Flows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A due reminder and an abandonment as the engine takes them: pure, with the time passed in. */
class FollowUpInputTest {

    private static final Flow FLOW = Flows.parse("""
            language: en
            start: color
            follow_ups:
              reminders:
                - {after: 15m, text: {en: "Still there, {name}?", ru: "Вы здесь, {name}?"}}
                - {after: 1h, text: {en: "One tap and we go on.", ru: "Одно нажатие — и продолжим."}}
            nodes:
              color:
                type: choice
                text: {en: "Which color?", ru: "Какой цвет?"}
                options:
                  - {id: red, label: {en: Red, ru: Красный}, next: extras}
              extras:
                type: multi_select
                text: {en: "Extras?", ru: "Дополнения?"}
                options:
                  - {id: apple, label: {en: Apple, ru: Яблоко}}
                  - {id: pear, label: {en: Pear, ru: Груша}}
                next: bye
              bye: {type: end, text: {en: Bye, ru: Пока}}
            """);
    private static final Prospect ANNA = new Prospect(42, 4242, Optional.empty(), "Anna", Optional.empty(), "ru");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final ConversationEngine engine = new ConversationEngine(FLOW);

    private Transition handle(Conversation state, Input input) {
        return engine.handle(Optional.of(state), ANNA, input, T0);
    }

    private Conversation started() {
        return engine.handle(Optional.empty(), ANNA, new Input.Start(Optional.empty()), T0).state();
    }

    @Test
    void aReminderComesInTheProspectsLanguageWithTheQuestionAndItsButtonsUnderItInOneMessage() {
        Conversation asked = started();
        Transition reminded = handle(asked, new Input.FollowUpDue(1));
        assertEquals(List.of(new Output.Edit(1, "color", Keyboard.none()), new Output.Ask(2, "color", "Вы здесь, Anna?\n\nКакой цвет?", new Keyboard.Buttons(List.of(
                List.of(new Keyboard.Button("Красный", new Action.Pick("red"))))), true)), reminded.outputs());
        assertEquals(2, reminded.state().step());
        // One tap on the reminder's button continues.
        Transition tapped = handle(reminded.state(), new Input.Press(2, "color", new Action.Pick("red")));
        assertEquals("extras", tapped.state().node());
    }

    @Test
    void aReminderAtAChecklistKeepsItsTicksAndTakesTheButtonsOffTheEarlierCopy() {
        Conversation atExtras = handle(started(), new Input.Press(1, "color", new Action.Pick("red"))).state();
        Conversation ticked = handle(atExtras, new Input.Press(atExtras.step(), "extras", new Action.Toggle("pear"))).state();
        Transition reminded = handle(ticked, new Input.FollowUpDue(2));
        assertEquals(new Output.Edit(ticked.step(), "extras", Keyboard.none()), reminded.outputs().get(0));
        Output.Ask ask = (Output.Ask) reminded.outputs().get(1);
        assertEquals("Одно нажатие — и продолжим.\n\nДополнения?", ask.text());
        assertEquals("✅ Груша", ((Keyboard.Buttons) ask.keyboard()).rows().get(1).get(0).label());
        assertEquals(List.of("pear"), reminded.state().ticked());
    }

    @Test
    void noReminderAfterTheEndNorOneTheQuestionDoesNotHave() {
        Conversation asked = started();
        assertEquals(new Transition(asked, List.of()), handle(asked, new Input.FollowUpDue(3)));
        Conversation done = handle(handle(handle(asked, new Input.Press(1, "color", new Action.Pick("red"))).state(),
                new Input.Press(2, "extras", new Action.Toggle("apple"))).state(), new Input.Press(2, "extras", new Action.Done())).state();
        assertEquals(Conversation.Status.COMPLETED, done.status());
        assertEquals(new Transition(done, List.of()), handle(done, new Input.FollowUpDue(1)));
    }

    @Test
    void anAbandonedConversationIsMarkedOnceShowsNothingAndANewRunIsNotAbandoned() {
        Conversation asked = started();
        Transition abandoned = handle(asked, new Input.Abandoned());
        assertEquals(List.of(), abandoned.outputs());
        assertTrue(abandoned.state().abandoned());
        assertEquals(abandoned.state(), handle(abandoned.state(), new Input.Abandoned()).state());
        Conversation restarted = handle(abandoned.state(), new Input.Restart()).state();
        assertFalse(restarted.abandoned());
    }
}
