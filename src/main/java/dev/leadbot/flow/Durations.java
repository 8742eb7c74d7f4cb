package dev.leadbot.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spans of time as a flow writes them: a number and a unit, s, m, h or d ({@code 15m}, {@code 3h}, {@code 1d}, {@code 1h30m}).
 * The one parser of spans: the settings read theirs here too, with milliseconds besides ({@code 500ms}).
 */
public final class Durations {

    /** What a person can write, for messages. */
    static final String FORM = "a number and a unit: s, m, h or d, such as 15m, 3h or 1d";
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+[smhd])+");
    private static final Pattern WHOLE_WITH_MILLIS = Pattern.compile("(?:[0-9]+(?:ms|[smhd]))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|[smhd])");

    private Durations() {
    }

    /** The span written, or empty when it is not one (a bare number, another unit, a space inside). */
    static Optional<Duration> parse(String written) {
        return WHOLE.matcher(written).matches() ? sum(written) : Optional.empty();
    }

    /** The same, with milliseconds too ({@code 500ms}, {@code 1s500ms}): for settings such as lease timings, never in a flow. */
    public static Optional<Duration> parseWithMillis(String written) {
        return WHOLE_WITH_MILLIS.matcher(written).matches() ? sum(written) : Optional.empty();
    }

    private static Optional<Duration> sum(String written) {
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(written);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /** The span as a flow would write it: {@code 2h45m}, {@code 1d}, {@code 30s}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder written = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                written.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return written.toString();
    }
}
