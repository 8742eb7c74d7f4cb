package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "+7 916 123-45-67     | +79161234567",
            "8 (916) 123-45-67    | +79161234567",
            "79161234567          | +79161234567",
            "9161234567           | +79161234567",
            "8 701 555 12 34      | +77015551234",
            "+998 90 123 45 67    | +998901234567",
            "998901234567         | +998901234567",
            "+374 10 123456       | +37410123456",
            "+1 (202) 555-0143    | +12025550143",
            "+7 916 123 45 67     | +79161234567"})
    void numbersAsPeopleTypeThemBecomeInternational(String typed, String expected) {
        assertEquals(Optional.of(expected), PhoneNumbers.normalise(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "call me", "12345", "+7 916 123", "1234567890123456", "+7 916 12a 45 67", "++79161234567"})
    void anythingElseIsNotAPhone(String typed) {
        assertEquals(Optional.empty(), PhoneNumbers.normalise(typed));
    }
}
