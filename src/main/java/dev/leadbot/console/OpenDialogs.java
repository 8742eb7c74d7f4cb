package dev.leadbot.console;

import dev.leadbot.store.DialogChange;
import dev.leadbot.store.DialogStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversations managers hold open with prospects, and which owner chat writes to whom: loaded from what the store
 * holds, then kept in step with the changes each batch commits. Safe to use from every chat's lane.
 */
public final class OpenDialogs {

    private final Map<Long, Dialog> open = new HashMap<>();
    private final Map<Long, Long> writers = new HashMap<>();

    public OpenDialogs(List<DialogStore.OpenDialog> stored) {
        load(stored);
    }

    /** Memory holds changes the disk does not (a commit failed): what the disk holds replaces it. */
    public synchronized void load(List<DialogStore.OpenDialog> stored) {
        open.clear();
        writers.clear();
        for (DialogStore.OpenDialog dialog : stored) {
            open.put(dialog.prospectChatId(), new Dialog(dialog.prospectChatId(), dialog.leadId(), dialog.prospect(), dialog.openedBy()));
            dialog.writers().forEach(owner -> writers.put(owner, dialog.prospectChatId()));
        }
    }

    /** The prospect's open conversation. */
    public synchronized Optional<Dialog> with(long prospectChat) {
        return Optional.ofNullable(open.get(prospectChat));
    }

    /** The conversation an owner chat's messages go to now. */
    public synchronized Optional<Dialog> writtenFrom(long ownerChat) {
        return Optional.ofNullable(writers.get(ownerChat)).map(open::get);
    }

    public synchronized Optional<Dialog> aboutLead(String leadId) {
        return open.values().stream().filter(o -> o.leadId().equals(leadId)).findFirst();
    }

    /** Memory follows a change the batch will commit. */
    public synchronized void apply(DialogChange change) {
        if (change instanceof DialogChange.Opened opened) {
            open.put(opened.prospectChatId(), new Dialog(opened.prospectChatId(), opened.leadId(), opened.prospect(), opened.manager()));
        } else if (change instanceof DialogChange.Writing writing) {
            writers.put(writing.ownerChatId(), writing.prospectChatId());
        } else if (change instanceof DialogChange.Closed closed) {
            open.remove(closed.prospectChatId());
            writers.values().removeIf(prospect -> prospect == closed.prospectChatId());
        }
    }
}
