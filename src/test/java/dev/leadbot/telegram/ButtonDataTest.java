package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Input;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ButtonDataTest {

    @Test
    void everyKindOfActionHasItsOwnCode() {
        long kinds = java.util.Arrays.stream(Action.class.getPermittedSubclasses()).count();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (Action action : new Action[] {new Action.Pick("a"), new Action.Toggle("a"), new Action.Done(), new Action.GoBack(),
                new Action.Resume(), new Action.StartOver(), new Action.ConfirmForget(), new Action.KeepData()}) {
            codes.add(ButtonData.encode(1, "n", action).split(":")[2]);
        }

        assertEquals(kinds, codes.size());
    }

    @Test
    void everyActionSurvivesTheRoundTrip() {
        for (Action action : new Action[] {new Action.Pick("owner"), new Action.Toggle("crm"), new Action.Done(), new Action.GoBack(),
                new Action.Resume(), new Action.StartOver(), new Action.ConfirmForget(), new Action.KeepData()}) {
            String data = ButtonData.encode(12, "role", action);
            assertEquals(Optional.of(new Input.Press(12, "role", action)), ButtonData.decode(data), data);
        }
    }

    @Test
    void theLongestIdsTheValidatorAllowsFitIntoSixtyFourBytes() {
        String data = ButtonData.encode(Integer.MAX_VALUE, "n".repeat(25), new Action.Pick("o".repeat(25)));

        assertEquals(64, data.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "1:role", "1:role:p", "1:role:d:extra", "x:role:p:a", "1:ro le:p:a", "1:role:z:a",
            "99999999999:role:p:a", "1:role:p:a:b", "1:роль:p:a"})
    void malformedDataIsRefused(String data) {
        assertEquals(Optional.empty(), ButtonData.decode(data));
    }

    @Test
    void dataOverSixtyFourBytesIsRefused() {
        assertEquals(Optional.empty(), ButtonData.decode("1:role:p:" + "a".repeat(56)));
    }
}
