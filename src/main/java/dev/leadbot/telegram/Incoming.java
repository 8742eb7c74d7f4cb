package dev.leadbot.telegram;

import dev.leadbot.engine.Input;
import dev.leadbot.lead.Prospect;
import java.util.Optional;

/** One update, as the service routes it: to a prospect's conversation, to a group notice, or nowhere. */
sealed interface Incoming {

    int updateId();

    /** From a private chat: an input for that chat's conversation. */
    record FromProspect(int updateId, Prospect prospect, Input input, Optional<String> callbackId) implements Incoming {
    }

    /**
     * A command for owners only, such as {@code /stats 30d}, from a private chat: answered if the chat is an
     * owner's, otherwise treated exactly like any unknown command a prospect types.
     */
    record OwnerCommand(int updateId, Prospect prospect, String command, Optional<String> argument) implements Incoming {
    }

    /** From a group, supergroup or channel, where the bot does not run flows. */
    record FromGroup(int updateId, long chatId) implements Incoming {
    }

    /** Nothing to do: an edit, a service message, a member update. */
    record Skipped(int updateId, String what) implements Incoming {
    }
}
