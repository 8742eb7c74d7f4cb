package dev.leadbot.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The owner tools' {@code --since}: a date (2026-11-01, UTC), a time (ISO), or a span back from now (7d, 24h); a mixin. */
final class Since {

    static final String USAGE = "--since takes a date such as 2026-11-01, a time such as 2026-11-01T09:00:00Z, or a span such as 7d or 24h";

    @Option(names = "--since", paramLabel = "WHEN", description = {"Only what happened since a date (2026-11-01), a",
            "time (ISO), or a span back from now (7d, 24h);", "default: everything"})
    private Optional<String> text = Optional.empty();

    /** The start of the period ({@link Instant#EPOCH} when not given), or empty after telling the user what to write instead. */
    Optional<Instant> from(Console console) {
        Optional<Instant> from = text.map(t -> parse(t, console.clock())).orElse(Optional.of(Instant.EPOCH));
        if (from.isEmpty()) {
            console.err().println(USAGE);
        }
        return from;
    }

    static Optional<Instant> parse(String text, Clock clock) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.matches("\\d+[dh]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return Optional.of(clock.instant().minus(value.endsWith("d") ? Duration.ofDays(amount) : Duration.ofHours(amount)));
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
