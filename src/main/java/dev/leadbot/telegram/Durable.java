package dev.leadbot.telegram;

import dev.leadbot.store.Batch;
import dev.leadbot.store.StoreException;
import java.util.OptionalLong;

/** Where batches become durable: the store in production, a failing stand-in in tests of the disk-full path. */
interface Durable {

    OptionalLong lastUpdateId() throws StoreException;

    void commit(String flow, Batch batch) throws StoreException;
}
