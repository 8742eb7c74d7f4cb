package dev.leadbot.telegram;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work for one chat strictly in order and work for different chats in parallel. */
final class ChatLanes {

    private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

    private final ExecutorService pool;
    private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ChatLanes(ExecutorService pool) {
        this.pool = pool;
    }

    /** Runs {@code work} after everything submitted earlier for {@code chat}; the future never fails. */
    CompletableFuture<Void> submit(long chat, String what, Runnable work) {
        Runnable safe = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // One broken update must not stop the chat's later ones, nor the polling loop.
                LOG.error("chat={} {} failed", chat, what, e);
            }
        };
        CompletableFuture<Void> next = tails.compute(chat, (key, tail) -> tail == null
                ? CompletableFuture.runAsync(safe, pool) : tail.thenRunAsync(safe, pool));
        next.whenComplete((ignored, error) -> tails.remove(chat, next));
        return next;
    }
}
