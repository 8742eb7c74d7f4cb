package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.testing.Flows;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingAndTemplatingTest {

    @Test
    void aRuleOnAnEarlierAnswerDecidesWhereTheFlowGoes() {
        ScriptedChat red = MiniFlow.chat().start().press("Red").press("Apple", "Done").press("Agree");
        ScriptedChat blue = MiniFlow.chat().start().press("Синий").press("Apple", "Done").press("Agree");

        assertEquals("who", red.state().node());
        assertEquals("phone", blue.state().node());
    }

    @Test
    void aRuleOnAChecklistMatchesWhenAnyOfItsValuesIsTicked() {
        ScriptedChat chat = new ScriptedChat(Flows.parse("""
                start: pick
                nodes:
                  pick:
                    type: multi_select
                    text: Pick
                    options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]
                    next:
                      - if: {pick: [b, c]}
                        goto: has_b
                      - goto: no_b
                  has_b: {type: end, text: with b}
                  no_b: {type: end, text: without b}
                """)).start().press("A", "B", "Готово");

        assertEquals(List.of("Pick\n\n✔️ A и B\n\nwith b"), chat.texts());
    }

    @Test
    void textsShowTheProspectsNameAndEarlierAnswersByTheirLabels() {
        ScriptedChat chat = Walks.finishMiniFlow(MiniFlow.chat());

        assertEquals("Thanks! You picked Apple и Banana.", chat.texts().get(chat.texts().size() - 1));
    }

    @Test
    void aTypedAnswerIsShownAsTyped() {
        ScriptedChat chat = new ScriptedChat(Flows.parse("""
                start: ask
                nodes:
                  ask:
                    type: input
                    save_as: city
                    text: Your city?
                    next: bye
                  bye:
                    type: end
                    text: "{city}? Nice!"
                """)).start().type("Алматы");

        assertEquals(List.of("Алматы? Nice!"), chat.texts());
    }

    @Test
    void aPhoneAnsweredAgainIsConfirmedWithTheNewNumberNotTheEarlierAnswer() {
        ScriptedChat chat = new ScriptedChat(Flows.parse("""
                start: ok
                nodes:
                  ok:
                    type: choice
                    text: May we call you?
                    options:
                      - {id: yes, label: "Yes", consent: given, next: phone}
                      - {id: no, label: "No", consent: declined, next: bye}
                  phone:
                    type: input
                    kind: phone
                    text: Phone?
                    next: again
                  again:
                    type: choice
                    text: Change it?
                    options:
                      - {id: change, label: Change, next: phone}
                      - {id: keep, label: Keep, next: bye}
                  bye: {type: end, text: Bye}
                """)).start().press("Yes").type("+7 916 111 11 11").press("Change");

        chat.type("+7 916 222 22 22");

        assertEquals("📞 Записал номер: +7 916 222-22-22", chat.texts().get(0));
    }

    @Test
    void theOwnersOverridesOfBotPhrasesMayUseTheProspectsName() {
        ScriptedChat chat = new ScriptedChat(Flows.parse("""
                start: ask
                texts:
                  use_buttons: "{name}, the buttons, please"
                  reask_email: {ru: "{name}, проверьте адрес", en: "{name}, check the address"}
                nodes:
                  ask:
                    type: choice
                    text: Go on?
                    options:
                      - {id: go, label: Go, consent: given, next: email}
                      - {id: stop, label: Stop, consent: declined, next: bye}
                  email:
                    type: input
                    kind: email
                    text: E-mail?
                    next: bye
                  bye: {type: end, text: Bye}
                """)).start();

        assertEquals(List.of("Anna, the buttons, please"), chat.type("hmm").type("hmm").texts());
        assertEquals(List.of("Anna, проверьте адрес"), chat.press("Go").type("not an address").texts());
    }
}
