package dev.leadbot.telegram;

import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Telegram message shows which question step of each chat, so edits find their message,
 * also after a restart: kept in the store as each question is sent.
 */
final class StepMessages {

    private static final Logger LOG = LoggerFactory.getLogger(StepMessages.class);

    private final Store store;

    StepMessages(Store store) {
        this.store = store;
    }

    void remember(long chatId, int step, int messageId) {
        try {
            store.rememberQuestion(chatId, step, messageId);
        } catch (StoreException e) {
            LOG.warn("chat={} step={}: {}; edits of this question will be skipped", chatId, step, e.getMessage());
        }
    }

    Optional<Integer> find(long chatId, int step) {
        try {
            return store.questionMessage(chatId, step);
        } catch (StoreException e) {
            LOG.warn("chat={} step={}: {}; the edit is skipped", chatId, step, e.getMessage());
            return Optional.empty();
        }
    }
}
