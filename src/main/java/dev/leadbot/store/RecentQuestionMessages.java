package dev.leadbot.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The question message each chat was shown last, kept in memory so that an edit finds it without a round trip; a miss
 * only reads the database. One bound for the whole process, whatever the number of bots: the chats used least recently
 * make room first. Each store keeps its chats on a {@link Shelf} of its own and clears it whenever the database may hold
 * something else (another program wrote, a new session began, the store closed).
 */
final class RecentQuestionMessages {

    /** The process's: 20,000 chats at about 125 bytes each (measured: 2.4 MB), however many bots run. */
    static final RecentQuestionMessages PROCESS = new RecentQuestionMessages(20_000);

    private record Key(long shelf, long chatId) {
    }

    private record Shown(int step, int messageId) {
    }

    private final int chats;
    private final AtomicLong shelves = new AtomicLong();
    private final Map<Key, Shown> shown;

    RecentQuestionMessages(int chats) {
        if (chats < 1) {
            throw new IllegalArgumentException("room for at least one chat, not " + chats);
        }
        this.chats = chats;
        this.shown = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Shown> eldest) {
                return size() > RecentQuestionMessages.this.chats;
            }
        };
    }

    /** A new, empty shelf for one store. */
    Shelf shelf() {
        return new Shelf(shelves.incrementAndGet());
    }

    /** How many chats are kept, over all shelves. */
    synchronized int size() {
        return shown.size();
    }

    /** One store's part: only its chats, only their latest question. */
    final class Shelf {
        private final long id;

        private Shelf(long id) {
            this.id = id;
        }

        /** Chat {@code chatId} now shows question {@code step} in message {@code messageId}, in place of the one before. */
        void put(long chatId, int step, int messageId) {
            synchronized (RecentQuestionMessages.this) {
                shown.put(new Key(id, chatId), new Shown(step, messageId));
            }
        }

        /** The message of the chat's question {@code step}, if it is the one kept for the chat. */
        Optional<Integer> get(long chatId, int step) {
            synchronized (RecentQuestionMessages.this) {
                Shown known = shown.get(new Key(id, chatId));
                return known != null && known.step() == step ? Optional.of(known.messageId()) : Optional.empty();
            }
        }

        void forget(long chatId) {
            synchronized (RecentQuestionMessages.this) {
                shown.remove(new Key(id, chatId));
            }
        }

        void clear() {
            synchronized (RecentQuestionMessages.this) {
                shown.keySet().removeIf(key -> key.shelf() == id);
            }
        }
    }
}
