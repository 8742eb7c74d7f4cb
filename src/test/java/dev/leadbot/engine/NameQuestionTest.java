package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.lead.Prospect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The name question (the summary's name) takes names: a phone typed there is kept for later, anything else not a name is asked again. */
class NameQuestionTest {

    private static final String NOT_A_NAME = "Кажется, это не имя 🙂 Напишите, пожалуйста, как к вам обращаться, например: Анна.";

    /** Red path: color, extras, consent, then the name question ("who"), then the phone question. */
    private static ScriptedChat atName() {
        return MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Agree");
    }

    @Test
    void aPhoneTypedAsTheNameIsKeptAndTheNameAskedAgainInOneMessage() {
        ScriptedChat chat = atName().type("+7 916 123-45-67");

        assertEquals(List.of(new Output.Say("📞 Записал номер: +7 916 123-45-67. А как к вам обращаться? Напишите, пожалуйста, имя.",
                Keyboard.none())), chat.outputs());
        assertEquals("who", chat.state().node());
        assertEquals(List.of("+79161234567"), chat.state().values("phone"));
        assertEquals(List.of(), chat.state().values("who"));
    }

    @Test
    void thePhoneQuestionIsThenPassedByAndTheLeadHasBoth() {
        ScriptedChat chat = atName().type("8 (916) 123-45-67").type("Anna");

        assertEquals("email", chat.state().node());
        assertEquals(List.of("Your e-mail?"), chat.outputs().stream().filter(Output.Ask.class::isInstance)
                .map(o -> ((Output.Ask) o).text()).toList());
        chat.type("anna@example.com").type("30");
        assertEquals(Optional.of("+79161234567"), chat.lead().orElseThrow().contact().phone());
        assertEquals(Optional.of("Anna"), chat.lead().orElseThrow().contact().name());
    }

    @Test
    void aPhoneWrittenWithTheNameIsKeptAndOnlyTheNameAskedFor() {
        ScriptedChat chat = atName().type("Анна 8 916 123 45 67");

        assertEquals(List.of("📞 Записал номер: +7 916 123-45-67. А как к вам обращаться? Напишите, пожалуйста, имя."), chat.texts());
        assertEquals(List.of("+79161234567"), chat.state().values("phone"));
    }

    @Test
    void backAtTheNameQuestionUndoesTheNumberTypedThereFirst() {
        ScriptedChat chat = atName().type("+7 916 123-45-67").back();

        assertEquals("who", chat.state().node());
        assertEquals(List.of(), chat.state().values("phone"));
        assertEquals("Your name?", ((Output.Ask) chat.outputs().get(chat.outputs().size() - 1)).text());
        assertEquals("phone", chat.type("Anna").state().node());
    }

    @Test
    void aSecondPhoneAtTheNameQuestionOnlyAsksForTheNameAgain() {
        ScriptedChat chat = atName().type("+7 916 123-45-67").type("+7 903 765-43-21");

        assertEquals(List.of(NOT_A_NAME), chat.texts());
        assertEquals(List.of("+79161234567"), chat.state().values("phone"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"anna@example.com", "https://t.me/anna", "t.me/anna", "www.anna.ru", "anna-shop.ru", "12345", "42"})
    void anEmailALinkOrDigitsAreAskedAgainKindly(String typed) {
        ScriptedChat chat = atName().type(typed);

        assertEquals(List.of(NOT_A_NAME), chat.texts());
        assertEquals("who", chat.state().node());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Anna", "Анна-Мария", "Ivan P.", "Олег 2"})
    void ordinaryNamesAreTaken(String typed) {
        assertEquals(List.of(typed), atName().type(typed).state().values("who"));
    }

    @Test
    void anEnglishProspectIsAskedInEnglish() {
        Prospect english = new Prospect(43, 4343, Optional.empty(), "John", Optional.empty(), "en");
        ScriptedChat chat = new ScriptedChat(MiniFlow.FLOW, english).start().press("Red").press("Apple", "Done").press("Agree");

        assertEquals(List.of("That does not look like a name 🙂 Please type what we should call you, for example: Anna."),
                chat.type("john@example.com").texts());
        assertEquals(List.of("📞 Got your number: +7 916 123-45-67. And what should we call you? Please type your name."),
                chat.type("+79161234567").texts());
    }
}
