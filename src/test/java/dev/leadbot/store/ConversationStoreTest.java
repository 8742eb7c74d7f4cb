package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.engine.Conversation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The conversations and the polling offset, the same on SQLite and on PostgreSQL: each test runs once on each. */
class ConversationStoreTest extends OnEachStore {

    @Test
    void aConversationSurvivesClosingAndReopeningExactly() throws Exception {
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.handled(1001);
            batch.handled(1000);
            store.commit("qualification", batch);
        }
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            assertEquals(Optional.of(StoreTest.MIDWAY), store.conversations().conversation(42));
            assertEquals(OptionalLong.of(1001), store.lastUpdateId());
            assertEquals(Optional.empty(), store.conversations().conversation(43));
        }
    }

    @Test
    void aRemovalInABatchDeletesTheConversation() throws Exception {
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            Batch first = new Batch();
            first.put(42, StoreTest.MIDWAY);
            store.commit("qualification", first);
            Batch second = new Batch();
            second.remove(42);
            store.commit("qualification", second);

            assertEquals(Optional.empty(), store.conversations().conversation(42));
        }
    }

    @Test
    void eachTerminalConversationGetsItsOwnIdAndAnUnfinishedOneIsContinued() throws Exception {
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            long first = store.conversations().terminalChat();
            assertEquals(-(1L << 53) - 1, first, "below every chat id Telegram gives");
            assertEquals(first, store.conversations().terminalChat(), "nothing stored yet: still the same");

            Batch midway = new Batch();
            midway.put(first, StoreTest.MIDWAY);
            store.commit("qualification", midway);
            assertEquals(first, store.conversations().terminalChat(), "an unfinished conversation is continued");

            Batch done = new Batch();
            done.put(first, new Conversation(StoreTest.MIDWAY.prospect(), StoreTest.MIDWAY.source(), StoreTest.MIDWAY.startedAt(),
                    "thanks", 9, StoreTest.MIDWAY.answers(), StoreTest.MIDWAY.path(), List.of(), List.of(), Conversation.Status.COMPLETED, 5));
            store.commit("qualification", done);
            assertEquals(first - 1, store.conversations().terminalChat(), "a finished one is left as it is");
        }
    }
}
