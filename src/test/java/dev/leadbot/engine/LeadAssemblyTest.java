package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.flow.Consent;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadAssemblyTest {

    @Test
    void reachingAnEndCompletesExactlyOneLeadWithEverythingTheOwnerNeeds() {
        ScriptedChat chat = Walks.finishMiniFlow(MiniFlow.chat());
        Lead lead = chat.lead().orElseThrow();

        assertEquals(1, chat.leadsCompleted());
        assertEquals(ScriptedChat.ANNA, lead.prospect());
        assertEquals(Optional.of("vk_ads"), lead.source());
        assertEquals(List.of(
                Answer.of("color", "color", "red", "Red"),
                new Answer("extras", "extras", List.of("apple", "banana"), "Apple и Banana"),
                Answer.of("consent", "consent", "agree", "Agree"),
                Answer.of("who", "who", "Anna", "Anna"),
                Answer.of("phone", "phone", "+79161234567", "+7 916 123-45-67"),
                Answer.of("email", "email", "anna@example.com", "anna@example.com"),
                Answer.of("age", "age", "30", "30")), lead.answers());
        assertEquals(10 + 5 + 3, lead.score());
        assertEquals(List.of("warm", "fruit"), lead.tags());
        assertEquals(List.of("hello", "color", "extras", "consent", "who", "phone", "email", "age", "bye"), lead.path());
        assertEquals(new Contact(Optional.of("Anna"), Optional.of("+79161234567"), Optional.of("anna@example.com"), Optional.of("anna_k")),
                lead.contact());
        assertEquals(ScriptedChat.T0, lead.startedAt());
        assertEquals(Instant.parse("2026-11-22T10:00:45Z"), lead.completedAt());
        assertEquals("test", lead.flow());
    }

    @Test
    void decliningConsentEndsTheConversationWithoutALead() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Not now");

        assertEquals(List.of(new Output.Answered(3, "consent", "May we contact you?", "Not now", Optional.of("Thanks! You picked Apple.")),
                new Output.Declined("test", "bye")), chat.outputs());
        assertEquals(Optional.empty(), chat.lead());
        assertEquals(Optional.of(Consent.DECLINED), chat.state().consent(MiniFlow.FLOW));
    }

    @Test
    void consentGoesBackWithTheAnswerThatGaveIt() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Agree");
        assertEquals(Optional.of(Consent.GIVEN), chat.state().consent(MiniFlow.FLOW));

        chat.back();

        assertEquals(Optional.empty(), chat.state().consent(MiniFlow.FLOW));
        chat.press("Not now");
        assertEquals(Optional.empty(), chat.lead());
    }

    @Test
    void theSameConversationAtTheSameTimesYieldsTheSameLeadId() {
        Lead first = Walks.finishMiniFlow(MiniFlow.chat()).lead().orElseThrow();
        Lead again = Walks.finishMiniFlow(MiniFlow.chat()).lead().orElseThrow();

        assertEquals(first, again);
    }

    @Test
    void anAnswerUndoneWithBackLeavesNoTraceInTheLead() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red").back().press("Синий").press("Cherry", "Done").press("Agree")
                .type("+7 916 123 45 67").type("anna@example.com").type("30");
        Lead lead = chat.lead().orElseThrow();

        assertEquals(List.of("blue"), lead.answer("color").orElseThrow().values());
        assertEquals(1 + 1, lead.score());
        assertEquals(List.of("cold"), lead.tags());
        assertEquals(List.of("hello", "color", "extras", "consent", "phone", "email", "age", "bye"), lead.path());
    }

    @Test
    void aFlowWhoseNodeWasRemovedRestartsTheConversationWithANotice() {
        ScriptedChat chat = MiniFlow.chat().start().press("Red");
        Conversation stranded = chat.state().at("gone", chat.state().step(), chat.state().path(), List.of(), Conversation.Status.ASKING);

        Transition transition = new ConversationEngine(MiniFlow.FLOW)
                .handle(Optional.of(stranded), ScriptedChat.ANNA, new Input.Typed("hello?"), ScriptedChat.T0);

        assertEquals(new Output.Notice("Мы обновили вопросы, поэтому начнём сначала."), transition.outputs().get(0));
        assertEquals("color", transition.state().node());
        assertEquals(List.of(), transition.state().answers());
    }
}
