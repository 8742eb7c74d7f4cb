package dev.leadbot.flow;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The country whose phone numbers a flow's prospects may write without a country code: the flow's
 * {@code phone_region:} (an ISO 3166 code such as RU), else the one country its language points to.
 */
public final class PhoneRegions {

    /**
     * Languages spoken mostly in one country of our markets. English, spoken in many countries with
     * different numbering, has none: an English flow names its {@code phone_region:} or asks for the code.
     */
    private static final Map<String, String> BY_LANGUAGE = Map.of("ru", "RU", "kk", "KZ", "uz", "UZ", "hy", "AM", "be", "BY",
            "ky", "KG", "tg", "TJ", "az", "AZ", "ka", "GE", "uk", "UA");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private PhoneRegions() {
    }

    /** The country a flow in {@code language} means by a number without a country code, e.g. ru → RU. */
    public static Optional<String> forLanguage(String language) {
        return Optional.ofNullable(BY_LANGUAGE.get(language));
    }

    /** Whether {@code code} is a two-letter ISO 3166 country code, written in capitals. */
    static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /** The code of a country written otherwise: 'ru', 'Russia' or 'Россия' → 'RU'. */
    static Optional<String> codeFor(String written) {
        String name = written.strip();
        String upper = name.toUpperCase(Locale.ROOT);
        if (COUNTRIES.contains(upper)) {
            return Optional.of(upper);
        }
        for (String code : COUNTRIES) {
            Locale country = new Locale.Builder().setRegion(code).build();
            if (name.equalsIgnoreCase(country.getDisplayCountry(Locale.ENGLISH)) || name.equalsIgnoreCase(country.getDisplayCountry(RUSSIAN))
                    || name.equalsIgnoreCase(country.getISO3Country())) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
