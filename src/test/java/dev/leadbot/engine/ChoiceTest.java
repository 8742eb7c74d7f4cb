package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.leadbot.lead.Prospect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChoiceTest {

    @Test
    void startShowsTheMessagesAndTheFirstQuestionInOneMessageWithItsButtons() {
        ScriptedChat chat = MiniFlow.chat().start();

        assertEquals(List.of("Hi Anna!\n\nWhich color?"), chat.texts());
        assertEquals(List.of("Red", "Синий"), chat.buttonLabels());
        assertEquals(1, chat.step());
        assertEquals("color", chat.state().node());
    }

    @Test
    void pickingAnOptionEditsTheQuestionToShowTheAnswerWithoutButtons() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        assertEquals(new Output.Answered(1, "color", "Hi Anna!\n\nWhich color?", "Red", Optional.empty()), chat.outputs().get(0));
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
    void everyQuestionAfterTheFirstOffersAWayBack() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        assertEquals(List.of("▫️ Apple", "▫️ Banana", "▫️ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());
    }

    static Prospect withLanguage(String code) {
        Prospect anna = ScriptedChat.ANNA;
        return new Prospect(anna.chatId(), anna.userId(), anna.username(), anna.firstName(), anna.lastName(), code);
    }
}
