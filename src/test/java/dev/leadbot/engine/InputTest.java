package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.flow.Flow;
import dev.leadbot.testing.Flows;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTest {

    /** Red path: color, extras, consent, then the name question. */
    private static ScriptedChat atName() {
        return MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Agree");
    }

    private static ScriptedChat atPhone() {
        return atName().type("Anna");
    }

    @Test
    void aTextWithinTheLengthLimitsIsSavedAsTyped() {
        ScriptedChat chat = atName().type("  Anna  ");

        assertEquals(List.of("Anna"), chat.state().values("who"));
        assertEquals("phone", chat.state().node());
    }

    @Test
    void aTooShortTextIsReaskedNamingTheMinimum() {
        ScriptedChat chat = atName().type("A");

        assertEquals(List.of("Слишком коротко — напишите хотя бы 2 символа."), chat.texts());
        assertEquals("who", chat.state().node());
    }

    @Test
    void aFourThousandCharacterMessageIsReaskedNamingTheMaximum() {
        ScriptedChat chat = atName().type("x".repeat(4000));

        assertEquals(List.of("Слишком длинно — уложитесь, пожалуйста, в 10 символов."), chat.texts());
        assertEquals(List.of(), chat.state().values("who"));
    }

    @Test
    void aTypedPhoneIsNormalisedConfirmedAndTheContactKeyboardRemoved() {
        ScriptedChat chat = atPhone().type("8 (916) 123-45-67");

        assertEquals(new Output.Say("📞 Записал номер: +7 916 123-45-67", new Keyboard.RemoveRequest()), chat.outputs().get(0));
        assertEquals(List.of("+79161234567"), chat.state().values("phone"));
    }

    @Test
    void thePhoneQuestionOffersTheShareContactButton() {
        ScriptedChat chat = atPhone();

        assertEquals(new Keyboard.RequestContact("📱 Отправить мой номер"), chat.keyboard());
    }

    @Test
    void somethingThatIsNotAPhoneIsReasked() {
        ScriptedChat chat = atPhone().type("call me maybe");

        assertEquals(List.of("Не похоже на номер телефона. Напишите его с кодом страны, например +7 912 345-67-89, или нажмите кнопку ниже."),
                chat.texts());
        assertEquals("phone", chat.state().node());
    }

    @Test
    void aNumberThatDoesNotExistInItsCountryIsAskedAgainWithAnExample() {
        ScriptedChat chat = atPhone().type("+7 100 123 45 67");

        assertEquals(List.of("Не похоже на номер телефона. Напишите его с кодом страны, например +7 912 345-67-89, или нажмите кнопку ниже."),
                chat.texts());
        assertEquals(List.of(), chat.state().values("phone"));
    }

    @Test
    void lettersInANumberAreNeverReadAsDigits() {
        ScriptedChat chat = atPhone().type("+7 916 ABC-45-67");

        assertEquals(List.of("Не похоже на номер телефона. Напишите его с кодом страны, например +7 912 345-67-89, или нажмите кнопку ниже."),
                chat.texts());
    }

    @Test
    void inAUsFlowANumberWithoutTheCodeIsAnAmericanOne() {
        Flow american = Flows.parse(MiniFlow.YAML.replace("phone_region: RU", "phone_region: US"));
        ScriptedChat chat = new ScriptedChat(american).start().press("Red").press("Apple", "Done").press("Agree").type("Anna")
                .type("(415) 555-0134");

        assertEquals(List.of("+14155550134"), chat.state().values("phone"));
        assertEquals("📞 Записал номер: +1 415-555-0134", chat.texts().get(0));
    }

    @Test
    void theProspectsOwnSharedContactIsSavedAsTheirPhone() {
        ScriptedChat chat = atPhone().contact("79161234567", true);

        assertEquals("+7 916 123-45-67", chat.state().latest("phone").orElseThrow().label());
    }

    @Test
    void someoneElsesSharedContactIsAcceptedButMarkedAsSuch() {
        ScriptedChat chat = atPhone().contact("+7 916 000-00-00", false);

        assertEquals(List.of("+79160000000"), chat.state().values("phone"));
        assertEquals("+7 916 000-00-00 (чужой контакт)", chat.state().latest("phone").orElseThrow().label());
    }

    @Test
    void aSharedContactWhereNoPhoneIsAskedIsNotTakenAsAnAnswer() {
        ScriptedChat chat = atName().contact("79161234567", true);

        assertEquals(List.of("Напишите, пожалуйста, ответ одним текстовым сообщением."), chat.texts());
        assertEquals(List.of(), chat.state().values("who"));
    }

    @Test
    void aBadEmailGetsTheNodesOwnReask() {
        ScriptedChat chat = atPhone().type("+7 916 123 45 67").type("anna@localhost");

        assertEquals(List.of("That e-mail looks wrong."), chat.texts());
        chat.type("anna@example.com");
        assertEquals(List.of("anna@example.com"), chat.state().values("email"));
    }

    @Test
    void numbersOutsideTheRangeAreReaskedAndCommasAreDecimalPoints() {
        ScriptedChat chat = atPhone().type("+7 916 123 45 67").type("anna@example.com");

        assertEquals(List.of("Напишите, пожалуйста, число цифрами."), chat.type("twenty").texts());
        assertEquals(List.of("Число должно быть не меньше 18."), chat.type("17").texts());
        assertEquals(List.of("Число должно быть не больше 99."), chat.type("100").texts());
        chat.type("42,50");
        assertEquals(List.of("42.5"), chat.state().values("age"));
    }

    @Test
    void aStickerIsAnsweredOncePerQuestionNotFlooded() {
        ScriptedChat chat = atName();

        assertEquals(List.of("Напишите, пожалуйста, ответ одним текстовым сообщением."), chat.sticker().texts());
        assertEquals(List.of(), chat.sticker().texts());
        chat.type("Anna");
        assertEquals(1, chat.sticker().texts().size());
    }

    @Test
    void aStickerAtAChoiceShowsTheQuestionAgainBelowItOnce() {
        ScriptedChat chat = MiniFlow.chat().start();

        assertEquals(List.of("Sorry, which one?\n\nWhich color?"), chat.sticker().texts());
        assertEquals(List.of(), chat.sticker().outputs());
    }

    @Test
    void goingBackFromThePhoneQuestionTakesAwayTheShareContactKeyboard() {
        ScriptedChat chat = atPhone().back();

        assertEquals(new Output.Notice("↩️ Возвращаемся на шаг назад.", new Keyboard.RemoveRequest()), chat.outputs().get(0));
        assertEquals("who", chat.state().node());
    }

    @Test
    void restartingFromThePhoneQuestionTakesAwayTheShareContactKeyboardToo() {
        ScriptedChat chat = atPhone().restart();

        assertEquals(new Output.Notice("🔄 Начинаем сначала.", new Keyboard.RemoveRequest()), chat.outputs().get(0));
    }
}
