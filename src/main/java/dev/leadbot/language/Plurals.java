package dev.leadbot.language;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form of a noun after a number, by the language's plural rules (Unicode CLDR's cardinal
 * categories): "1 символ, 2 символа, 5 символов, 21 символ", "1 character, 2 characters". Forms
 * are written in CLDR's order for the language: one, few, many for Russian, Ukrainian and
 * Belarusian; one, few, other for Polish, Czech and Slovak; one form for languages without
 * plurals (Chinese, Japanese, Korean…); one, other for the rest. A missing form falls back to the
 * last one given.
 */
public final class Plurals {

    private static final Set<String> EAST_SLAVIC = Set.of("ru", "uk", "be");
    private static final Set<String> WEST_SLAVIC = Set.of("cs", "sk");
    private static final Set<String> NO_PLURAL = Set.of("zh", "ja", "ko", "vi", "th", "id", "ms", "lo", "my", "km");

    private Plurals() {
    }

    /** The form of {@code forms} that goes with {@code count} in {@code language} (a code such as ru or pt-br). */
    public static String choose(String language, long count, List<String> forms) {
        if (forms.isEmpty()) {
            return "";
        }
        return forms.get(Math.min(category(primary(language), Math.abs(count)), forms.size() - 1));
    }

    /** {@code count} and its noun: {@code of("ru", 21, "балл", "балла", "баллов")} is "21 балл". */
    public static String of(String language, long count, String... forms) {
        return count + " " + choose(language, count, List.of(forms));
    }

    private static int category(String language, long n) {
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        boolean fewEnding = lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14);
        if (EAST_SLAVIC.contains(language)) {
            return lastDigit == 1 && lastTwo != 11 ? 0 : fewEnding ? 1 : 2;
        }
        if (language.equals("pl")) {
            return n == 1 ? 0 : fewEnding ? 1 : 2;
        }
        if (WEST_SLAVIC.contains(language)) {
            return n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2;
        }
        if (NO_PLURAL.contains(language)) {
            return 0;
        }
        if (language.equals("fr") || language.equals("pt")) {
            return n <= 1 ? 0 : 1;
        }
        return n == 1 ? 0 : 1;
    }

    private static String primary(String language) {
        return language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    }
}
