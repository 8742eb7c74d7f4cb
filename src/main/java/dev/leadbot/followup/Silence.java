package dev.leadbot.followup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A prospect's silence at their question: since when (their last message or press), and the reminders it has had,
 * sent or dropped as too late: how many, and when the last one was due.
 */
public record Silence(Instant since, int reminded, Optional<Instant> lastReminder) {

    public Silence {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastReminder, "lastReminder");
        if (reminded < 0 || (reminded > 0) != lastReminder.isPresent()) {
            throw new IllegalArgumentException("a silence with " + reminded + " reminders and last one " + lastReminder);
        }
    }

    /** The prospect did something at {@code at}: the count starts again. */
    public static Silence from(Instant at) {
        return new Silence(at, 0, Optional.empty());
    }

    /** The same silence once reminder {@code attempt} went out (or was dropped) at {@code at}. */
    Silence reminded(int attempt, Instant at) {
        return new Silence(since, attempt, Optional.of(at));
    }
}
