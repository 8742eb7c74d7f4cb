package dev.leadbot.telegram;

import dev.leadbot.store.Outgoing;
import dev.leadbot.store.ReplyStore;
import dev.leadbot.store.StoreException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's side of sending replies: a reply leaves the queue once sent, and the message that
 * shows each question step is remembered so edits find it, also after a restart.
 */
final class ReplyLog {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyLog.class);

    private final ReplyStore replies;

    ReplyLog(ReplyStore replies) {
        this.replies = replies;
    }

    /** The reply was sent, or given up on; {@code shows} is the question it put on screen, if any. */
    void sent(Outgoing reply, Optional<ReplyStore.QuestionMessage> shows) {
        try {
            replies.sent(reply, shows);
        } catch (StoreException e) {
            LOG.warn("chat={} reply={}: {}; it may be sent again after a restart", reply.chatId(), reply.id(), e.getMessage());
        }
    }

    Optional<Integer> find(long chatId, int step) {
        try {
            return replies.questionMessage(chatId, step);
        } catch (StoreException e) {
            LOG.warn("chat={} step={}: {}; the edit is skipped", chatId, step, e.getMessage());
            return Optional.empty();
        }
    }
}
