package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentQuestionMessagesTest {

    @Test
    void aChatKeepsOnlyTheQuestionItWasShownLast() {
        RecentQuestionMessages memory = new RecentQuestionMessages(10);
        RecentQuestionMessages.Shelf store = memory.shelf();

        store.put(42, 7, 555);
        store.put(42, 8, 556);

        assertEquals(Optional.empty(), store.get(42, 7));
        assertEquals(Optional.of(556), store.get(42, 8));
        assertEquals(1, memory.size());
    }

    @Test
    void theBoundHoldsForTheWholeProcessDroppingTheChatUsedLeastRecentlyWhateverItsStore() {
        RecentQuestionMessages memory = new RecentQuestionMessages(3);
        RecentQuestionMessages.Shelf first = memory.shelf();
        RecentQuestionMessages.Shelf second = memory.shelf();
        first.put(1, 1, 101);
        second.put(2, 1, 201);
        first.put(3, 1, 301);
        first.get(1, 1);

        second.put(4, 1, 401);

        assertEquals(3, memory.size());
        assertEquals(List.of(Optional.of(101), Optional.empty(), Optional.of(301), Optional.of(401)),
                List.of(first.get(1, 1), second.get(2, 1), first.get(3, 1), second.get(4, 1)));
    }

    @Test
    void aHundredBotsWithAThousandChatsEachKeepNoMoreThanTheProcessBound() {
        RecentQuestionMessages memory = new RecentQuestionMessages(20_000);
        for (int bot = 0; bot < 100; bot++) {
            RecentQuestionMessages.Shelf store = memory.shelf();
            for (int chat = 0; chat < 1_000; chat++) {
                store.put(chat, 3, chat + 10);
            }
        }

        assertEquals(20_000, memory.size());
    }

    @Test
    void aStoreForgettingAChatOrClearingItsShelfLeavesTheOtherStoresChats() {
        RecentQuestionMessages memory = new RecentQuestionMessages(10);
        RecentQuestionMessages.Shelf first = memory.shelf();
        RecentQuestionMessages.Shelf second = memory.shelf();
        first.put(42, 7, 555);
        first.put(43, 7, 556);
        second.put(42, 7, 655);

        first.forget(42);
        assertEquals(List.of(Optional.empty(), Optional.of(556), Optional.of(655)),
                List.of(first.get(42, 7), first.get(43, 7), second.get(42, 7)));
        first.clear();
        assertEquals(List.of(Optional.empty(), Optional.of(655)), List.of(first.get(43, 7), second.get(42, 7)));
        assertEquals(1, memory.size());
    }
}
