package dev.leadbot.engine;

import dev.leadbot.lead.Lead;
import java.util.Objects;
import java.util.Optional;

/** Something the engine wants shown or done; adapters turn it into messages or lines. */
public sealed interface Output {

    /** A message that asks nothing. */
    record Say(String text, Keyboard keyboard) implements Output {
        public Say {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(keyboard, "keyboard");
        }
    }

    /** A question of {@code node}; its buttons carry {@code step}, which later edits refer to. */
    record Ask(int step, String node, String text, Keyboard keyboard) implements Output {
        public Ask {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(keyboard, "keyboard");
        }
    }

    /** Changes the question of {@code node} shown at {@code step}: its text when present, and its buttons. */
    record Edit(int step, String node, Optional<String> text, Keyboard keyboard) implements Output {
        public Edit {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(keyboard, "keyboard");
        }
    }

    /** A short notice: a pop-up answer to a button press, or a brief message otherwise. */
    record Notice(String text) implements Output {
        public Notice {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The prospect confirmed /forget: delete the conversation and every lead stored for this chat. */
    record Forgotten() implements Output {
    }

    /**
     * The prospect reached an end after declining consent: there is no lead, nothing goes to the
     * owner or the sinks, and the adapter deletes the conversation, which names the person.
     * {@code flow} and {@code end} say where, for anonymous counts.
     */
    record Declined(String flow, String end) implements Output {
        public Declined {
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(end, "end");
        }
    }

    /** The prospect reached an end: the lead is ready for the owner and the sinks. */
    record Completed(Lead lead) implements Output {
        public Completed {
            Objects.requireNonNull(lead, "lead");
        }
    }
}
