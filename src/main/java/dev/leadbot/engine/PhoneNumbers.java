package dev.leadbot.engine;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers read by libphonenumber, every country's numbering plan: a typed number counts only
 * when it exists in its country, and one written without a country code is read as a number of
 * the flow's region (8 916… in Russia, (415) 555… in the US).
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    /** Digits and what people put between them; a letter is never read as a digit (no 1-800-FLOWERS). */
    private static final Pattern WRITTEN = Pattern.compile("\\+?[\\d\\s\\u00a0\\u202f\\-().‐‑–—]*\\d[\\d\\s\\u00a0\\u202f\\-().‐‑–—]*");
    /** The region libphonenumber reads as "none": only numbers with a country code parse. */
    private static final String NO_REGION = "ZZ";
    /** Where the example number comes from when the flow names no region. */
    private static final String EXAMPLE_FALLBACK = "US";

    /** A number that exists: stored in E.164, shown grouped as its country writes it, with its country code. */
    record Phone(String e164, String shown) {
    }

    private final Optional<String> region;

    /** @param region the country of numbers typed without a country code; empty: only numbers with one are read */
    PhoneNumbers(Optional<String> region) {
        this.region = region;
    }

    /** The number typed, when it is one valid in its country: "8 (916) 123-45-67" in Russia is +79161234567. */
    Optional<Phone> typed(String text) {
        String written = text.strip();
        if (!WRITTEN.matcher(written).matches()) {
            return Optional.empty();
        }
        return parse(written, region.orElse(NO_REGION)).filter(NUMBERS::isValidNumber).map(PhoneNumbers::phone);
    }

    /** A valid number written inside other words ("Anna, 8 916 123-45-67"), the first one if there are several. */
    Optional<Phone> within(String text) {
        for (PhoneNumberMatch match : NUMBERS.findNumbers(text, region.orElse(NO_REGION), PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            if (WRITTEN.matcher(match.rawString()).matches()) {
                return Optional.of(phone(match.number()));
            }
        }
        return Optional.empty();
    }

    /**
     * The number of a contact shared from Telegram, which sends it without "+". Telegram confirmed the
     * number by a code sent to it, so one of a possible length is kept even before libphonenumber's
     * plan for its country lists it.
     */
    static Optional<Phone> shared(String telegramPhone) {
        String digits = telegramPhone.replaceAll("\\D", "");
        return parse("+" + digits, NO_REGION).filter(NUMBERS::isPossibleNumber).map(PhoneNumbers::phone);
    }

    /** A mobile number of the flow's region (else {@code fallback}'s, else the US) as its people write it, with the country code. */
    String example(Optional<String> fallback) {
        String country = region.or(() -> fallback).orElse(EXAMPLE_FALLBACK);
        PhoneNumber example = Optional.ofNullable(NUMBERS.getExampleNumberForType(country, PhoneNumberUtil.PhoneNumberType.MOBILE))
                .orElseGet(() -> NUMBERS.getExampleNumberForType(EXAMPLE_FALLBACK, PhoneNumberUtil.PhoneNumberType.MOBILE));
        return NUMBERS.format(example, PhoneNumberFormat.INTERNATIONAL);
    }

    private static Optional<PhoneNumber> parse(String written, String region) {
        try {
            return Optional.of(NUMBERS.parse(written, region));
        } catch (NumberParseException notANumber) {
            // Not a number in any plan: the caller asks again, which is all there is to do with it.
            return Optional.empty();
        }
    }

    private static Phone phone(PhoneNumber number) {
        return new Phone(NUMBERS.format(number, PhoneNumberFormat.E164), NUMBERS.format(number, PhoneNumberFormat.INTERNATIONAL));
    }
}
