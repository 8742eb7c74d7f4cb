package dev.leadbot.console;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A span back from now as owners write it: {@code 7d}, {@code 24h} (or {@code 7д}, {@code 24ч}); up to a year. */
public final class Periods {

    private Periods() {
    }

    public static Optional<Duration> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.matches("\\d{1,4}[dhдч]")) {
            return Optional.empty();
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        Duration period = value.endsWith("d") || value.endsWith("д") ? Duration.ofDays(amount) : Duration.ofHours(amount);
        return period.isZero() || period.compareTo(Duration.ofDays(366)) > 0 ? Optional.empty() : Optional.of(period);
    }
}
