package dev.leadbot.store;

/** The store cannot be used; the message names the file and what to do about it. */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean inUse;
    private final boolean changedElsewhere;
    private final boolean missing;
    private final boolean newer;

    StoreException(String message) {
        this(message, false, false, false);
    }

    StoreException(String message, Throwable cause) {
        super(message, cause);
        this.inUse = false;
        this.changedElsewhere = false;
        this.missing = false;
        this.newer = false;
    }

    private StoreException(String message, boolean inUse, boolean changedElsewhere, boolean missing) {
        this(message, inUse, changedElsewhere, missing, false);
    }

    private StoreException(String message, boolean inUse, boolean changedElsewhere, boolean missing, boolean newer) {
        super(message);
        this.inUse = inUse;
        this.changedElsewhere = changedElsewhere;
        this.missing = missing;
        this.newer = newer;
    }

    /** The database was written by a newer leadbot, whose schema this one does not know. */
    static StoreException newer(String message) {
        return new StoreException(message, false, false, false, true);
    }

    /** Whether the database was written by a newer leadbot: only a newer one can open it. */
    public boolean newer() {
        return newer;
    }

    /** No bot has run on the database yet: the file or schema a tool asked for does not exist. */
    static StoreException missing(String message) {
        return new StoreException(message, false, false, true);
    }

    /** Whether the tool found no database there: no bot has run on it yet. */
    public boolean missing() {
        return missing;
    }

    /** The file is held by another running leadbot. */
    static StoreException inUse(String message) {
        return new StoreException(message, true, false, false);
    }

    /** An owner's tool changed the file while a batch was handled: nothing was committed, the batch is to be handled again. */
    static StoreException changedElsewhere(String message) {
        return new StoreException(message, false, true, false);
    }

    /** Whether the commit was refused because another program changed the file since {@link ConversationStore#changedElsewhere()}. */
    public boolean changedElsewhere() {
        return changedElsewhere;
    }

    /** Whether the file was refused because another running leadbot holds it; another file would do. */
    public boolean inUse() {
        return inUse;
    }
}
