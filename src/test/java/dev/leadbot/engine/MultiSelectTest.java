package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.leadbot.lead.Answer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultiSelectTest {

    private static ScriptedChat atChecklist() {
        return MiniFlow.chat().start().press("Red");
    }

    @Test
    void tickingAndUntickingEditsOnlyTheChecklistMarks() {
        ScriptedChat chat = atChecklist().press("Banana");

        assertInstanceOf(Output.Edit.class, chat.outputs().get(0));
        assertEquals(List.of("▫️ Apple", "✅ Banana", "▫️ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());

        chat.press("Banana");

        assertEquals(List.of("▫️ Apple", "▫️ Banana", "▫️ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());
        assertEquals(List.of(), chat.state().ticked());
    }

    @Test
    void multiSelectDoneWithNothingTickedAsksAgain() {
        ScriptedChat chat = atChecklist();
        Conversation before = chat.state();

        chat.press("Done");

        assertEquals(List.of(new Output.Notice("Отметьте хотя бы 1 вариант.")), chat.outputs());
        assertEquals(before, chat.state());
    }

    @Test
    void tickingMoreThanMaxIsRefusedWithANoticeAndKeepsTheTicks() {
        ScriptedChat chat = atChecklist().press("Apple", "Cherry");

        chat.press("Banana");

        assertEquals(List.of(new Output.Notice("Можно отметить не больше 2 вариантов.")), chat.outputs());
        assertEquals(List.of("apple", "cherry"), chat.state().ticked());
    }

    @Test
    void doneSavesTheTickedIdsInOptionOrderWithTheirLabelsJoinedNaturally() {
        ScriptedChat chat = atChecklist().press("Cherry", "Apple", "Done");

        assertEquals(new Answer("extras", "extras", List.of("apple", "cherry"), "Apple и Cherry"),
                chat.state().latest("extras").orElseThrow());
        assertEquals("Extras for Red?\n\n✔️ Apple и Cherry", assertInstanceOf(Output.Answered.class, chat.outputs().get(0)).text());
    }

    @Test
    void threeTickedLabelsAreJoinedWithCommasAndAnd() {
        ScriptedChat chat = new ScriptedChat(MiniFlow.FLOW, ChoiceTest.withLanguage("en")).start().press("Red");
        ScriptedChat wide = new ScriptedChat(dev.leadbot.testing.Flows.parse(MiniFlow.YAML.replace("max: 2", "max: 3")),
                ChoiceTest.withLanguage("en")).start().press("Red").press("Apple", "Banana", "Cherry", "Done");

        assertEquals("Apple, Banana and Cherry", wide.state().latest("extras").orElseThrow().label());
        assertEquals("extras", chat.state().node());
    }
}
