package dev.leadbot.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work for one chat strictly in order and work for different chats in parallel. */
public final class ChatLanes {

    private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

    private final ExecutorService pool;
    private final Map<Long, CompletableFuture<Optional<RuntimeException>>> tails = new ConcurrentHashMap<>();

    public ChatLanes(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} after everything submitted earlier for {@code chat}. The future holds the
     * exception the work threw, if any; a failure never stops the chat's later work.
     */
    CompletableFuture<Optional<RuntimeException>> submit(long chat, String what, Runnable work) {
        Supplier<Optional<RuntimeException>> guarded = () -> {
            try {
                work.run();
                return Optional.empty();
            } catch (StoreFailure e) {
                return Optional.of(e);
            } catch (RuntimeException e) {
                // A bug on one update must not stop the chat's later ones, nor the polling loop.
                LOG.error("chat={} {} failed", chat, what, e);
                return Optional.of(e);
            }
        };
        CompletableFuture<Optional<RuntimeException>> next = tails.compute(chat, (key, tail) -> tail == null
                ? CompletableFuture.supplyAsync(guarded, pool) : tail.thenApplyAsync(previous -> guarded.get(), pool));
        next.whenComplete((ignored, error) -> {
            tails.remove(chat, next);
            synchronized (this) {
                notifyAll();
            }
        });
        return next;
    }

    /** Waits until no chat has work queued or running, up to {@code timeoutMillis}; whether it got there. */
    public synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!tails.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 100));
        }
        return true;
    }
}
