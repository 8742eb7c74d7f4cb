package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Stop;
import dev.leadbot.testing.Flows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whole conversations through the customer's flow ({@code partial_lead: once_known: [contact_name,
 * phone]}) that go silent: past the point and with consent, exactly one partial lead; otherwise
 * nothing; and a prospect who comes back and finishes completes it.
 */
class PartialLeadTest {

    private static final Flow FLOW = Flows.qualification();

    /** An owner who agreed and gave their name, then stopped at "how would you like us to reach you?". */
    private static ScriptedChat pastThePoint() {
        return new ScriptedChat(FLOW).start("vk_ads").choose("owner", "goods", "orders", "agree").type("Пётр");
    }

    @Test
    void aProspectSilentPastThePointWithConsentBecomesOnePartialLeadWithTheAnswersSoFarAndWhereTheyStopped() {
        ScriptedChat chat = pastThePoint().abandon();

        assertEquals(1, chat.outputs().size(), "abandoning says nothing to the prospect: " + chat.outputs());
        Lead partial = chat.partials().get(0);
        assertTrue(partial.partial());
        assertEquals(Optional.of(new Stop("channel", "Как вам удобнее связаться?")), partial.stoppedAt());
        assertEquals(List.of("role", "sphere", "pain", "consent", "contact_name"),
                partial.answers().stream().map(Answer::variable).toList());
        assertEquals(Optional.of("Пётр"), partial.contact().name());
        assertEquals(Optional.of("vk_ads"), partial.source());
        assertEquals(ScriptedChat.T0.plusSeconds(6 * 5), partial.completedAt(), "the time it was taken as abandoned");
        assertEquals(Optional.of(partial.id()), chat.state().partialLead());
        assertEquals(0, chat.leadsCompleted());
    }

    @Test
    void theQuestionWhereItStoppedIsInTheFlowsLanguageWhateverTheProspectReads() {
        ScriptedChat chat = new ScriptedChat(FLOW, ChoiceTest.withLanguage("en")).start().choose("owner", "goods", "orders", "agree")
                .type("Peter").abandon();

        assertEquals("Как вам удобнее связаться?", chat.partials().get(0).stoppedAt().orElseThrow().question());
        assertEquals("Peter", chat.partials().get(0).contact().name().orElseThrow());
    }

    @Test
    void aConversationAbandonedAgainStillHasOnePartialLead() {
        ScriptedChat chat = pastThePoint().abandon().abandon().abandon();

        assertEquals(1, chat.partials().size());
        assertEquals(List.of(), chat.outputs());
    }

    @Test
    void theSameConversationAbandonedTwiceFromTheSameSavedStateMakesTheSameLeadId() {
        Conversation saved = pastThePoint().state();
        ConversationEngine engine = new ConversationEngine(FLOW);

        Transition first = engine.handle(Optional.of(saved), ScriptedChat.ANNA, new Input.Abandoned(), ScriptedChat.T0.plusSeconds(900));
        Transition again = engine.handle(Optional.of(saved), ScriptedChat.ANNA, new Input.Abandoned(), ScriptedChat.T0.plusSeconds(5400));

        // a crash between making it and storing it repeats the input on the saved state: the store keeps one lead by its id
        assertEquals(((Output.Partial) first.outputs().get(0)).lead().id(), ((Output.Partial) again.outputs().get(0)).lead().id());
    }

    /** Consent, a name, then a chance to change one's mind: declining after the name leaves the name answered. */
    private static final Flow CHANGE_OF_MIND = Flows.parse("""
            start: consent
            summary: {name: who}
            partial_lead: {once_known: who}
            nodes:
              consent:
                type: choice
                text: May we keep your details?
                options:
                  - {id: yes, label: Yes, consent: given, next: who}
                  - {id: no, label: No, consent: declined, next: topic}
              who:
                type: input
                text: Your name?
                next: sure
              sure:
                type: choice
                text: Sure we may call you?
                options:
                  - {id: sure, label: Sure, next: done}
                  - {id: ask_again, label: Ask me again, next: consent}
              topic:
                type: choice
                text: What about, anyway?
                options:
                  - {id: bots, label: Bots}
                next: bye
              done: {type: end, text: Thanks}
              bye: {type: end, text: Bye}
            """);

    @Test
    void aProspectWhoDeclinedConsentIsNeverMadeAPartialLeadEvenWithTheirNameKnown() {
        ScriptedChat chat = new ScriptedChat(CHANGE_OF_MIND).start().choose("yes").type("Пётр").choose("ask_again", "no").abandon();

        assertEquals(Optional.of("Пётр"), chat.state().latest("who").map(Answer::label));
        assertEquals(List.of(), chat.outputs());
        assertEquals(List.of(), chat.partials());
    }

    @Test
    void theSameFlowWithConsentStandingMakesTheLead() {
        ScriptedChat chat = new ScriptedChat(CHANGE_OF_MIND).start().choose("yes").type("Пётр").abandon();

        assertEquals(1, chat.partials().size());
        assertEquals("Sure we may call you?", chat.partials().get(0).stoppedAt().orElseThrow().question());
    }

    @Test
    void aProspectSilentBeforeThePointLeavesNothing() {
        ScriptedChat atConsent = new ScriptedChat(FLOW).start().choose("owner", "goods", "orders").abandon();
        ScriptedChat agreedOnly = new ScriptedChat(FLOW).start().choose("owner", "goods", "orders", "agree").abandon();

        assertEquals(List.of(), atConsent.outputs());
        assertEquals(List.of(), agreedOnly.outputs());
        assertEquals(Optional.empty(), agreedOnly.state().partialLead());
    }

    @Test
    void goingBackOverTheNameUndoesThePoint() {
        ScriptedChat chat = pastThePoint().back().abandon();

        assertEquals(List.of(), chat.partials());
    }

    @Test
    void goingBackOverTheConsentUndoesItSoNothingIsMadeEvenWithTheNameKnownBefore() {
        // name given, then back twice: the name and the consent are both undone
        ScriptedChat chat = pastThePoint().back().back().abandon();

        assertEquals(List.of(), chat.partials());
    }

    @Test
    void aFinishedConversationIsNeverAbandoned() {
        ScriptedChat chat = pastThePoint().choose("telegram", "morning").abandon();

        assertEquals(1, chat.leadsCompleted());
        assertEquals(List.of(), chat.partials());
    }

    @Test
    void aProspectWhoAskedToForgetThemIsNotMadeAPartialLead() {
        ScriptedChat chat = pastThePoint().send(new Input.Forget()).abandon();

        assertEquals(List.of(), chat.partials());
    }

    @Test
    void aProspectWhoComesBackAndFinishesCompletesThePartialLead() {
        ScriptedChat chat = pastThePoint().abandon();
        String partial = chat.partials().get(0).id();

        Lead complete = chat.choose("call").type("+7 701 555 12 34").choose("morning").lead().orElseThrow();

        assertFalse(complete.partial());
        assertEquals(Optional.of(partial), complete.completes());
        assertEquals(Optional.of("+77015551234"), complete.contact().phone());
        assertTrue(!complete.id().equals(partial));
    }

    @Test
    void startingOverAfterThePartialLeadIsStillTheSameConversation() {
        ScriptedChat chat = pastThePoint().abandon();
        String partial = chat.partials().get(0).id();

        Lead complete = chat.restart().choose("owner", "goods", "orders", "agree").type("Пётр").choose("telegram", "morning")
                .lead().orElseThrow();

        assertEquals(Optional.of(partial), complete.completes());
    }

    @Test
    void aNewConversationAfterTheCompletedOneCompletesNothing() {
        ScriptedChat chat = pastThePoint().abandon().choose("telegram", "morning");

        Lead second = chat.start().choose("owner", "goods", "orders", "agree").type("Пётр").choose("telegram", "morning")
                .lead().orElseThrow();

        assertEquals(Optional.empty(), second.completes());
    }

    @Test
    void startingOverAfterCompletingTheAbandonedRunIsANewLeadThatCompletesNothing() {
        ScriptedChat chat = pastThePoint().abandon().choose("telegram", "morning");

        Lead second = chat.restart().choose("owner", "goods", "orders", "agree").type("Пётр").choose("telegram", "morning")
                .lead().orElseThrow();

        assertEquals(Optional.empty(), second.completes());
    }

    @Test
    void aNewRunStartedOverAfterACompletedOneAndAbandonedBecomesItsOwnPartialLead() {
        ScriptedChat chat = pastThePoint().abandon().choose("telegram", "morning");
        String first = chat.partials().get(0).id();

        chat.restart().choose("owner", "goods", "orders", "agree").type("Пётр").abandon();

        assertEquals(2, chat.partials().size(), "the first run's and one of the new run: " + chat.partials());
        Lead second = chat.partials().get(1);
        assertFalse(second.id().equals(first));
        assertEquals(Optional.empty(), second.completes());
        assertEquals(Optional.of(second.id()), chat.state().partialLead());
    }

    @Test
    void aLeadWithoutAnAbandonmentCompletesNothing() {
        Lead lead = pastThePoint().choose("telegram", "morning").lead().orElseThrow();

        assertEquals(Optional.empty(), lead.completes());
        assertFalse(lead.partial());
    }

    @Test
    void aFlowWithoutAPartialLeadPointNeverMakesOne() {
        ScriptedChat chat = new ScriptedChat(MiniFlow.FLOW).start().press("Red").press("Apple").press("Done").abandon();

        assertEquals(List.of(), chat.outputs());
    }

    @Test
    void abandoningAChatWithNoConversationSaysAndMakesNothing() {
        Transition transition = new ConversationEngine(FLOW).handle(Optional.empty(), ScriptedChat.ANNA, new Input.Abandoned(),
                ScriptedChat.T0);

        assertEquals(List.of(), transition.outputs());
    }
}
