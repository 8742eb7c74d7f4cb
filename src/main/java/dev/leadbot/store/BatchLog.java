package dev.leadbot.store;

import java.util.OptionalLong;

/** Where batches of updates become durable: the {@link Store}, or a stand-in that fails like a full disk in tests. */
public interface BatchLog {

    /** The last update id committed. */
    OptionalLong lastUpdateId() throws StoreException;

    /** Commits the batch in one transaction, or throws and commits nothing. */
    void commit(String flow, Batch batch) throws StoreException;
}
