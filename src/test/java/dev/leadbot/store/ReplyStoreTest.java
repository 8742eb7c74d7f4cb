package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies waiting to be sent and the messages that show questions, on SQLite and on PostgreSQL. */
class ReplyStoreTest extends OnEachStore {

    @Test
    void repliesWaitInOrderUntilSentAndForgetRemovesEverythingOfTheChat() throws Exception {
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.put(43, StoreTest.MIDWAY);
            batch.send(42, List.of("first", "second"));
            batch.send(43, List.of("other"));
            batch.send(42, List.of("third"));
            List<Outgoing> committed = store.commit("qualification", batch);
            store.replies().sent(committed.get(0), Optional.of(new ReplyStore.QuestionMessage(7, 555)));

            assertEquals(List.of("first", "second", "other", "third"), committed.stream().map(Outgoing::payload).toList());
            assertEquals(List.of("second", "other", "third"), store.replies().unsent().stream().map(Outgoing::payload).toList());
            assertEquals(Optional.of(555), store.replies().questionMessage(42, 7));
            assertEquals(4, store.forget(42).total());
            assertEquals(Optional.empty(), store.conversations().conversation(42));
            assertEquals(Optional.empty(), store.replies().questionMessage(42, 7));
            assertEquals(List.of("other"), store.replies().unsent().stream().map(Outgoing::payload).toList());
            assertEquals(Optional.of(StoreTest.MIDWAY), store.conversations().conversation(43));
        }
    }

    @Test
    void aQuestionMessageForgottenByTheOwnersToolsIsNotFoundOnceTheBotHasSeenTheirWrite() throws Exception {
        try (Store bot = Store.open(database, StoreTest.CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.send(42, List.of("first"));
            List<Outgoing> committed = bot.commit("qualification", batch);
            assertFalse(bot.conversations().changedElsewhere());
            bot.replies().sent(committed.get(0), Optional.of(new ReplyStore.QuestionMessage(7, 555)));
            assertEquals(Optional.of(555), bot.replies().questionMessage(42, 7));

            try (Store tools = Store.openForTools(database, StoreTest.CLOCK)) {
                tools.forget(42);
            }

            assertTrue(bot.conversations().changedElsewhere());
            assertEquals(Optional.empty(), bot.replies().questionMessage(42, 7));
        }
    }
}
