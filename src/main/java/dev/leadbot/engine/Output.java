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

    /**
     * A question of {@code node}; its buttons carry {@code step}, which later edits refer to.
     * {@code repeated}: the same question shown again below the prospect's message (one that was
     * not an answer, or options of a checklist typed), not a new question reached.
     */
    record Ask(int step, String node, String text, Keyboard keyboard, boolean repeated) implements Output {
        public Ask {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(keyboard, "keyboard");
        }
    }

    /** Changes the buttons of the question of {@code node} shown at {@code step}. */
    record Edit(int step, String node, Keyboard keyboard) implements Output {
        public Edit {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(keyboard, "keyboard");
        }
    }

    /**
     * The question of {@code node} shown at {@code step} was answered: it now reads as
     * {@code question} with the {@code answer} under it and no buttons, followed by {@code after}
     * (what the flow says next, when it needs no message of its own).
     */
    record Answered(int step, String node, String question, String answer, Optional<String> after) implements Output {

        /** The mark before an answer shown in its question. */
        public static final String MARK = "✔️ ";

        public Answered {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(after, "after");
        }

        /** The whole message as it reads once answered. */
        public String text() {
            return question + "\n\n" + MARK + answer + after.map(more -> "\n\n" + more).orElse("");
        }

        Answered followedBy(String more) {
            return new Answered(step, node, question, answer, Optional.of(more));
        }
    }

    /**
     * A short notice: a pop-up answer to a button press, or a brief message otherwise; a brief message always when
     * it takes a keyboard away (leaving the phone question takes away its "share my number" button).
     */
    record Notice(String text, Keyboard keyboard) implements Output {
        public Notice {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(keyboard, "keyboard");
        }

        public Notice(String text) {
            this(text, Keyboard.none());
        }
    }

    /**
     * A short reminder that the question still waits for one of its buttons: the question was
     * already shown again below an earlier message that was not an answer.
     */
    record Reminder(String text) implements Output {
        public Reminder {
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

    /**
     * The prospect abandoned the conversation past the flow's partial-lead point, having given
     * consent: the lead so far (marked partial, with where they stopped) is ready for the owner and
     * the sinks, like a completed one. Made once per conversation.
     */
    record Partial(Lead lead) implements Output {
        public Partial {
            Objects.requireNonNull(lead, "lead");
            if (!lead.partial()) {
                throw new IllegalArgumentException("lead " + lead.id() + " is complete, not partial");
            }
        }
    }
}
