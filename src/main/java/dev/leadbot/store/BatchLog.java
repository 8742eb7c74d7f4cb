package dev.leadbot.store;

import java.util.List;
import java.util.OptionalLong;

/** Where batches of updates become durable: the {@link Store}, or a stand-in that fails like a full disk in tests. */
public interface BatchLog {

    /** The last update id committed. */
    OptionalLong lastUpdateId() throws StoreException;

    /** Commits the batch in one transaction, or throws and commits nothing; returns its replies with their ids. */
    List<Outgoing> commit(String flow, Batch batch) throws StoreException;
}
