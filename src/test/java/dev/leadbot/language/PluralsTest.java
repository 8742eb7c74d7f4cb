package dev.leadbot.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A number and its noun, for 1, 2, 5 and 21 in every language the bot's phrases and the customer's flow are written in. */
class PluralsTest {

    private static final List<Long> COUNTS = List.of(1L, 2L, 5L, 21L);

    private static List<String> counted(String language, String... forms) {
        return COUNTS.stream().map(n -> Plurals.of(language, n, forms)).toList();
    }

    @Test
    void russianHasOneFewAndMany() {
        assertEquals(List.of("1 символ", "2 символа", "5 символов", "21 символ"), counted("ru", "символ", "символа", "символов"));
        assertEquals(List.of("11 баллов", "12 баллов", "22 балла", "111 баллов"),
                List.of(11L, 12L, 22L, 111L).stream().map(n -> Plurals.of("ru", n, "балл", "балла", "баллов")).toList());
    }

    @Test
    void englishHasOneAndOther() {
        assertEquals(List.of("1 character", "2 characters", "5 characters", "21 characters"), counted("en", "character", "characters"));
    }

    @Test
    void otherLanguagesFollowTheirOwnRules() {
        assertEquals(List.of("1 znak", "2 znaki", "5 znaków", "21 znaków"), counted("pl", "znak", "znaki", "znaków"));
        assertEquals(List.of("1 символ", "2 символи", "5 символів", "21 символ"), counted("uk-UA", "символ", "символи", "символів"));
        assertEquals(List.of("1 文字", "2 文字", "5 文字", "21 文字"), counted("ja", "文字"));
    }

    private static String phrase(BotText key, String language, String param, long value) {
        Text text = key.defaults("ru");
        return text.render(language, name -> name.equals(param) ? Optional.of(String.valueOf(value)) : Optional.empty());
    }

    @Test
    void theBotsLimitsAreWordedWithoutAbbreviationsInEachLanguage() {
        assertEquals(List.of("Слишком коротко — напишите хотя бы 1 символ.", "Слишком коротко — напишите хотя бы 2 символа.",
                "Слишком коротко — напишите хотя бы 5 символов.", "Слишком коротко — напишите хотя бы 21 символ."),
                COUNTS.stream().map(n -> phrase(BotText.TOO_SHORT, "ru", "min", n)).toList());
        assertEquals(List.of("That is too long, please keep it within 1 character.", "That is too long, please keep it within 2 characters.",
                "That is too long, please keep it within 5 characters.", "That is too long, please keep it within 21 characters."),
                COUNTS.stream().map(n -> phrase(BotText.TOO_LONG, "en", "max", n)).toList());
        assertEquals(List.of("Можно отметить не больше 1 варианта.", "Можно отметить не больше 2 вариантов.",
                "Можно отметить не больше 5 вариантов.", "Можно отметить не больше 21 варианта."),
                COUNTS.stream().map(n -> phrase(BotText.TOO_MANY, "ru", "max", n)).toList());
        assertEquals(List.of("Отметьте хотя бы 1 вариант.", "Отметьте хотя бы 2 варианта.", "Отметьте хотя бы 5 вариантов.",
                "Отметьте хотя бы 21 вариант."), COUNTS.stream().map(n -> phrase(BotText.TOO_FEW, "ru", "min", n)).toList());
    }

    @Test
    void aProspectWhoseLanguageHasNoTextReadsTheFallbackWithItsOwnPlurals() {
        // Kazakh speakers read the Russian phrases: Russian forms need Russian rules.
        assertEquals("Слишком коротко — напишите хотя бы 5 символов.", phrase(BotText.TOO_SHORT, "kk", "min", 5));
        Text owners = new Text("Нужно {n} {n:слово|слова|слов}", Map.of("ru", "Нужно {n} {n:слово|слова|слов}"), dev.leadbot.flow.Position.BUILT_IN);
        assertEquals("Нужно 2 слова", owners.render("de", name -> Optional.of("2")));
    }
}
