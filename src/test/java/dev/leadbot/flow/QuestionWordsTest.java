package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.testing.Flows;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a person calls a question: its last sentence that asks, in the flow's language, never its node id. */
class QuestionWordsTest {

    private final Flow flow = Flows.qualification();

    @Test
    void aQuestionIsNamedByItsLastSentenceThatAsks() {
        assertEquals(Optional.of("В какой сфере ваш бизнес?"), flow.question("sphere"));
        assertEquals(Optional.of("Чтобы я мог говорить с вами на одном языке, подскажите, какой вариант вас лучше описывает?"),
                flow.question("role"));
        assertEquals(Optional.of("Какие конкретно функции или интеграции вам необходимы?"), flow.question("features"));
    }

    @Test
    void aQuestionThatAsksWithoutAQuestionMarkIsNamedByItsLastSentence() {
        assertEquals(Optional.of("Чтобы я мог дать точную оценку по срокам и стоимости, опишите, пожалуйста, в одном сообщении общую"
                + " концепцию вашего проекта."), flow.question("concept"));
    }

    @Test
    void aNodeThatAsksNothingOrIsGoneHasNoQuestion() {
        assertEquals(Optional.empty(), flow.question("greeting"));
        assertEquals(Optional.empty(), flow.question("no_such_node"));
    }
}
