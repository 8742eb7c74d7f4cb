package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.leadbot.lead.Prospect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChoiceTest {

    @Test
    void startShowsTheMessagesThenTheFirstQuestionWithItsButtons() {
        ScriptedChat chat = MiniFlow.chat().start();

        assertEquals(List.of("Hi Anna!", "Which color?"), chat.texts());
        assertEquals(List.of("Red", "Синий"), chat.buttonLabels());
        assertEquals(1, chat.step());
        assertEquals("color", chat.state().node());
    }

    @Test
    void pickingAnOptionEditsTheQuestionToShowTheAnswerWithoutButtons() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        Output.Edit edit = assertInstanceOf(Output.Edit.class, chat.outputs().get(0));
        assertEquals(new Output.Edit(1, "color", Optional.of("Which color?\n\n✔️ Red"), Keyboard.none()), edit);
        assertEquals("Extras for Red?", chat.texts().get(1));
    }

    @Test
    void anOptionWithoutItsOwnNextFollowsTheNodesNext() {
        ScriptedChat chat = MiniFlow.chat().start().press("Синий");

        assertEquals("extras", chat.state().node());
    }

    @Test
    void optionLabelsFollowTheProspectsLanguageAndFallBackToTheFlowLanguage() {
        ScriptedChat russian = MiniFlow.chat().start();
        ScriptedChat german = new ScriptedChat(MiniFlow.FLOW, withLanguage("de")).start();

        assertEquals(List.of("Red", "Синий"), russian.buttonLabels());
        assertEquals(List.of("Red", "Blue"), german.buttonLabels());
    }

    @Test
    void typingWhereButtonsAreExpectedAsksToUseTheButtonsAndChangesNothing() {
        ScriptedChat chat = MiniFlow.chat().start();
        Conversation before = chat.state();

        chat.type("red please");

        assertEquals(List.of("Use the buttons, please."), chat.texts());
        assertEquals(before, chat.state());
    }

    @Test
    void everyQuestionAfterTheFirstOffersAWayBack() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        assertEquals(List.of("▫️ Apple", "▫️ Banana", "▫️ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());
    }

    static Prospect withLanguage(String code) {
        Prospect anna = ScriptedChat.ANNA;
        return new Prospect(anna.chatId(), anna.userId(), anna.username(), anna.firstName(), anna.lastName(), code);
    }
}
