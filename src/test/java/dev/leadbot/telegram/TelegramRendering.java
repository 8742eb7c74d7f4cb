package dev.leadbot.telegram;

import dev.leadbot.console.DialogMessage;
import dev.leadbot.engine.Output;
import dev.leadbot.lead.Lead;
import java.util.List;
import java.util.Optional;

/**
 * What the adapter stores and shows, for the tests of other packages that set up a database as a crashed run left it, or
 * compare an owner's message with the summary it must carry.
 */
public final class TelegramRendering {

    private TelegramRendering() {
    }

    /** The stored replies for the engine's outputs to {@code chat}, as the chat port renders them into the batch. */
    public static List<String> replies(long chat, List<Output> outputs) {
        return Replies.render(chat, outputs, Optional.empty(), Outbox.Origin.REPLY).payloads();
    }

    /** The stored copy of a message into an owner chat, on the bulk lane. */
    public static String copy(long toChat, long fromChat, int messageId) {
        return TelegramChats.stored(new DialogMessage.Copy(toChat, fromChat, messageId, DialogMessage.Lane.BOT));
    }

    /** A lead's summary in a digest, in HTML. */
    public static String compact(Lead lead) {
        return OwnerSummaryHtml.compact(lead);
    }

}
