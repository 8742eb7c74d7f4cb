package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whose numbers a flow's prospects may type without the country code: {@code phone_region:}, else the flow's language. */
class PhoneRegionTest {

    private static final String NODES = """
            start: bye
            nodes:
              bye: {type: end, text: Bye}
            """;

    @Test
    void aWrittenPhoneRegionIsTheFlows() throws InvalidFlowException {
        assertEquals(Optional.of("US"), FlowLoader.parse("us.yaml", "language: en\nphone_region: US\n" + NODES).phoneRegion());
    }

    @Test
    void withoutOneTheCountryOfTheFlowsLanguageIsTaken() throws InvalidFlowException {
        assertEquals(Optional.of("RU"), FlowLoader.parse("ru.yaml", NODES).phoneRegion());
        assertEquals(Optional.of("KZ"), FlowLoader.parse("kk.yaml", "language: kk\n" + NODES).phoneRegion());
        assertEquals(Optional.of("AM"), FlowLoader.parse("hy.yaml", "language: hy\n" + NODES).phoneRegion());
    }

    @Test
    void anEnglishFlowHasNoneUnlessItNamesOne() throws InvalidFlowException {
        assertEquals(Optional.empty(), FlowLoader.parse("en.yaml", "language: en\n" + NODES).phoneRegion());
    }

    @Test
    void aCountryWrittenByNameIsReportedWithItsCode() {
        InvalidFlowException e = assertThrows(InvalidFlowException.class,
                () -> FlowLoader.parse("bad.yaml", "phone_region: Russia\n" + NODES));

        assertEquals(List.of("bad.yaml:1:15: phone_region 'Russia' is not a country code; write 'RU': prospects may type that"
                + " country's numbers without the country code"), e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void somethingThatIsNoCountryIsReportedWithWhatToWrite() {
        InvalidFlowException e = assertThrows(InvalidFlowException.class,
                () -> FlowLoader.parse("bad.yaml", "phone_region: +7\n" + NODES));

        assertEquals(List.of("bad.yaml:1:15: phone_region '+7' is not a country code; write the two-letter ISO 3166 code of the"
                + " country, such as 'RU', 'KZ' or 'US': prospects may type that country's numbers without the country code"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
