package dev.leadbot.sink;

import java.util.Objects;

/** What {@code leadbot sinks check} found for one sink. */
public sealed interface SinkCheck {

    /** The settings are usable; {@code what} says what was verified, e.g. the CRM account reached. */
    record Passed(String what) implements SinkCheck {
        public Passed {
            Objects.requireNonNull(what, "what");
        }
    }

    /** What a failed harmless read means for the check: the reason a delivery would have given. */
    static SinkCheck failed(Delivery failure) {
        if (failure instanceof Delivery.Failed failed) {
            return new Failed(failed.reason());
        }
        if (failure instanceof Delivery.RetryLater later) {
            return new Failed(later.reason());
        }
        throw new IllegalArgumentException("a delivery is no failure: " + failure);
    }

    /** The sink would fail; {@code whatToDo} says what is wrong and how to fix it. */
    record Failed(String whatToDo) implements SinkCheck {
        public Failed {
            Objects.requireNonNull(whatToDo, "whatToDo");
        }
    }
}
