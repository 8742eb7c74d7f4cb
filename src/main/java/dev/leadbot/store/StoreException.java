package dev.leadbot.store;

/** The store cannot be used; the message names the file and what to do about it. */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    StoreException(String message) {
        super(message);
    }

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
