package dev.leadbot.flow;

import java.util.Locale;
import java.util.Optional;

/** The language code for a language written out by name, e.g. 'russian' or 'русский' → 'ru'. */
final class Languages {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private Languages() {
    }

    static Optional<String> codeFor(String written) {
        String name = written.strip().toLowerCase(Locale.ROOT);
        if (name.matches("[a-z]{2,3}")) {
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
