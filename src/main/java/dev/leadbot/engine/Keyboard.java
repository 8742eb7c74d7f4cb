package dev.leadbot.engine;

import java.util.List;
import java.util.Objects;

/** What a message offers under it. */
public sealed interface Keyboard {

    /** Nothing under the message (and any inline buttons of an edited message removed). */
    record None() implements Keyboard {
    }

    /** Buttons under the message, row by row. */
    record Buttons(List<List<Button>> rows) implements Keyboard {
        public Buttons {
            rows = rows.stream().map(List::copyOf).toList();
        }

        /**
         * The buttons a typed number stands for, the first being 1: every button but the way
         * back, in order, so a number is always an answer and never navigation.
         */
        public List<Button> numbered() {
            return rows.stream().flatMap(List::stream).filter(b -> !(b.action() instanceof Action.GoBack)).toList();
        }
    }

    /** A keyboard in place of the text field with one button that shares the prospect's phone. */
    record RequestContact(String label) implements Keyboard {
        public RequestContact {
            Objects.requireNonNull(label, "label");
        }
    }

    /** Takes away an earlier {@link RequestContact} keyboard. */
    record RemoveRequest() implements Keyboard {
    }

    /** One button: what it reads and what pressing it does. */
    record Button(String label, Action action) {
        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(action, "action");
        }
    }

    static Keyboard none() {
        return new None();
    }
}
