package dev.leadbot.routing;

import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.store.Batch;
import dev.leadbot.store.BatchLog;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each batch of received updates and makes it durable before anything leaves the process: every
 * update goes to its chat's lane, all new states and the last update id are committed in one
 * transaction with the replies (group commit), and only then are replies sent and leads handed over. An update
 * at or below the committed id is a redelivery and is skipped. If the commit fails (disk full,
 * read-only disk), nothing is sent, the batch is fetched again after a pause, and the error is
 * logged once a minute until it succeeds. A batch overtaken by an owner's tool writing to the file ({@code leadbot forget})
 * is handled again at once, from the conversations read afresh. Never throws: that would stop the polling.
 */
public final class UpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateConsumer.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final ChatLanes lanes;
    private final ChatRouter router;
    private final FollowUpStep followUp;
    private final Conversations conversations;
    private final BatchLog store;
    private final Consumer<List<Outgoing>> send;
    private final LongConsumer heard;
    private final String flow;
    private final List<String> sinks;
    private final Duration retryPause;
    private final Runnable afterFailure;
    private final AtomicReference<IntConsumer> rewind = new AtomicReference<>(offset -> { });
    private long committed;
    private long lastFailureLog;
    /**
     * Looks for follow-ups that failed on the store in a row. An outage fails every look ({@link FollowUpTicks#EVERY}), so the
     * first is logged, the rest are quiet, and one line says when the store answers again.
     */
    private long followUpsFailedInARow;

    /**
     * @param heard      told of every chat that wrote, as its update is read: the bot's messages to it are replies
     * @param sinks      the sinks every completed lead is to be delivered to (stored with the lead)
     * @param retryPause how long to wait before fetching a batch again after its commit failed
     */
    UpdateConsumer(ChatLanes lanes, ChatRouter router, Conversations conversations, BatchLog store, Consumer<List<Outgoing>> send,
            LongConsumer heard, String flow, List<String> sinks, Duration retryPause) throws StoreException {
        this(lanes, router, conversations, store, send, heard, flow, sinks, retryPause, () -> { });
    }

    /** @param afterFailure told when a batch was not committed: what memory keeps beside the conversations is read again */
    public UpdateConsumer(ChatLanes lanes, ChatRouter router, Conversations conversations, BatchLog store, Consumer<List<Outgoing>> send,
            LongConsumer heard, String flow, List<String> sinks, Duration retryPause, Runnable afterFailure) throws StoreException {
        this(lanes, router, router::followUp, conversations, store, send, heard, flow, sinks, retryPause, afterFailure);
    }

    /** @param followUp what fires one timer into the batch: the router's, or in a test one that fails part-way */
    UpdateConsumer(ChatLanes lanes, ChatRouter router, FollowUpStep followUp, Conversations conversations, BatchLog store,
            Consumer<List<Outgoing>> send, LongConsumer heard, String flow, List<String> sinks, Duration retryPause,
            Runnable afterFailure) throws StoreException {
        this.followUp = followUp;
        this.afterFailure = afterFailure;
        this.lanes = lanes;
        this.router = router;
        this.conversations = conversations;
        this.store = store;
        this.send = send;
        this.heard = heard;
        this.flow = flow;
        this.sinks = List.copyOf(sinks);
        this.retryPause = retryPause;
        this.committed = store.lastUpdateId().orElse(0);
    }

    /** How to make the poller fetch again from an update id: set once the polling session exists. */
    public void rewindWith(IntConsumer setOffset) {
        rewind.set(setOffset);
    }

    /** The follow-up timers due now, read when it is their turn. */
    interface DueFollowUps {
        List<FollowUpTimer> read() throws StoreException;
    }

    /** Fires one follow-up timer: its step, messages and next timer go into the batch. */
    interface FollowUpStep {
        void fire(FollowUpTimer timer, Batch batch, Effects effects);
    }

    /**
     * Fires the follow-up timers {@code due} reads, never beside a batch of updates (which may reschedule them): each chat's
     * step, its messages and its next timer are committed in one transaction, and only then sent. A chat whose step fails
     * part-way leaves nothing of it in the batch: the batch is made again without it, from what the disk holds, and its
     * timer is cancelled. Returns how many timers were handled; none when the commit failed (they stay due, memory goes
     * back to what the disk holds, and the next call tries again).
     */
    synchronized int followUps(DueFollowUps due) {
        Batch batch = new Batch(sinks);
        Effects effects = new Effects();
        List<FollowUpTimer> timers;
        try {
            conversations.refresh();
            timers = due.read();
            if (timers.isEmpty()) {
                followUpsReachTheStore();
                return 0;
            }
            Set<Long> failed = new HashSet<>();
            for (Optional<Long> failing = fire(timers, failed, batch, effects); failing.isPresent();
                    failing = fire(timers, failed, batch, effects)) {
                // Its step may have changed memory and the batch half-way: both go back, and the others are done again.
                conversations.forget(batch.chats());
                conversations.forget(List.of(failing.get()));
                failed.add(failing.get());
                batch = new Batch(sinks);
                effects = new Effects();
            }
            List<Outgoing> replies = store.commit(flow, batch);
            followUpsReachTheStore();
            send.accept(replies);
        } catch (StoreFailure e) {
            conversations.forget(batch.chats());
            followUpsFailed(e.getCause().getMessage());
            return 0;
        } catch (StoreException e) {
            conversations.forget(batch.chats());
            if (e.changedElsewhere()) {
                LOG.info("{}", e.getMessage());
            } else {
                followUpsFailed(e.getMessage());
            }
            return 0;
        } catch (RuntimeException e) {
            // Not committed either: memory must not keep steps the disk does not have. The caller logs it.
            conversations.forget(batch.chats());
            throw e;
        }
        effects.release();
        return timers.size();
    }

    private void followUpsFailed(String why) {
        if (followUpsFailedInARow++ == 0) {
            LOG.error("follow-ups not committed, nothing sent; they are tried again every {} ms, logged once the database answers"
                    + " again: {}", FollowUpTicks.EVERY.toMillis(), why);
        }
    }

    private void followUpsReachTheStore() {
        if (followUpsFailedInARow > 0) {
            LOG.info("follow-ups reach the database again after {} failed look{}", followUpsFailedInARow,
                    followUpsFailedInARow == 1 ? "" : "s");
            followUpsFailedInARow = 0;
        }
    }

    /** Fires {@code timers} into the batch, cancelling those of {@code failed} chats; the chat whose step failed, if one did. */
    private Optional<Long> fire(List<FollowUpTimer> timers, Set<Long> failed, Batch batch, Effects effects) {
        for (FollowUpTimer timer : timers) {
            if (failed.contains(timer.chatId())) {
                batch.followUp(timer.chatId(), Optional.empty());
                continue;
            }
            try {
                followUp.fire(timer, batch, effects);
            } catch (StoreFailure e) {
                throw e;
            } catch (RuntimeException e) {
                // A bug on one chat must not hold up the others' reminders, nor come back every second.
                LOG.error("chat={} follow-up {} failed and is cancelled", timer.chatId(), timer.due(), e);
                return Optional.of(timer.chatId());
            }
        }
        return Optional.empty();
    }

    /** Handles one batch, in the order received, each chat's updates on its own lane. */
    public synchronized void consume(List<? extends Received> updates) {
        Batch batch = new Batch(sinks);
        Effects effects = new Effects();
        try {
            conversations.refresh();
        } catch (StoreFailure e) {
            failed(batch, (StoreException) e.getCause());
            return;
        }
        List<CompletableFuture<Optional<RuntimeException>>> applied = new ArrayList<>(updates.size());
        for (Received update : updates) {
            if (update.updateId() <= committed) {
                LOG.info("update={} handled before, skipped (redelivered)", update.updateId());
                continue;
            }
            try {
                Incoming incoming = update.read();
                if (!(incoming instanceof Incoming.Skipped)) {
                    heard.accept(chatOf(incoming));
                }
                applied.add(lanes.submit(chatOf(incoming), "update " + update.updateId(), () -> router.handle(incoming, batch, effects)));
            } catch (RuntimeException e) {
                LOG.error("update={} could not be read", update.updateId(), e);
            }
            batch.handled(update.updateId());
        }
        // join() waits even when the polling thread is interrupted at shutdown: in-flight updates finish.
        CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).join();
        Optional<StoreFailure> storeFailure = applied.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                .filter(StoreFailure.class::isInstance).map(StoreFailure.class::cast).findFirst();
        List<Outgoing> replies;
        try {
            if (storeFailure.isPresent()) {
                throw (StoreException) storeFailure.get().getCause();
            }
            replies = store.commit(flow, batch);
            batch.lastUpdateId().ifPresent(id -> committed = id);
            if (lastFailureLog != 0) {
                LOG.info("updates are committed again");
                lastFailureLog = 0;
            }
        } catch (StoreException e) {
            if (e.changedElsewhere()) {
                // Rare and harmless: the next batch reads the changed conversations afresh and handles these updates again.
                LOG.info("{}", e.getMessage());
                undo(batch);
            } else {
                failed(batch, e);
            }
            return;
        }
        send.accept(replies);
        effects.release();
    }

    private void failed(Batch batch, StoreException e) {
        undo(batch);
        long now = System.nanoTime();
        if (lastFailureLog == 0 || now - lastFailureLog >= LOG_EVERY.toNanos()) {
            lastFailureLog = now;
            LOG.error("updates not committed, nothing sent; Telegram keeps them and they are retried every {} s: {}",
                    retryPause.toSeconds(), e.getMessage());
        }
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Nothing of the batch was committed: memory goes back to what the disk holds, and the poller fetches the batch again. */
    private void undo(Batch batch) {
        conversations.forget(batch.chats());
        try {
            afterFailure.run();
        } catch (StoreFailure reloadFailed) {
            LOG.error("the managers' conversations with prospects could not be read again: {}", reloadFailed.getCause().getMessage());
        }
        rewind.get().accept((int) committed);
    }

    private static long chatOf(Incoming incoming) {
        if (incoming instanceof Incoming.FromProspect prospect) {
            return prospect.prospect().chatId();
        }
        if (incoming instanceof Incoming.OwnerCommand command) {
            return command.prospect().chatId();
        }
        if (incoming instanceof Incoming.OwnerPress press) {
            return press.prospect().chatId();
        }
        return incoming instanceof Incoming.FromGroup group ? group.chatId() : 0;
    }
}
