package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code partial_lead:} point: read as written, and each mistake reported once, at its line and column, with what to write. */
class PartialLeadChecksTest {

    /** Consent, then a name; the partial-lead point is the last lines, so each test edits only them. */
    private static final String FLOW = """
            start: role
            summary: {name: who}
            nodes:
              role:
                type: choice
                text: Who are you?
                options:
                  - {id: owner, label: Owner}
                next: consent
              consent:
                type: choice
                text: May we keep your details?
                options:
                  - {id: agree, label: Yes, consent: given, next: who}
                  - {id: refuse, label: No, consent: declined, next: bye}
              who:
                type: input
                text: Your name?
                next: done
              done: {type: end, text: Thanks}
              bye: {type: end, text: Bye}
            """;

    private static List<String> problems(String yaml) {
        InvalidFlowException e = assertThrows(InvalidFlowException.class, () -> FlowLoader.parse("bad.yaml", yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aListOrASingleVariableIsThePoint() throws InvalidFlowException {
        assertEquals(Optional.of(new PartialLead(List.of("who"))),
                FlowLoader.parse("flow.yaml", FLOW + "partial_lead:\n  once_known: [who]\n").partialLead());
        assertEquals(Optional.of(new PartialLead(List.of("who"))),
                FlowLoader.parse("flow.yaml", FLOW + "partial_lead: {once_known: who}\n").partialLead());
        assertEquals(Optional.empty(), FlowLoader.parse("flow.yaml", FLOW).partialLead());
    }

    @Test
    void aVariableNoNodeSavesIsReportedAtItsColumnWithTheOneMeant() {
        assertEquals(List.of("bad.yaml:23:25: partial_lead.once_known names 'whom', which no node saves; did you mean 'who'?"),
                problems(FLOW + "partial_lead:\n  once_known: [who,     whom]\n"));
    }

    @Test
    void aMisspeltKeyIsOneReportWithTheKeyMeant() {
        assertEquals(List.of("bad.yaml:23:3: unknown key 'once_know' in partial_lead; did you mean 'once_known'?"),
                problems(FLOW + "partial_lead:\n  once_know: [who]\n"));
    }

    @Test
    void aPointWithoutVariablesSaysWhatToWrite() {
        String fix = "write 'once_known: [contact_name, phone]': the variables of which any one, once answered, makes an abandoned"
                + " conversation worth a lead";
        assertEquals(List.of("bad.yaml:23:15: 'once_known' in partial_lead must name one variable or a list of them; " + fix),
                problems(FLOW + "partial_lead:\n  once_known: []\n"));
        assertEquals(List.of("bad.yaml:22:15: partial_lead has no 'once_known'; " + fix), problems(FLOW + "partial_lead: {}\n"));
    }

    @Test
    void aVariableAskedBeforeConsentIsReportedWithOneAskedAfterIt() {
        assertEquals(List.of("bad.yaml:23:21: partial_lead.once_known names 'role', which node 'role' asks before the prospect gives"
                + " consent at node 'consent'; no partial lead is made without consent, so name a variable asked after the agreeing"
                + " option, such as 'who'"), problems(FLOW + "partial_lead:\n  once_known: [who, role]\n"));
    }

    @Test
    void aFlowThatNeverAsksForConsentCannotMakePartialLeads() {
        String noConsent = """
                start: topic
                nodes:
                  topic:
                    type: choice
                    text: What about?
                    options:
                      - {id: bots, label: Bots}
                    next: done
                  done: {type: end, text: Thanks}
                partial_lead: {once_known: topic}
                """;
        assertEquals(List.of("bad.yaml:10:16: partial_lead needs the prospect's consent to the processing of personal data, and the"
                + " flow never asks for it: a partial lead hands the owner answers the prospect did not send off; ask for consent"
                + " before the questions once_known names: a choice with an option 'consent: given' and an option 'consent:"
                + " declined' (see flows/README.md)"), problems(noConsent));
    }

    @Test
    void aMisspeltSaveAsThePointUsesIsOneReportAtTheSaveAs() {
        String misspelt = FLOW.replace("    text: Your name?\n", "    save_as: whoo\n    text: Your name?\n");
        assertEquals(List.of("bad.yaml:18:14: node 'who' saves its answer as 'whoo', which is used nowhere, while 'who' is used"
                + " (lines 2, 24) and saved by no node; write 'save_as: who'"), problems(misspelt + "partial_lead:\n  once_known: [who]\n"));
    }
}
