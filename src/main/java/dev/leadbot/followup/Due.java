package dev.leadbot.followup;

import java.time.Instant;
import java.util.Objects;

/** What a silent conversation has coming next, and when. */
public sealed interface Due {

    Instant at();

    /** Reminder {@code attempt} (from 1) of the question's follow-ups. */
    record Reminder(int attempt, Instant at) implements Due {
        public Reminder {
            Objects.requireNonNull(at, "at");
            if (attempt < 1) {
                throw new IllegalArgumentException("reminder " + attempt);
            }
        }
    }

    /** The conversation counts as abandoned. */
    record Abandon(Instant at) implements Due {
        public Abandon {
            Objects.requireNonNull(at, "at");
        }
    }
}
