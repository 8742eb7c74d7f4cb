package dev.leadbot.telegram;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * Everything the bot sends goes through here: in order per chat, chats in parallel, within
 * Telegram's limits. Nothing is dropped for a limit: a 429 waits {@code retry_after}, a 5xx or
 * network error is retried with backoff, "not modified" counts as done, and a 403 stops all
 * writing to that chat.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** Long enough to cover a Bot API outage of several minutes. */
    private static final int MAX_ATTEMPTS = 20;
    private static final long TYPING_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(700);

    /**
     * One call to make: built when its turn comes (an edit needs the id of a message sent just
     * before). {@code onFailed} hears how a call was given up: {@link CallResult.Blocked} (403),
     * {@link CallResult.Rejected}, or the last {@link CallResult.Transient} after too many attempts.
     */
    record Job(long chatId, String what, boolean counted, Supplier<Optional<BotApiMethod<? extends Serializable>>> method,
            Consumer<Optional<Integer>> onSent, Consumer<CallResult> onFailed) {

        Job(long chatId, String what, boolean counted, Supplier<Optional<BotApiMethod<? extends Serializable>>> method,
                Consumer<Optional<Integer>> onSent) {
            this(chatId, what, counted, method, onSent, reason -> { });
        }
    }

    private final ApiCalls api;
    private final ScheduledExecutorService workers;
    private final LongSupplier nanos;
    private final LongConsumer onBlocked;
    private final SendWindow global;
    private final int perChat;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

    Outbox(ApiCalls api, ScheduledExecutorService workers, LongSupplier nanos, int perSecondOverall, int perChatPerSecond,
            LongConsumer onBlocked) {
        this.api = api;
        this.workers = workers;
        this.nanos = nanos;
        this.global = new SendWindow(perSecondOverall, SECOND);
        this.perChat = perChatPerSecond;
        this.onBlocked = onBlocked;
    }

    /** Queues a call behind the chat's earlier ones. */
    void enqueue(Job job) {
        Lane lane = lanes.computeIfAbsent(job.chatId(), chat -> new Lane(new SendWindow(perChat, SECOND)));
        boolean start;
        synchronized (lane) {
            lane.jobs.addLast(job);
            start = !lane.draining;
            lane.draining = true;
        }
        if (start) {
            workers.execute(() -> safely(lane));
        }
    }

    /** Makes a call at once, outside the queue: callback answers, which Telegram wants within seconds. */
    void now(String what, BotApiMethod<? extends Serializable> method) {
        workers.execute(() -> {
            try {
                CallResult result = api.call(method);
                if (!(result instanceof CallResult.Done)) {
                    LOG.warn("call={} result={}", what, result);
                }
            } catch (RuntimeException e) {
                LOG.error("call={} could not be made", what, e);
            }
        });
    }

    /** Calls still waiting, across all chats. */
    int pending() {
        return lanes.values().stream().mapToInt(lane -> {
            synchronized (lane) {
                return lane.jobs.size();
            }
        }).sum();
    }

    /**
     * A scheduled executor keeps a task's exception inside its future where nobody sees it; here
     * it is logged, the job at the head is skipped, and the chat's queue goes on.
     */
    private void safely(Lane lane) {
        try {
            drain(lane);
        } catch (RuntimeException e) {
            Job failed;
            synchronized (lane) {
                failed = lane.jobs.peekFirst();
            }
            LOG.error("chat={} call={} could not be made", failed == null ? "?" : failed.chatId(), failed == null ? "?" : failed.what(), e);
            pop(lane);
            if (failed != null) {
                failed.onFailed().accept(new CallResult.Rejected(e.toString()));
            }
            workers.execute(() -> safely(lane));
        }
    }

    private void drain(Lane lane) {
        Job job;
        synchronized (lane) {
            job = lane.jobs.peekFirst();
            if (job == null) {
                lane.draining = false;
                return;
            }
        }
        if (job.counted()) {
            long now = nanos.getAsLong();
            long wait = Math.max(lane.window.waitNanos(now), reserveGlobal(now));
            if (wait > 0) {
                if (wait >= TYPING_AFTER_NANOS && lane.typingShownFor != job && job.what().startsWith("send")) {
                    lane.typingShownFor = job;
                    api.call(SendChatAction.builder().chatId(job.chatId()).action("typing").build());
                }
                workers.schedule(() -> safely(lane), wait, TimeUnit.NANOSECONDS);
                return;
            }
            lane.window.record(now);
        }
        Optional<BotApiMethod<? extends Serializable>> method = job.method().get();
        CallResult result = method.map(api::call).orElse(new CallResult.Done(Optional.empty()));
        settle(lane, job, result);
    }

    /** Takes a place in the overall window, or says how long until one is free. */
    private long reserveGlobal(long now) {
        synchronized (global) {
            long wait = global.waitNanos(now);
            if (wait == 0) {
                global.record(now);
            }
            return wait;
        }
    }

    private void settle(Lane lane, Job job, CallResult result) {
        if (result instanceof CallResult.Done done) {
            // Heard before the job leaves the queue, so a shutdown waiting for an empty queue also waits for this.
            job.onSent().accept(done.messageId());
            pop(lane);
            workers.execute(() -> safely(lane));
        } else if (result instanceof CallResult.RetryAfter retry) {
            long until = nanos.getAsLong() + retry.delay().toNanos();
            synchronized (global) {
                global.pauseUntil(until);
            }
            LOG.warn("chat={} call={} 429: waiting {} s", job.chatId(), job.what(), retry.delay().toSeconds());
            workers.schedule(() -> safely(lane), retry.delay().toNanos(), TimeUnit.NANOSECONDS);
        } else if (result instanceof CallResult.Transient failure) {
            lane.attempts++;
            if (lane.attempts >= MAX_ATTEMPTS) {
                LOG.error("chat={} call={} dropped after {} attempts: {}", job.chatId(), job.what(), lane.attempts, failure.reason());
                pop(lane);
                job.onFailed().accept(failure);
                workers.execute(() -> safely(lane));
                return;
            }
            long delay = backoffMillis(lane.attempts);
            LOG.warn("chat={} call={} attempt={} failed, retrying in {} ms: {}", job.chatId(), job.what(), lane.attempts, delay,
                    failure.reason());
            workers.schedule(() -> safely(lane), delay, TimeUnit.MILLISECONDS);
        } else if (result instanceof CallResult.Blocked blocked) {
            LOG.info("chat={} call={} 403, not writing to this chat any more: {}", job.chatId(), job.what(), blocked.reason());
            List<Job> dropped;
            synchronized (lane) {
                dropped = List.copyOf(lane.jobs);
                lane.jobs.clear();
                lane.draining = false;
            }
            onBlocked.accept(job.chatId());
            dropped.forEach(d -> d.onFailed().accept(blocked));
        } else {
            LOG.error("chat={} call={} refused by Telegram: {}", job.chatId(), job.what(), ((CallResult.Rejected) result).reason());
            pop(lane);
            job.onFailed().accept(result);
            workers.execute(() -> safely(lane));
        }
    }

    private static void pop(Lane lane) {
        synchronized (lane) {
            lane.jobs.pollFirst();
            lane.attempts = 0;
        }
    }

    /** 0.5 s doubling to a 30 s cap, with jitter so many chats do not retry in step. */
    private static long backoffMillis(int attempt) {
        long base = Math.min(30_000L, 500L << Math.min(attempt - 1, 6));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    /** One chat's queue; {@code draining} is true while a worker owns it, so calls never overlap. */
    private static final class Lane {
        private final SendWindow window;
        private final Deque<Job> jobs = new ArrayDeque<>();
        private boolean draining;
        private int attempts;
        private Job typingShownFor;

        private Lane(SendWindow window) {
            this.window = window;
        }
    }
}
