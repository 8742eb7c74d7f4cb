package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaleButtonTest {

    private static final List<Output> STALE = List.of(new Output.Notice("Эта кнопка уже не действует — ответьте на последний вопрос 👇"));

    private static void assertIgnored(ScriptedChat chat, Input press) {
        Conversation before = chat.state();

        chat.send(press);

        assertEquals(STALE, chat.outputs());
        assertEquals(before, chat.state());
    }

    @Test
    void aButtonFromAnOlderStepIsAnsweredWithANoticeAndChangesNothing() {
        ScriptedChat chat = MiniFlow.chat().start();
        int oldStep = chat.step();
        chat.press("Red");

        assertIgnored(chat, new Input.Press(oldStep, "color", new Action.Pick("blue")));
    }

    @Test
    void aButtonNamingAnotherNodeIsIgnored() {
        ScriptedChat chat = MiniFlow.chat().start();

        assertIgnored(chat, new Input.Press(chat.step(), "extras", new Action.Toggle("apple")));
    }

    @Test
    void anUnknownOptionIsIgnored() {
        ScriptedChat chat = MiniFlow.chat().start();

        assertIgnored(chat, new Input.Press(chat.step(), "color", new Action.Pick("green")));
    }

    @Test
    void aPickOnAChecklistOrATickOnAChoiceIsIgnored() {
        ScriptedChat chat = MiniFlow.chat().start();
        assertIgnored(chat, new Input.Press(chat.step(), "color", new Action.Toggle("red")));

        chat.press("Red");
        assertIgnored(chat, new Input.Press(chat.step(), "extras", new Action.Pick("apple")));
        assertIgnored(chat, new Input.Press(chat.step(), "extras", new Action.Toggle("durian")));
    }

    @Test
    void resumeButtonsOutsideTheResumePromptAreIgnored() {
        ScriptedChat chat = MiniFlow.chat().start();

        assertIgnored(chat, new Input.Press(chat.step(), "color", new Action.Resume()));
    }

    @Test
    void anyButtonAfterTheEndIsIgnored() {
        ScriptedChat chat = Walks.finishMiniFlow(MiniFlow.chat());

        assertIgnored(chat, new Input.Press(chat.state().step(), chat.state().node(), new Action.GoBack()));
    }

    @Test
    void aButtonPressedWhenNoConversationIsLeftIsSaidToBeStaleAndTheBotBeginsAnew() {
        ScriptedChat chat = MiniFlow.chat();

        chat.send(new Input.Press(3, "greeting", new Action.ConfirmForget()));

        assertEquals(STALE.get(0), chat.outputs().get(0));
        assertEquals(true, chat.outputs().stream().anyMatch(Output.Ask.class::isInstance), "and the flow begins: " + chat.outputs());
    }
}
