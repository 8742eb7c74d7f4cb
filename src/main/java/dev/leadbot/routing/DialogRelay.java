package dev.leadbot.routing;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.DialogMessage;
import dev.leadbot.console.DialogStep;
import dev.leadbot.console.OpenDialogs;
import dev.leadbot.console.ProspectDialog;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Batch;
import dev.leadbot.store.DialogChange;
import dev.leadbot.store.DialogStore;
import dev.leadbot.store.StoreException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what {@link ProspectDialog} decides about a manager's conversation with a prospect, on the chats' lanes:
 * its changes go into the update's batch (and the open conversations in memory), its messages are rendered into the
 * batch's replies (by the chat port), sent once committed: replies to the chat that wrote on its lane, copies in owner chats on
 * the bulk lane.
 */
public final class DialogRelay {

    private static final Logger LOG = LoggerFactory.getLogger(DialogRelay.class);

    /** Where the open conversations are read from. */
    public interface Loader {
        List<DialogStore.OpenDialog> load() throws StoreException;
    }

    private final OpenDialogs dialogs;
    private final ProspectDialog policy;
    private final Loader store;
    private final ChatPort chats;

    public DialogRelay(ProspectDialog policy, OpenDialogs dialogs, Loader store, ChatPort chats) {
        this.chats = chats;
        this.policy = policy;
        this.dialogs = dialogs;
        this.store = store;
    }

    /** After a failed commit: memory holds changes the disk does not, so it is read again. */
    public void reload() {
        try {
            dialogs.load(store.load());
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    /** An owner chat's message; true when it went to a prospect (or was answered about that), false when the flow takes it. */
    boolean fromOwner(Incoming.FromProspect incoming, Batch batch) {
        if (incoming.written().isEmpty()) {
            return false;
        }
        DialogStep step = decide(() -> policy.fromOwner(incoming.prospect().chatId(), incoming.prospect(), incoming.input(),
                incoming.written().get()));
        carryOut(step, batch);
        if (!step.toFlow()) {
            LOG.info("update={} owner chat={} wrote in a conversation with a prospect: {} messages", incoming.updateId(),
                    incoming.prospect().chatId(), step.messages().size());
        }
        return !step.toFlow();
    }

    /** A prospect's message while a manager talks to them; false when the flow takes it (after any change it made). */
    boolean fromProspect(Incoming.FromProspect incoming, Batch batch) {
        DialogStep step = policy.fromProspect(incoming.prospect(), incoming.input(), incoming.written());
        carryOut(step, batch);
        if (!step.changes().isEmpty() || !step.messages().isEmpty()) {
            LOG.info("update={} chat={} wrote while a manager talks to them: {} messages, {}", incoming.updateId(),
                    incoming.prospect().chatId(), step.messages().size(), step.toFlow() ? "then the flow" : "the flow waits");
        }
        return !step.toFlow();
    }

    /** "💬 Написать" or "✖ Завершить" pressed in an owner chat; returns the press's answer (empty for none). */
    String press(long ownerChat, Prospect presser, ConsoleButton.Press press, Batch batch) {
        DialogStep step = decide(() -> policy.press(ownerChat, presser, press));
        carryOut(step, batch);
        LOG.info("owner chat={} pressed {}", ownerChat, press.data());
        return step.pressAnswer();
    }

    /** {@code /close}: ends the conversation this owner chat writes to. */
    void close(long ownerChat, Prospect manager, Batch batch) {
        carryOut(policy.close(ownerChat, manager), batch);
    }

    private void carryOut(DialogStep step, Batch batch) {
        for (DialogChange change : step.changes()) {
            batch.dialog(change);
            dialogs.apply(change);
        }
        for (DialogMessage message : step.messages()) {
            batch.send(message.chatId(), List.of(chats.render(message)));
        }
    }

    private interface Decision {
        DialogStep decide() throws StoreException;
    }

    private static DialogStep decide(Decision decision) {
        try {
            return decision.decide();
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }
}
