package dev.leadbot.config;

import dev.leadbot.flow.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How often an instance renews its leases, and how long a lease or an instance row lives without renewal: a killed
 * instance's bots are taken within about expiry plus one heartbeat.
 */
public record LeaseTimings(Duration heartbeat, Duration expiry) {

    /** Heartbeat every 5 s, expiry after 15 s: takeover within about 20 s, plus the bot's start. */
    public static final LeaseTimings STANDARD = new LeaseTimings(Duration.ofSeconds(5), Duration.ofSeconds(15));
    static final String HEARTBEAT = "leadbot.lease.heartbeat";
    static final String EXPIRY = "leadbot.lease.expiry";

    public LeaseTimings {
        Optional<String> wrong = mistake(heartbeat, expiry);
        if (wrong.isPresent()) {
            throw new IllegalArgumentException(wrong.get());
        }
    }

    /**
     * {@link #STANDARD}, unless the system properties {@code leadbot.lease.heartbeat} and {@code leadbot.lease.expiry} say
     * otherwise (tests and benchmarks only); empty after adding every mistake in them to {@code found}.
     */
    public static Optional<LeaseTimings> fromSystemProperties(List<SettingsProblem> found) {
        return from(System.getProperties(), found);
    }

    /** The same, from {@code properties}: each a span as settings write them ({@code 5s}, {@code 500ms}) or ISO-8601 ({@code PT5S}). */
    static Optional<LeaseTimings> from(Properties properties, List<SettingsProblem> found) {
        List<SettingsProblem> wrong = new ArrayList<>();
        Optional<Duration> heartbeat = property(properties, HEARTBEAT, STANDARD.heartbeat(), wrong);
        Optional<Duration> expiry = property(properties, EXPIRY, STANDARD.expiry(), wrong);
        if (heartbeat.isPresent() && expiry.isPresent()) {
            mistake(heartbeat.get(), expiry.get()).ifPresent(mistake -> wrong.add(SettingsProblem.of(mistake, "")));
        }
        found.addAll(wrong);
        return wrong.isEmpty() ? Optional.of(new LeaseTimings(heartbeat.orElseThrow(), expiry.orElseThrow())) : Optional.empty();
    }

    private static Optional<String> mistake(Duration heartbeat, Duration expiry) {
        if (heartbeat.isNegative() || heartbeat.isZero() || expiry.compareTo(heartbeat.multipliedBy(2)) < 0) {
            return Optional.of("-D" + HEARTBEAT + "=" + heartbeat + " and -D" + EXPIRY + "=" + expiry
                    + ": the expiry must be at least two heartbeats, so one late heartbeat does not lose every bot");
        }
        return Optional.empty();
    }

    private static Optional<Duration> property(Properties properties, String name, Duration otherwise, List<SettingsProblem> wrong) {
        String text = properties.getProperty(name);
        if (text == null) {
            return Optional.of(otherwise);
        }
        Optional<Duration> span = Durations.parseWithMillis(text.strip().toLowerCase(Locale.ROOT));
        if (span.isPresent()) {
            return span;
        }
        try {
            return Optional.of(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            wrong.add(SettingsProblem.of("-D" + name + "=" + text + ": write a duration such as 5s, 500ms or PT5S", ""));
            return Optional.empty();
        }
    }
}
