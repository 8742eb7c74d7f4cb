package dev.leadbot.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Input;
import dev.leadbot.flow.Flow;
import dev.leadbot.testing.Flows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionEventsTest {

    private static final Flow FLOW = Flows.parse(FunnelChat.YAML);

    private final List<FunnelEvent> all = new ArrayList<>();

    private FunnelChat chat() {
        return new FunnelChat(FLOW, 7, FunnelChat.T0, all);
    }

    @Test
    void aStartRecordsTheSourceAndTheFirstQuestionShown() {
        FunnelChat chat = chat().start("vk_ads");
        assertEquals(List.of("STARTED hello", "SHOWN role"), chat.lastKinds());
        FunnelEvent shown = chat.last().get(1);
        assertEquals(new FunnelEvent(FunnelEvent.Kind.SHOWN, 7, FunnelChat.T0, "test", FlowVersion.of(FLOW), FunnelChat.T0, 1, "role",
                Optional.empty(), Optional.empty(), Optional.of("vk_ads")), shown);
    }

    @Test
    void anAnswerRecordsTheOptionPickedAtTheStepOfItsQuestionAndThePathItChose() {
        FunnelChat chat = chat().start().after(Duration.ofSeconds(12)).choose("owner");
        assertEquals(List.of("ANSWERED role", "SHOWN size"), chat.lastKinds());
        FunnelEvent answered = chat.last().get(0);
        assertEquals(1, answered.step());
        assertEquals(Optional.of("owner"), answered.answer());
        assertEquals(Optional.of("owner"), answered.path());
        assertEquals(2, chat.last().get(1).step());
    }

    @Test
    void aTypedAnswerIsCountedWithoutItsText() {
        FunnelChat chat = chat().start().choose("expert").type("Anna Kim");
        assertEquals(List.of("ANSWERED name_given", "COMPLETED bye"), chat.lastKinds());
        assertEquals(Optional.empty(), chat.last().get(0).answer());
        assertEquals(Optional.of("expert"), chat.last().get(1).path());
    }

    @Test
    void backRestartAndResumeAreRecordedAndEachShowsItsQuestionAgain() {
        FunnelChat chat = chat().start().choose("owner");
        assertEquals(List.of("BACK role", "SHOWN role"), chat.send(new Input.Back()).lastKinds());
        chat.choose("owner");
        assertEquals(List.of(), chat.start().lastKinds(), "a second /start only asks whether to continue");
        assertEquals(List.of("RESUMED size", "SHOWN size"), chat.press(new Action.Resume()).lastKinds());
        assertEquals(List.of("RESTARTED size", "SHOWN role"), chat.send(new Input.Restart()).lastKinds());
        chat.choose("owner").start();
        assertEquals(List.of("RESTARTED size", "SHOWN role"), chat.press(new Action.StartOver()).lastKinds());
    }

    @Test
    void aRestartBeginsANewRunAndAStartAfterALeadBeginsAnother() {
        FunnelChat chat = chat().start().after(Duration.ofMinutes(1)).send(new Input.Restart());
        FunnelEvent restarted = chat.last().get(0);
        assertEquals(chat.now(), restarted.startedAt());
        chat.choose("expert").type("Bo");
        assertEquals(List.of("STARTED hello", "SHOWN role"), chat.after(Duration.ofDays(1)).start().lastKinds());
        assertNotEquals(restarted.startedAt(), chat.last().get(0).startedAt());
    }

    @Test
    void staleButtonsStickersAndUnknownCommandsAreNoSteps() {
        FunnelChat chat = chat().start().choose("owner");
        assertEquals(List.of(), chat.send(new Input.Press(1, "role", new Action.Pick("expert"))).lastKinds());
        assertEquals(List.of(), chat.send(new Input.Unsupported()).lastKinds());
        assertEquals(List.of(), chat.send(new Input.UnknownCommand("/help")).lastKinds());
    }

    @Test
    void forgettingRecordsNothingAndAForgetAsFirstMessageBeginsNothingUntilDeclined() {
        FunnelChat chat = chat().send(new Input.Forget());
        assertEquals(List.of(), chat.lastKinds());
        assertEquals(List.of("STARTED hello", "SHOWN role"), chat.press(new Action.KeepData()).lastKinds());
        chat.choose("owner").send(new Input.Forget());
        assertEquals(List.of(), chat.press(new Action.ConfirmForget()).lastKinds());
    }

    @Test
    void theVersionFollowsWhatProspectsMeetNotHowTheFileIsLaidOut() {
        Flow reordered = Flows.parse(FunnelChat.YAML.replace("language: en\nstart: hello", "start: hello\nlanguage: en")
                + "# a comment\n");
        Flow reworded = Flows.parse(FunnelChat.YAML.replace("How big?", "How large is your team?"));
        assertEquals(FlowVersion.of(FLOW), FlowVersion.of(reordered));
        assertNotEquals(FlowVersion.of(FLOW), FlowVersion.of(reworded));
        assertEquals(8, FlowVersion.of(FLOW).length());
    }

    @Test
    void aReminderAndAnAbandonmentAreRecordedAtTheQuestionAndAreNoAnswerNorAQuestionShown() {
        FunnelChat chat = chat().start().choose("owner");
        assertEquals(List.of("FOLLOWED_UP size"), chat.send(new Input.FollowUpDue(1)).lastKinds());
        assertEquals(List.of(), chat.send(new Input.FollowUpDue(2)).lastKinds(), "the flow has one reminder");
        assertEquals(List.of("ABANDONED size"), chat.send(new Input.Abandoned()).lastKinds());
        assertEquals(List.of(), chat.send(new Input.Abandoned()).lastKinds(), "abandoned once");
    }
}
