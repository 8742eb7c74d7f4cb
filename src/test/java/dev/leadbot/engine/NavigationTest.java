package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NavigationTest {

    @Test
    void backUndoesTheLastAnswerAndAsksItsQuestionAgain() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.back();

        assertEquals(List.of("↩️ Возвращаемся на шаг назад.", "Which color?"), chat.texts());
        assertEquals("color", chat.state().node());
        assertEquals(List.of(), chat.state().answers());
        assertEquals(List.of("hello", "color"), chat.state().path());
    }

    @Test
    void backTakesTheButtonsOffTheAbandonedQuestion() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");
        int abandoned = chat.step();

        chat.back();

        assertEquals(new Output.Edit(abandoned, "extras", Keyboard.none()), chat.outputs().get(0));
    }

    @Test
    void theBackButtonWorksLikeTheCommand() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Назад");

        assertEquals("color", chat.state().node());
    }

    @Test
    void backOnTheFirstQuestionSaysThereIsNothingToUndo() {
        ScriptedChat chat = MiniFlow.chat().start();
        Conversation before = chat.state();

        chat.back();

        assertEquals(List.of(new Output.Notice("Это первый вопрос — назад некуда.")), chat.outputs());
        assertEquals(before, chat.state());
    }

    @Test
    void backToAChecklistBringsBackTheTicksTheProspectHad() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple", "Cherry", "Done");

        chat.back();

        assertEquals(List.of("✅ Apple", "▫️ Banana", "✅ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());
        assertEquals(List.of(), chat.state().values("extras"));
    }

    @Test
    void backTwiceWalksBackTwoQuestions() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Agree").type("Anna");

        chat.back().back();

        assertEquals("consent", chat.state().node());
        assertEquals(List.of("red"), chat.state().values("color"));
        assertEquals(List.of(), chat.state().values("who"));
    }

    @Test
    void restartDropsTheAnswersKeepsTheSourceAndAsksTheFirstQuestion() {
        ScriptedChat chat = MiniFlow.chat().start("vk_ads").press("Red").press("Apple", "Done");

        chat.restart();

        assertEquals(List.of("🔄 Начинаем сначала.", "Hi Anna!\n\nWhich color?"), chat.texts());
        assertEquals(List.of(), chat.state().answers());
        assertEquals(Optional.of("vk_ads"), chat.state().source());
    }

    @Test
    void stepNumbersKeepGrowingAcrossARestartSoOldButtonsStayStale() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");
        int before = chat.step();

        chat.restart();

        assertTrue(chat.step() > before, "step " + chat.step() + " after restart, was " + before);
    }

    @Test
    void aSecondStartMidFlowAsksWhetherToContinueOrStartOver() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.start();

        assertEquals(List.of("Мы уже начали разговор. Продолжим с того же места или начнём заново?"), chat.texts());
        assertEquals(List.of("▶️ Продолжить", "🔄 Начать заново"), chat.buttonLabels());
    }

    @Test
    void continuingAfterASecondStartAsksTheSameQuestionWithItsAnswersKept() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple");

        chat.start().press("Продолжить");

        assertEquals(List.of("Extras for Red?"), chat.texts());
        assertEquals(List.of("✅ Apple", "▫️ Banana", "▫️ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());
        assertEquals(List.of("red"), chat.state().values("color"));
    }

    @Test
    void startingOverAfterASecondStartDropsTheAnswers() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.start().press("Начать заново");

        assertEquals(List.of(), chat.state().answers());
        assertEquals("color", chat.state().node());
    }

    @Test
    void aStartBeforeAnyAnswerSimplyBeginsAgainWithTheNewSource() {
        ScriptedChat chat = MiniFlow.chat().start();

        chat.start("telegram_ads");

        assertEquals(List.of("Hi Anna!\n\nWhich color?"), chat.texts());
        assertEquals(Optional.of("telegram_ads"), chat.state().source());
    }

    @Test
    void afterTheEndTypingSaysTheRequestIsAlreadyInAndStartBeginsANewLead() {
        ScriptedChat chat = Walks.finishMiniFlow(MiniFlow.chat());

        assertEquals(List.of("Ваша заявка уже у нас ✅ Чтобы пройти вопросы заново, отправьте /restart."), chat.type("hello?").texts());
        assertEquals(List.of("Ваша заявка уже у нас ✅ Чтобы пройти вопросы заново, отправьте /restart."), chat.back().texts());

        chat.start();

        assertEquals(Conversation.Status.ASKING, chat.state().status());
        assertEquals(List.of(), chat.state().answers());
    }

    @Test
    void anUnknownCommandIsExplainedAndNeverTakenAsAnAnswer() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple", "Done");

        chat.send(new Input.UnknownCommand("/help"));

        assertEquals(List.of("Я понимаю команды /start, /back (шаг назад), /restart (начать заново) и /forget (удалить мои данные)."), chat.texts());
        assertEquals(List.of(), chat.state().values("who"));
    }

    @Test
    void forgetAsksFirstAndConfirmingDeletesEverything() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");

        chat.send(new Input.Forget());
        assertEquals(List.of("Удалить все ваши ответы и контакты из бота? Это нельзя отменить."), chat.texts());
        assertEquals(List.of("🗑 Да, удалить", "Нет, оставить"), chat.buttonLabels());

        chat.press("Да, удалить");
        assertTrue(chat.outputs().contains(new Output.Forgotten()));
        assertEquals(List.of("Готово: ваши ответы и контакты удалены. Чтобы начать заново, отправьте /start."), chat.texts());
        assertEquals(List.of(), chat.state().answers());
        assertEquals(Optional.empty(), chat.state().source());
    }

    @Test
    void keepingTheDataAfterForgetAsksTheSameQuestionAgain() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple");

        chat.send(new Input.Forget()).press("Нет, оставить");

        assertEquals(List.of("Extras for Red?"), chat.texts());
        assertEquals(List.of("✅ Apple", "▫️ Banana", "▫️ Cherry", "Done", "◀️ Назад"), chat.buttonLabels());
        assertEquals(List.of("red"), chat.state().values("color"));
    }

    @Test
    void forgetBeforeAnyConversationStillAsksAndKeepingStartsTheFlow() {
        ScriptedChat chat = MiniFlow.chat();

        chat.send(new Input.Forget());
        assertEquals(List.of("Удалить все ваши ответы и контакты из бота? Это нельзя отменить."), chat.texts());

        chat.press("Нет, оставить");
        assertEquals(List.of("Hi Anna!\n\nWhich color?"), chat.texts());
    }

    @Test
    void keepingTheDataAfterTheEndLeavesTheLeadCompleted() {
        ScriptedChat chat = Walks.finishMiniFlow(MiniFlow.chat());

        chat.send(new Input.Forget()).press("Нет, оставить");

        assertEquals(Conversation.Status.COMPLETED, chat.state().status());
        assertEquals(1, chat.leadsCompleted());
    }

    @Test
    void restartingFromTheResumePromptTakesThePromptsButtonsOff() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Agree").type("Anna");
        chat.start();
        int prompt = chat.step();

        chat.restart();

        assertEquals(new Output.Edit(prompt, "phone", Keyboard.none()), chat.outputs().get(0));
    }
}
