package dev.leadbot.console;

import dev.leadbot.store.DialogChange;
import java.util.List;

/**
 * What an update does to the conversations between managers and prospects, decided by {@link ProspectDialog}: the changes
 * to record (committed with the update), the messages to send, whether the update still goes on to the prospect's flow,
 * and the answer to a button press (empty for none).
 */
public record DialogStep(boolean toFlow, List<DialogChange> changes, List<DialogMessage> messages, String pressAnswer) {

    /** Nothing to do with a conversation: the flow takes the update as always. */
    public static final DialogStep FLOW = new DialogStep(true, List.of(), List.of(), "");

    public DialogStep {
        changes = List.copyOf(changes);
        messages = List.copyOf(messages);
    }
}
