package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leadbot.testing.Flows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an owner's summary names a question by: its {@code title:} in the owner's language, else a few words of its text. */
class QuestionTitleTest {

    private final Flow flow = Flows.qualification();

    private static final String ASKING = """
            start: role
            nodes:
              role:
                type: choice
                text: { ru: "Отлично! Чтобы говорить на одном языке, подскажите, кто вы?", en: "Great! Who are you?" }
                options: [{ id: owner, label: Владелец, consent: given }, { id: "no", label: Нет, consent: declined, next: bye }]
                next: phone
              phone:
                type: input
                kind: phone
                text: Нажмите кнопку «📱 Отправить мой номер» ниже или напишите номер с кодом страны.
                next: bye
              bye: { type: end, text: Спасибо }
            """;

    private static List<String> problems(String title) {
        InvalidFlowException e = assertThrows(InvalidFlowException.class, () -> FlowLoader.parse("bad.yaml", ASKING.replace(
                "    options: [{ id: owner", "    title: " + title + "\n    options: [{ id: owner")));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theCustomersQuestionsAreTitledInTheOwnersLanguage() {
        assertEquals(Optional.of("Сфера бизнеса"), flow.title("sphere", "ru"));
        assertEquals(Optional.of("Business field"), flow.title("sphere", "en"));
        assertEquals(Optional.of("Согласие"), flow.title("contact_intro", "ru"));
        assertEquals(Optional.of("Телефон"), flow.title("phone", "ru"));
    }

    @Test
    void aLanguageTheTitleIsNotWrittenInGetsTheFlowsOwn() {
        assertEquals(Optional.of("Главная задача"), flow.title("pain_goods", "kk"));
    }

    @Test
    void everyQuestionOfTheCustomersFlowHasATitleOfItsOwnInEachLanguage() throws Exception {
        for (Node node : flow.nodes()) {
            if (node.savesAs().isPresent()) {
                for (String language : List.of("ru", "en")) {
                    String title = flow.title(node.id(), language).orElseThrow();
                    assertEquals(true, title.length() <= ShortTitle.WIDTH && !title.equals(ShortTitle.of(node.text().in(language))),
                            node.id() + " (" + language + "): " + title);
                }
            }
        }
    }

    @Test
    void aQuestionWithoutATitleIsTitledByAFewWordsOfItsText() throws Exception {
        Flow untitled = FlowLoader.parse("ok.yaml", ASKING);
        assertEquals(Optional.of("Кто вы?"), untitled.title("role", "ru"));
        assertEquals(Optional.of("Who are you?"), untitled.title("role", "en"));
    }

    @Test
    void aPhoneQuestionWithoutATitleIsTitledPhoneWhateverItsTextSays() throws Exception {
        Flow untitled = FlowLoader.parse("ok.yaml", ASKING);
        assertEquals(Optional.of("Телефон"), untitled.title("phone", "ru"));
        assertEquals(Optional.of("Phone"), untitled.title("phone", "en"));
    }

    @Test
    void aNodeThatAsksNothingOrIsGoneHasNoTitle() {
        assertEquals(Optional.empty(), flow.title("greeting", "ru"));
        assertEquals(Optional.empty(), flow.title("no_such_node", "ru"));
    }

    @Test
    void anEmptyTitleIsReportedAtItsLineWithWhatToWrite() {
        assertEquals(List.of("bad.yaml:6:12: 'title' in node 'role' is empty; write the few words the owner's summary names the answer"
                + " by, such as 'Сфера бизнеса', or remove 'title:' to have them made of the question"), problems("\"\""));
    }

    @Test
    void aTitleOverFortyCharactersIsReportedWithAShorterOne() {
        assertEquals(List.of("bad.yaml:6:12: 'title' in node 'role' (ru) is 46 characters long; a title is the few words an owner reads"
                + " before the answer, so write at most 40, such as 'Чтобы говорить на одном языке…'"),
                problems("{ ru: \"Чтобы говорить на одном языке, скажите, кто вы\", en: \"Role\" }"));
    }

    @Test
    void aTitleShowingAnAnswerIsReportedWithWhatToWriteInstead() {
        assertEquals(List.of("bad.yaml:6:12: 'title' in node 'role' shows '{…}', but a title names the question, not an answer; write it"
                + " without braces, such as 'Сфера бизнеса'"), problems("\"Роль: {role}\""));
    }
}
