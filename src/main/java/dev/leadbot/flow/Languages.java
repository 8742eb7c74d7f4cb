package dev.leadbot.flow;

import java.util.Locale;
import java.util.Optional;

/** The language code for a language written out by name, e.g. 'russian' or 'русский' → 'ru'. */
final class Languages {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private Languages() {
    }

    /** The two-letter code of a three-letter one, e.g. 'eng' → 'en', when there is one. */
    static Optional<String> twoLetterCode(String code) {
        if (code.length() != 3) {
            return Optional.empty();
        }
        for (String two : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(two).getISO3Language().equals(code)) {
                return Optional.of(two);
            }
        }
        return Optional.empty();
    }

    static Optional<String> codeFor(String written) {
        String name = written.strip().toLowerCase(Locale.ROOT);
        if (name.matches("[a-z]{2}")) {
            return Optional.of(name);
        }
        for (String code : Locale.getISOLanguages()) {
            Locale language = Locale.forLanguageTag(code);
            if (name.equals(language.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))
                    || name.equals(language.getDisplayLanguage(RUSSIAN).toLowerCase(RUSSIAN))
                    || name.equals(language.getDisplayLanguage(language).toLowerCase(language))
                    || name.equals(language.getISO3Language())) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
