package dev.leadbot.store;

/** The store cannot be used; the message names the file and what to do about it. */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean inUse;
    private final boolean changedElsewhere;

    StoreException(String message) {
        this(message, false, false);
    }

    StoreException(String message, Throwable cause) {
        super(message, cause);
        this.inUse = false;
        this.changedElsewhere = false;
    }

    private StoreException(String message, boolean inUse, boolean changedElsewhere) {
        super(message);
        this.inUse = inUse;
        this.changedElsewhere = changedElsewhere;
    }

    /** The file is held by another running leadbot. */
    static StoreException inUse(String message) {
        return new StoreException(message, true, false);
    }

    /** An owner's tool changed the file while a batch was handled: nothing was committed, the batch is to be handled again. */
    static StoreException changedElsewhere(String message) {
        return new StoreException(message, false, true);
    }

    /** Whether the commit was refused because another program changed the file since {@link Store#changedElsewhere()}. */
    public boolean changedElsewhere() {
        return changedElsewhere;
    }

    /** Whether the file was refused because another running leadbot holds it; another file would do. */
    public boolean inUse() {
        return inUse;
    }
}
