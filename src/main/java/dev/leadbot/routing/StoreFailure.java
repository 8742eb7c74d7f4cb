package dev.leadbot.routing;

import dev.leadbot.store.StoreException;

/** The store failed while a chat's update was being applied: the whole batch is retried, not skipped. */
final class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreFailure(StoreException cause) {
        super(cause.getMessage(), cause);
    }
}
