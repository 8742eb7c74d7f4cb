package dev.leadbot.routing;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.Written;
import dev.leadbot.engine.Input;
import dev.leadbot.lead.Prospect;
import java.util.Optional;

/** One update, as the service routes it: to a prospect's conversation, to a group notice, or nowhere. */
public sealed interface Incoming {

    int updateId();

    /**
     * From a private chat: an input for that chat's conversation; {@code written} is the message itself when it was one
     * (not a button press), for a conversation with a manager, which passes it on as it is.
     */
    record FromProspect(int updateId, Prospect prospect, Input input, Optional<String> callbackId, Optional<Written> written)
            implements Incoming {

        public FromProspect(int updateId, Prospect prospect, Input input, Optional<String> callbackId) {
            this(updateId, prospect, input, callbackId, Optional.empty());
        }
    }

    /**
     * An owner command ({@code /leads 5}) from a private chat: answered if the chat is an owner's, otherwise taken exactly
     * like any command the bot does not know; {@code word} is the command as typed, for that answer, and {@code written}
     * the message.
     */
    record OwnerCommand(int updateId, Prospect prospect, String word, ConsoleCommand command, Written written) implements Incoming {
    }

    /** A press of an owner's button (its data marked as the console's), or of data forged to look like one: empty. */
    record OwnerPress(int updateId, Prospect prospect, Optional<ConsoleButton.Press> press, String callbackId) implements Incoming {
    }

    /**
     * From a group or supergroup, where the bot runs no flow. It may be an owner chat (managers in a group): then
     * {@code read} is the update as an owner chat's message or press, from the member who wrote or pressed. Otherwise the
     * group hears once, if {@code tellOnce}, that the bot works in private chats.
     */
    record FromGroup(int updateId, long chatId, Incoming read, boolean tellOnce) implements Incoming {
    }

    /** Nothing to do: an edit, a service message, a member update. */
    record Skipped(int updateId, String what) implements Incoming {
    }
}
