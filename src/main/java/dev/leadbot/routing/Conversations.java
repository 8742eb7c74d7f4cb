package dev.leadbot.routing;

import dev.leadbot.engine.Conversation;
import dev.leadbot.store.ConversationStore;
import dev.leadbot.store.StoreException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The chats' conversations: read from the store once, then served from memory while the store is kept in step. */
public final class Conversations {

    private final ConversationStore conversations;
    private final Map<Long, Optional<Conversation>> cache = new ConcurrentHashMap<>();

    public Conversations(ConversationStore conversations) {
        this.conversations = conversations;
    }

    Optional<Conversation> current(long chatId) {
        return cache.computeIfAbsent(chatId, chat -> {
            try {
                return conversations.conversation(chat);
            } catch (StoreException e) {
                throw new StoreFailure(e);
            }
        });
    }

    /**
     * Called between batches, with no update in hand: when an owner's tool changed the file (a {@code leadbot forget}),
     * memory is read from it afresh, so a forgotten conversation is not written back from here.
     */
    void refresh() {
        try {
            if (conversations.changedElsewhere()) {
                cache.clear();
            }
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    void changed(long chatId, Optional<Conversation> conversation) {
        cache.put(chatId, conversation);
    }

    /** After a failed commit: what memory holds for these chats is no longer what the disk holds. */
    void forget(Collection<Long> chatIds) {
        chatIds.forEach(cache::remove);
    }
}
