package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contact details only after consent: each mistake with its exact message and where it points. */
class ConsentChecksTest {

    private static List<String> problems(String yaml) {
        InvalidFlowException e = assertThrows(InvalidFlowException.class, () -> FlowLoader.parse("bad.yaml", yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aPhoneAskedInAFlowWithoutAConsentQuestionIsReportedWithWhatToWrite() {
        assertEquals(List.of("bad.yaml:3:3: node 'phone' asks for a phone number without the prospect's consent to the processing"
                + " of personal data; ask it first: a choice with an option 'consent: given' that leads here and an option"
                + " 'consent: declined' (see flows/README.md)"), problems("""
                start: phone
                nodes:
                  phone:
                    type: input
                    kind: phone
                    text: Your phone?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aNameTheSummaryNamesCountsAsAContactDetail() {
        assertEquals(List.of("bad.yaml:4:3: node 'who' asks for the prospect's name (summary.name) without the prospect's consent"
                + " to the processing of personal data; ask it first: a choice with an option 'consent: given' that leads here and"
                + " an option 'consent: declined' (see flows/README.md)"), problems("""
                start: who
                summary: {name: who}
                nodes:
                  who:
                    type: input
                    text: Your name?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aContactQuestionReachedAroundTheConsentQuestionIsReported() {
        assertEquals(List.of("bad.yaml:15:3: node 'email' asks for an e-mail address on a path that has not passed an option with"
                + " 'consent: given'; lead to it only from the agreeing option of the consent question, or from questions after it"),
                problems("""
                start: role
                nodes:
                  role:
                    type: choice
                    text: Who are you?
                    options:
                      - {id: owner, label: Owner, next: consent}
                      - {id: hurry, label: In a hurry, next: email}
                  consent:
                    type: choice
                    text: May we write to you?
                    options:
                      - {id: agree, label: Agree, consent: given, next: email}
                      - {id: decline, label: Not now, consent: declined, next: bye}
                  email:
                    type: input
                    kind: email
                    text: Your e-mail?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aContactQuestionAfterTheRefusalIsReported() {
        assertEquals(List.of("bad.yaml:9:3: node 'phone' asks for a phone number after the prospect declined to share personal data"
                + " (option 'decline' of node 'consent'); lead the declining option to an end or to questions that collect nothing"
                + " personal"), problems("""
                start: consent
                nodes:
                  consent:
                    type: choice
                    text: May we call you?
                    options:
                      - {id: agree, label: Agree, consent: given, next: phone}
                      - {id: decline, label: Not now, consent: declined, next: phone}
                  phone:
                    type: input
                    kind: phone
                    text: Your phone?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aConsentQuestionWithoutAWayToRefuseIsReported() {
        assertEquals(List.of("bad.yaml:3:3: node 'consent' asks for consent but has no option with 'consent: declined'; add one, so"
                + " the prospect can refuse"), problems("""
                start: consent
                nodes:
                  consent:
                    type: choice
                    text: May we call you?
                    options:
                      - {id: agree, label: Agree, consent: given, next: phone}
                  phone:
                    type: input
                    kind: phone
                    text: Your phone?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aMisspelledConsentValueSuggestsTheRightOne() {
        assertEquals(List.of("bad.yaml:7:55: 'consent' in an option of node 'consent' is 'gvien'; did you mean 'given'?"), problems("""
                start: consent
                nodes:
                  consent:
                    type: choice
                    text: May we call you?
                    options:
                      - {id: agree, label: Agree, next: bye, consent: gvien}
                      - {id: decline, label: Not now, consent: declined, next: bye}
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aFlowThatAsksForNoContactDetailsNeedsNoConsentQuestion() throws InvalidFlowException {
        FlowLoader.parse("ok.yaml", """
                start: budget
                nodes:
                  budget:
                    type: input
                    kind: number
                    text: Your budget?
                    next: bye
                  bye: {type: end, text: Bye}
                """);
    }
}
