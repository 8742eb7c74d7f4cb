package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A title made of a question's text, on the customer's own questions: a few words, never the whole text. */
class ShortTitleTest {

    @Test
    void aQuestionIsTitledByItsLastSentenceThatAsks() {
        assertEquals("В какой сфере ваш бизнес?", ShortTitle.of("Отлично! В какой сфере ваш бизнес?"));
        assertEquals("What field is your business in?", ShortTitle.of("Great! What field is your business in?"));
        assertEquals("Что для вас сейчас важнее всего?", ShortTitle.of("Что для вас сейчас важнее всего?"));
        assertEquals("Как к вам обращаться?", ShortTitle.of("Как к вам обращаться?"));
    }

    @Test
    void aSoThatClauseAndPolitenessAreLeftOut() {
        assertEquals("Какой вариант вас лучше описывает?", ShortTitle.of("Чтобы я мог говорить с вами на одном языке, подскажите,"
                + " какой вариант вас лучше описывает?"));
        assertEquals("Which of these describes you best?", ShortTitle.of("So that we speak the same language, which of these describes"
                + " you best?"));
        assertEquals("Когда вам удобно?", ShortTitle.of("Когда вам удобно, чтобы с вами связались?"));
    }

    @Test
    void aQuestionWithoutAQuestionMarkIsTitledByItsLastSentenceWithoutInstructions() {
        assertEquals("Опишите общую концепцию вашего проекта", ShortTitle.of("Отлично, я зафиксировал ваш запрос на: {features}. Чтобы я"
                + " мог дать точную оценку по срокам и стоимости, опишите, пожалуйста, в одном сообщении общую концепцию вашего проекта."));
        assertEquals("Describe the overall concept of your…", ShortTitle.of("Great, I have noted your request for: {features}. So that I"
                + " can estimate timing and cost precisely, please describe the overall concept of your project in one message."));
    }

    @Test
    void emojiAndButtonNamesInQuotesAreLeftOut() {
        assertEquals("Нажмите кнопку или напишите номер…", ShortTitle.of("Нажмите кнопку «📱 Отправить мой номер» ниже или напишите"
                + " номер с кодом страны."));
        assertEquals("Press or type your number with…", ShortTitle.of("Press \"📱 Share my number\" below or type your number with the"
                + " country code."));
        assertEquals("Что дальше?", ShortTitle.of("🤔 Что дальше? 👇"));
    }

    @Test
    void aLongQuestionIsCutOnAWordBoundaryWithinFortyCharacters() {
        String title = ShortTitle.of("Понимаю. Давайте по существу. Какие конкретно функции или интеграции вам необходимы? Можете выбрать"
                + " несколько.");
        assertEquals("Какие конкретно функции или интеграции…", title);
        assertEquals(true, title.length() <= ShortTitle.WIDTH);
    }

    @Test
    void theWholeConsentParagraphBecomesAFewWords() {
        String title = ShortTitle.of("Давайте обсудим ваш проект. Я задам три коротких вопроса о том, как с вами связаться. Нажимая"
                + " «Продолжить», вы соглашаетесь на обработку персональных данных для ответа на вашу заявку; удалить их можно в любой"
                + " момент командой /forget.");
        assertEquals(true, title.length() <= ShortTitle.WIDTH, title);
    }
}
