package dev.leadbot.sink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one attempt to hand a lead to a sink ended. */
public sealed interface Delivery {

    /** The lead arrived; {@code reference} is the destination's own id for it, if it gives one. */
    record Delivered(Optional<String> reference) implements Delivery {
        public Delivered {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Worth trying again, after {@code after} when the destination says how long to wait. */
    record RetryLater(Optional<Duration> after, String reason) implements Delivery {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Will never succeed as configured; {@code reason} says what a person must fix. */
    record Failed(String reason) implements Delivery {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
