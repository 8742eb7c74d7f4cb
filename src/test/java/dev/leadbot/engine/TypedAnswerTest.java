package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.testing.Flows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message typed at a button question: understood as the option it names, or the question is shown again below it. */
class TypedAnswerTest {

    private static final Keyboard COLORS = new Keyboard.Buttons(List.of(
            List.of(new Keyboard.Button("Red", new Action.Pick("red"))),
            List.of(new Keyboard.Button("Синий", new Action.Pick("blue")))));

    @Test
    void anOptionsNumberPicksItAndTheQuestionShowsTheAnswer() {
        ScriptedChat chat = MiniFlow.chat().start().type("2");

        assertEquals(new Output.Answered(1, "color", "Hi Anna!\n\nWhich color?", "Синий", Optional.empty()), chat.outputs().get(0));
        assertEquals(List.of("blue"), chat.state().values("color"));
    }

    @Test
    void aLabelInAnyCaseWithOrWithoutItsEmojiPicksTheOption() {
        assertEquals(List.of("owner"), qualification().type("я владелец бизнеса / предприниматель").state().values("role"));
        assertEquals(List.of("owner"), qualification().type("👨‍💼 Я ВЛАДЕЛЕЦ БИЗНЕСА / ПРЕДПРИНИМАТЕЛЬ").state().values("role"));
        assertEquals(List.of("expert"), qualification().type("Маркетолог").state().values("role"));
    }

    @Test
    void aWordOrTheBeginningOfAWordOnlyOneOptionHasPicksIt() {
        ScriptedChat chat = qualification().type("владелец");

        assertEquals(List.of("goods"), chat.type("магазин").state().values("sphere"));
        assertEquals(List.of("b2b"), qualification().type("владел").type("b2b").state().values("sphere"));
        assertEquals(List.of("info"), qualification().type("владелец").type("курсы").state().values("sphere"));
    }

    @Test
    void aWordEveryOptionHasPicksNothingAndTheQuestionIsShownAgainBelowIt() {
        ScriptedChat chat = qualification();
        int first = chat.step();

        chat.type("я");

        assertEquals(List.of(), chat.state().answers());
        assertEquals(new Output.Edit(first, "role", Keyboard.none()), chat.outputs().get(0));
        Output.Ask again = (Output.Ask) chat.outputs().get(1);
        assertEquals(first + 1, again.step());
        assertEquals("Не совсем понял ответ 🤔 Выберите, пожалуйста, один из вариантов:\n\nЧтобы я мог говорить с вами на одном языке,"
                + " подскажите, какой вариант вас лучше описывает?", again.text());
        assertEquals(true, again.repeated());
        assertEquals(3, ((Keyboard.Buttons) again.keyboard()).numbered().size());
    }

    @Test
    void textThatNamesNoOptionShowsTheQuestionAgainOnceThenOnlyAShortReminder() {
        ScriptedChat chat = MiniFlow.chat().start();

        chat.type("a red one, please, but only if it is cheap; otherwise I will think about it and come back to you next week");
        assertEquals(List.of(new Output.Edit(1, "color", Keyboard.none()), new Output.Ask(2, "color", "Sorry, which one?\n\nWhich color?",
                COLORS, true)), chat.outputs());

        Conversation shownAgain = chat.state();
        chat.type("???");
        assertEquals(List.of(new Output.Reminder("Use the buttons, please.")), chat.outputs());
        chat.type("7");
        assertEquals(List.of(new Output.Reminder("Use the buttons, please.")), chat.outputs());
        assertEquals(shownAgain, chat.state());
    }

    @Test
    void afterAValidAnswerTheNextQuestionMayBeShownAgainOnceMore() {
        ScriptedChat chat = MiniFlow.chat().start().type("hmm").type("hmm").type("red");

        chat.type("hmm");

        assertEquals("Sorry, which one?\n\nExtras for Red?", ((Output.Ask) chat.outputs().get(1)).text());
    }

    @Test
    void aQuestionShownAgainIsAnsweredWithoutTheHintThatLedIt() {
        ScriptedChat chat = MiniFlow.chat().start().type("hmm");

        chat.press("Red");

        assertEquals(new Output.Answered(2, "color", "Which color?", "Red", Optional.empty()), chat.outputs().get(0));
    }

    @Test
    void aChecklistTicksTheTypedNumbersAndShowsItselfAgainBelowWithTheTicks() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");
        int checklist = chat.step();

        chat.type("1, 3");

        assertEquals(List.of("apple", "cherry"), chat.state().ticked());
        assertEquals(new Output.Edit(checklist, "extras", Keyboard.none()), chat.outputs().get(0));
        assertEquals(List.of("Extras for Red?"), chat.texts());
        assertEquals(List.of("✅ Apple", "▫️ Banana", "✅ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());

        chat.type("done");

        assertEquals(List.of("apple", "cherry"), chat.state().values("extras"));
    }

    @Test
    void aChecklistTakesLabelsSeparatedByCommasOrTheWordForAnd() {
        assertEquals(List.of("apple", "banana"), MiniFlow.chat().start().press("Red").type("Apple и banana").state().ticked());
        assertEquals(List.of("cherry", "banana"), MiniFlow.chat().start().press("Red").type("cherry, Banana").state().ticked());
        assertEquals(List.of("apple", "cherry"), MiniFlow.chat().start().press("Red").type("1 3").state().ticked());
    }

    @Test
    void aChecklistRefusesMoreTicksThanItsMaximumAndKeepsItsTicks() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.type("1, 2, 3");

        assertEquals(List.of(new Output.Notice("Можно отметить не больше 2 вариантов.")), chat.outputs());
        assertEquals(List.of(), chat.state().ticked());
    }

    @Test
    void theWayBackHasNoNumberSoEveryNumberIsAnAnswer() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.type("5");

        assertEquals("extras", chat.state().node());
        assertEquals("Sorry, which one?\n\nExtras for Red?", ((Output.Ask) chat.outputs().get(1)).text());
    }

    @Test
    void theBackButtonsLabelGoesBack() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.type("назад");

        assertEquals("color", chat.state().node());
    }

    @Test
    void theResumePromptTakesATypedNumber() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").start();

        chat.type("1");

        assertEquals(Conversation.Status.ASKING, chat.state().status());
        assertEquals(List.of("Extras for Red?"), chat.texts());
    }

    @Test
    void aPrefixTooShortToMeanAnythingIsNotTakenAsAnAnswer() {
        ScriptedChat chat = MiniFlow.chat().start();

        chat.type("r");

        assertEquals(List.of(), chat.state().answers());
    }

    private static ScriptedChat qualification() {
        return new ScriptedChat(Flows.qualification()).start();
    }
}
