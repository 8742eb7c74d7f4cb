package dev.leadbot.telegram;

import dev.leadbot.store.DialogChange;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversations managers hold open with prospects, and which owner chat writes to whom: read from the store at
 * start, then kept in memory in step with what each batch commits (and read again after a commit failed).
 */
final class Dialogs {

    /** A prospect's open conversation with the managers, about one of their leads, opened by {@code manager}. */
    record Open(long prospectChat, String leadId, String prospect, String manager) {
    }

    /** Where the open conversations are read from. */
    interface Loader {
        List<Store.OpenDialog> load() throws StoreException;
    }

    private final Loader store;
    private final Map<Long, Open> open = new HashMap<>();
    private final Map<Long, Long> writers = new HashMap<>();

    Dialogs(Loader store) throws StoreException {
        this.store = store;
        load();
    }

    /** After a failed commit: memory holds changes the disk does not, so it is read again. */
    synchronized void reload() {
        try {
            load();
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    private void load() throws StoreException {
        open.clear();
        writers.clear();
        for (Store.OpenDialog dialog : store.load()) {
            open.put(dialog.prospectChatId(), new Open(dialog.prospectChatId(), dialog.leadId(), dialog.prospect(), dialog.openedBy()));
            dialog.writers().forEach(owner -> writers.put(owner, dialog.prospectChatId()));
        }
    }

    synchronized Optional<Open> with(long prospectChat) {
        return Optional.ofNullable(open.get(prospectChat));
    }

    /** The conversation an owner chat's messages go to now. */
    synchronized Optional<Open> writtenFrom(long ownerChat) {
        return Optional.ofNullable(writers.get(ownerChat)).map(open::get);
    }

    synchronized Optional<Open> aboutLead(String leadId) {
        return open.values().stream().filter(o -> o.leadId().equals(leadId)).findFirst();
    }

    /** Memory follows a change the batch will commit. */
    synchronized void apply(DialogChange change) {
        if (change instanceof DialogChange.Opened opened) {
            open.put(opened.prospectChatId(), new Open(opened.prospectChatId(), opened.leadId(), opened.prospect(), opened.manager()));
        } else if (change instanceof DialogChange.Writing writing) {
            writers.put(writing.ownerChatId(), writing.prospectChatId());
        } else if (change instanceof DialogChange.Closed closed) {
            open.remove(closed.prospectChatId());
            writers.values().removeIf(prospect -> prospect == closed.prospectChatId());
        }
    }
}
