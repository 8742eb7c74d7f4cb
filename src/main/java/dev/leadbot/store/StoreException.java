package dev.leadbot.store;

/** The store cannot be used; the message names the file and what to do about it. */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean inUse;

    StoreException(String message) {
        this(message, false);
    }

    StoreException(String message, Throwable cause) {
        super(message, cause);
        this.inUse = false;
    }

    private StoreException(String message, boolean inUse) {
        super(message);
        this.inUse = inUse;
    }

    /** The file is held by another running leadbot. */
    static StoreException inUse(String message) {
        return new StoreException(message, true);
    }

    /** Whether the file was refused because another running leadbot holds it; another file would do. */
    public boolean inUse() {
        return inUse;
    }
}
