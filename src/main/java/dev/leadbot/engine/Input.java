package dev.leadbot.engine;

import java.util.Objects;
import java.util.Optional;

/** Something the prospect did, as the engine sees it: messenger details already stripped. */
public sealed interface Input {

    /** {@code /start}, with the deep-link payload (the lead source) if the link had one. */
    record Start(Optional<String> payload) implements Input {
        public Start {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** A button press, carrying the step and node of the question the button was shown with. */
    record Press(int step, String node, Action action) implements Input {
        public Press {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(action, "action");
        }
    }

    /** A typed message. */
    record Typed(String text) implements Input {
        public Typed {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A shared contact card; {@code own} tells whether it is the prospect's own. */
    record SharedContact(String phone, boolean own) implements Input {
        public SharedContact {
            Objects.requireNonNull(phone, "phone");
        }
    }

    /** {@code /back}: undo the last answer. */
    record Back() implements Input {
    }

    /** {@code /forget}: the prospect asks to delete everything stored about them (asked to confirm first). */
    record Forget() implements Input {
    }

    /** {@code /restart}: drop the answers and begin again. */
    record Restart() implements Input {
    }

    /** A command the bot does not know, such as {@code /help} or {@code /stop}. */
    record UnknownCommand(String command) implements Input {
        public UnknownCommand {
            Objects.requireNonNull(command, "command");
        }
    }

    /** A sticker, photo, voice message, file or anything else the flow cannot take. */
    record Unsupported() implements Input {
    }

    /**
     * The prospect has been silent at the question long enough for reminder {@code attempt} (from 1) of its
     * follow-ups: the schedule says when, the store keeps the timer, the service feeds it in with the time.
     */
    record FollowUpDue(int attempt) implements Input {
    }

    /**
     * The prospect has been silent long enough that the conversation counts as abandoned (the
     * follow-ups' schedule decides when). Not the prospect's doing: it answers nothing to them;
     * past the flow's partial-lead point, with consent given, it makes the one partial lead.
     */
    record Abandoned() implements Input {
    }
}
