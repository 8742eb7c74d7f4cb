package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    private static final PhoneNumbers RUSSIA = new PhoneNumbers(Optional.of("RU"));

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource(delimiter = '|', value = {
            "8 (916) 123-45-67    | +7 916 123-45-67",
            "+1 (415) 555-0134    | +1 415-555-0134",
            "+998901234567        | +998 90 123 45 67",
            "+374 77 12 34 56     | +374 77 123456",
            "87011234567          | +7 701 123 4567"})
    void aNumberIsShownGroupedAsItsCountryWritesItWithItsCode(String typed, String shown) {
        assertEquals(shown, RUSSIA.typed(typed).orElseThrow().shown());
    }

    @Test
    void theExampleIsAMobileNumberOfTheFlowsRegion() {
        assertEquals("+7 912 345-67-89", RUSSIA.example(Optional.of("US")));
        assertEquals("+998 91 234 56 78", new PhoneNumbers(Optional.of("UZ")).example(Optional.empty()));
    }

    @Test
    void withoutARegionTheExampleIsOfTheProspectsLanguageElseTheUs() {
        PhoneNumbers none = new PhoneNumbers(Optional.empty());

        assertEquals("+7 771 000 9998", none.example(Optional.of("KZ")));
        assertEquals("+1 201-555-0123", none.example(Optional.empty()));
    }

    @Test
    void aSharedContactIsReadWithOrWithoutThePlus() {
        assertEquals(Optional.of(new PhoneNumbers.Phone("+79161234567", "+7 916 123-45-67")), PhoneNumbers.shared("79161234567"));
        assertEquals(Optional.of(new PhoneNumbers.Phone("+37477123456", "+374 77 123456")), PhoneNumbers.shared("+374 77 123456"));
        assertEquals(Optional.empty(), PhoneNumbers.shared("12"));
    }

    @Test
    void aNumberWrittenAmongWordsIsFound() {
        assertEquals(Optional.of("+79161234567"), RUSSIA.within("Анна, 8 916 123-45-67").map(PhoneNumbers.Phone::e164));
        assertEquals(Optional.empty(), RUSSIA.within("Анна, 12 лет в деле"));
    }
}
