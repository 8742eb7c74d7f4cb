package dev.leadbot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 100 phone numbers as prospects write them (Russia, Kazakhstan, Uzbekistan, Armenia, the US; with
 * and without the country code, spaced, bracketed, dashed, 8 for +7; and ones that are not numbers),
 * each read in a flow of the region in the first column ("-": a flow without one). The third column
 * is the number stored, or "ask again". A wrong phone is one stored that the prospect did not mean.
 */
class PhoneCorpusTest {

    private static final String ASK_AGAIN = "ask again";

    /** region | as typed | expected. */
    private static final String CORPUS = """
            RU | +7 916 123-45-67 | +79161234567
            RU | 8 (916) 123-45-67 | +79161234567
            RU | 89161234567 | +79161234567
            RU | 79161234567 | +79161234567
            RU | 9161234567 | +79161234567
            RU | +7(916)1234567 | +79161234567
            RU | 8-916-123-45-67 | +79161234567
            RU | 8(916)123-45-67 | +79161234567
            RU | 7 916 123 45 67 | +79161234567
            RU | 916 123 45 67 | +79161234567
            RU | +7 916 1234 567 | +79161234567
            RU | +7 (916) 123–45–67 | +79161234567
            RU | +7 495 123-45-67 | +74951234567
            RU | 8 (495) 123 45 67 | +74951234567
            RU | 8 812 309-45-67 | +78123094567
            RU | +7 (999) 000-11-22 | +79990001122
            RU | 8 800 555-35-35 | +78005553535
            RU | +998 90 123 45 67 | +998901234567
            RU | +374 77 123456 | +37477123456
            RU | +7 701 123 45 67 | +77011234567
            RU | +1 415 555 0134 | +14155550134
            RU | 8 10 374 77 123456 | +37477123456
            RU | +7 100 123 45 67 | ask again
            RU | 8 (916) 123-45-6 | ask again
            RU | 8 916 123 45 678 | ask again
            RU | +7 916 ABC-45-67 | ask again
            RU | 8 916 123-45-67 доб. 12 | ask again
            RU | 123-45-67 | ask again
            RU | +8 916 123 45 67 | ask again
            RU | позвоните мне | ask again
            RU | 8 916 123 45 67 или 8 903 123 45 67 | ask again
            RU | ++7 916 123 45 67 | ask again
            KZ | +7 701 123 4567 | +77011234567
            KZ | 8 701 123 45 67 | +77011234567
            KZ | 87011234567 | +77011234567
            KZ | 8 (727) 250-12-34 | +77272501234
            KZ | +7 (777) 123-45-67 | +77771234567
            KZ | 7 747 123 45 67 | +77471234567
            KZ | 701 123 4567 | +77011234567
            KZ | +7 705 123 45 67 | +77051234567
            KZ | 8 (7172) 12-34-56 | +77172123456
            KZ | 8-702-555-66-77 | +77025556677
            KZ | +7 916 123-45-67 | +79161234567
            KZ | 8 701 123 45 | ask again
            KZ | +7 701 ABC 45 67 | ask again
            KZ | +7 600 123 4567 | ask again
            KZ | 8 (701) 123-45-67-8 | ask again
            KZ | 45-67-89 | ask again
            UZ | +998 90 123 45 67 | +998901234567
            UZ | +998 (90) 123-45-67 | +998901234567
            UZ | 998901234567 | +998901234567
            UZ | 90 123 45 67 | +998901234567
            UZ | 901234567 | +998901234567
            UZ | (90) 123-45-67 | +998901234567
            UZ | +998 71 234 56 78 | +998712345678
            UZ | +998 93 555 44 33 | +998935554433
            UZ | +998 97 777 77 77 | +998977777777
            UZ | +998 99 811 22 33 | +998998112233
            UZ | 94-555-12-34 | +998945551234
            UZ | +7 916 123 45 67 | +79161234567
            UZ | +998 90 123 45 6 | ask again
            UZ | +998 90 123 45 678 | ask again
            UZ | +998 10 123 45 67 | ask again
            UZ | 123 45 67 | ask again
            UZ | +998 9O 123 45 67 | ask again
            AM | +374 77 123456 | +37477123456
            AM | 077 123456 | +37477123456
            AM | 077 12 34 56 | +37477123456
            AM | (077) 123-456 | +37477123456
            AM | +374 10 123456 | +37410123456
            AM | 010 123456 | +37410123456
            AM | +374 (91) 123-456 | +37491123456
            AM | 37499123456 | +37499123456
            AM | +374 55 123 456 | +37455123456
            AM | 093 12 34 56 | +37493123456
            AM | +7 916 123 45 67 | +79161234567
            AM | +374 77 12345 | ask again
            AM | +374 77 1234567 | ask again
            AM | 12 34 56 | ask again
            US | (415) 555-0134 | +14155550134
            US | 415-555-0134 | +14155550134
            US | 415.555.0134 | +14155550134
            US | +1 415 555 0134 | +14155550134
            US | 1 (415) 555-0134 | +14155550134
            US | 1-415-555-0134 | +14155550134
            US | 4155550134 | +14155550134
            US | +1 (202) 555-0143 | +12025550143
            US | (212) 555-0199 | +12125550199
            US | +1 650 253 0000 | +16502530000
            US | 011 7 916 123 45 67 | +79161234567
            US | 1-800-FLOWERS | ask again
            US | (415) 555-013 | ask again
            US | (123) 456-7890 | ask again
            US | 555-0134 | ask again
            - | +7 916 123-45-67 | +79161234567
            - | +1 415 555 0134 | +14155550134
            - | +998 90 123 45 67 | +998901234567
            - | +374 77 123456 | +37477123456
            - | (415) 555-0134 | ask again
            - | 8 916 123 45 67 | ask again
            """;

    private record Form(String region, String typed, String expected) {
    }

    @Test
    void everyWrittenFormIsStoredAsTheNumberMeantOrAskedAgainNeverAsAnotherNumber() {
        List<Form> forms = CORPUS.lines().map(line -> line.split("\\|")).map(cells -> new Form(cells[0].strip(), cells[1].strip(),
                cells[2].strip())).toList();
        int stored = 0;
        int askedAgain = 0;
        List<String> wrong = new ArrayList<>();
        for (Form form : forms) {
            PhoneNumbers phones = new PhoneNumbers(form.region().equals("-") ? Optional.empty() : Optional.of(form.region()));
            String got = phones.typed(form.typed()).map(PhoneNumbers.Phone::e164).orElse(ASK_AGAIN);
            if (!got.equals(form.expected())) {
                wrong.add(form.region() + " '" + form.typed() + "': " + got + ", not " + form.expected());
            } else if (got.equals(ASK_AGAIN)) {
                askedAgain++;
            } else {
                stored++;
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("100 written forms: 71 stored as the number meant, 29 asked again, 0 wrong",
                forms.size() + " written forms: " + stored + " stored as the number meant, " + askedAgain + " asked again, "
                        + wrong.size() + " wrong");
    }
}
