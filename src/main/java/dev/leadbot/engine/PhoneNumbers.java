package dev.leadbot.engine;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a phone number the way prospects in our markets type it, into international form.
 * Deliberately lenient: a manager calls the number back, so an unusual but plausible number
 * is better kept than refused.
 */
final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\-().‐‑–]");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d{10,15}");

    private PhoneNumbers() {
    }

    /** {@code +79161234567} for "8 (916) 123-45-67"; empty when it is not a phone number. */
    static Optional<String> normalise(String typed) {
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (!DIGITS.matcher(compact).matches()) {
            return Optional.empty();
        }
        if (compact.startsWith("+")) {
            return Optional.of(compact);
        }
        // Russia and Kazakhstan dial "8" for "+7"; a bare ten-digit number starting with 9 is a Russian mobile.
        if (compact.length() == 11 && compact.startsWith("8")) {
            return Optional.of("+7" + compact.substring(1));
        }
        if (compact.length() == 10 && compact.startsWith("9")) {
            return Optional.of("+7" + compact);
        }
        return Optional.of("+" + compact);
    }
}
