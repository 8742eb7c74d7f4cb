package dev.leadbot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * Everything the bot sends goes through here: in order per chat, chats in parallel, paced the way
 * Telegram's flood control works rather than to a guessed global number. What Telegram says:
 * <ul>
 * <li>Bot FAQ, "My bot is hitting limits, how do I avoid this?": "In a single chat, avoid sending
 * more than one message per second. We may allow short bursts that go over this limit, but
 * eventually you'll begin receiving 429 errors." and "If you're sending bulk notifications to
 * multiple users, the API will not allow more than 30 messages per second or so."</li>
 * <li>Telegram's engineer on tdlib/td#3034: "Limits for message editing and sending are shared
 * [...] There is no global limit on the number of sent messages for bots" (apart from the FAQ's
 * broadcasting advice); on tdlib/telegram-bot-api#648: "You can call answerCallbackQuery without
 * any limits, editing of the message in question is still subject to per chat limits."</li>
 * <li>grammY, "Scaling Up IV: Flood Limits": replies to users are not what the 30-a-second figure
 * is about; do not throttle to guessed numbers, and on a 429 wait {@code retry_after} and retry.</li>
 * </ul>
 * So: each chat has a budget of a few calls at once, refilled at one a second, which sends and edits
 * share ({@link FloodLimits#TELEGRAM}); a reply to a chat in conversation spends only that. What the bot starts itself
 * (owner summaries, delivery alerts, a message to a chat that has not written in the last
 * {@link #CONVERSATION}) also waits for the bulk lane, capped at a setting (30 a second). A 429
 * pauses only its chat (and the bulk lane, for a bulk call) for {@code retry_after}; a 5xx or
 * network error is retried with backoff; "not modified" counts as done; a 403 stops all writing to
 * that chat. A queued call that the next one makes pointless (see {@link Superseding}) is not sent.
 * Callback answers never wait and are retried while the query is still valid.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** A chat that wrote this recently is in conversation: the bot's messages to it are replies, not bulk. */
    static final Duration CONVERSATION = Duration.ofSeconds(50);
    /** A callback query expires about 15 s after the press; an answer later than this is pointless. */
    static final Duration CALLBACK_VALID = Duration.ofSeconds(14);
    /** Long enough to cover a Bot API outage of several minutes. */
    private static final int MAX_ATTEMPTS = 20;
    private static final long TYPING_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(700);
    /** Every this many calls queued, lanes and conversation marks of chats gone quiet are forgotten. */
    private static final int TIDY_EVERY = 4096;

    /** Who starts a call: a reply to what a chat wrote, or the bot on its own (summaries, alerts): the bulk lane. */
    enum Origin { REPLY, BOT }

    /**
     * What a queued call leaves on screen: when a call is queued right behind one whose key is in
     * its {@code supersedes}, the earlier one is not sent (three identical notices in a row are one;
     * an edit of a message's buttons is replaced by a later edit of the same message). Only calls
     * next to each other merge, so nothing moves past a message between them.
     */
    record Superseding(String key, Set<String> supersedes) {
        static final Superseding NONE = new Superseding("", Set.of());

        Superseding {
            supersedes = Set.copyOf(supersedes);
        }
    }

    /**
     * One call to make: built when its turn comes (an edit needs the id of a message sent just
     * before; none: nothing to do). {@code onSent} hears it was made, or was superseded (no id);
     * {@code onFailed} hears how it was given up: {@link CallResult.Blocked} (403),
     * {@link CallResult.Rejected}, or the last {@link CallResult.Transient} after too many attempts.
     */
    record Job(long chatId, String what, Origin origin, Superseding superseding,
            Supplier<Optional<BotApiMethod<? extends Serializable>>> method, Consumer<Optional<Integer>> onSent,
            Consumer<CallResult> onFailed) {

        static Job reply(long chatId, String what, Supplier<Optional<BotApiMethod<? extends Serializable>>> method,
                Consumer<Optional<Integer>> onSent, Consumer<CallResult> onFailed) {
            return new Job(chatId, what, Origin.REPLY, Superseding.NONE, method, onSent, onFailed);
        }

        static Job fromBot(long chatId, String what, BotApiMethod<? extends Serializable> method, Consumer<Optional<Integer>> onSent,
                Consumer<CallResult> onFailed) {
            return new Job(chatId, what, Origin.BOT, Superseding.NONE, () -> Optional.of(method), onSent, onFailed);
        }

        Job superseding(Superseding rule) {
            return new Job(chatId, what, origin, rule, method, onSent, onFailed);
        }

        boolean supersedes(Job earlier) {
            return !earlier.superseding.key().isEmpty() && superseding.supersedes().contains(earlier.superseding.key());
        }
    }

    private final ApiCalls api;
    private final Scheduler scheduler;
    private final LongConsumer onBlocked;
    private final FloodLimits limits;
    private final TokenBucket bulk;
    private final Map<Long, ChatQueue> chats = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastHeard = new ConcurrentHashMap<>();
    private final AtomicInteger untilTidy = new AtomicInteger(TIDY_EVERY);

    Outbox(ApiCalls api, Scheduler scheduler, FloodLimits limits, LongConsumer onBlocked) {
        this.api = api;
        this.scheduler = scheduler;
        this.onBlocked = onBlocked;
        this.limits = limits;
        this.bulk = new TokenBucket(limits.bulkPerSecond(), SECOND / limits.bulkPerSecond(), scheduler.nanoTime());
    }

    /** The chat wrote (a message or a button press): it is in conversation, so replies to it are not bulk. */
    void heard(long chatId) {
        lastHeard.put(chatId, scheduler.nanoTime());
    }

    /** Queues a call behind the chat's earlier ones; drops the queued call right before it if this one supersedes it. */
    void enqueue(Job job) {
        Job[] superseded = new Job[1];
        boolean[] start = new boolean[1];
        ChatQueue queue = chats.compute(job.chatId(), (chat, existing) -> {
            ChatQueue q = existing != null ? existing
                    : new ChatQueue(new TokenBucket(limits.chatBurst(), limits.chatRefill().toNanos(), scheduler.nanoTime()));
            synchronized (q) {
                Job last = q.waiting.peekLast();
                if (last != null && job.supersedes(last)) {
                    q.waiting.pollLast();
                    superseded[0] = last;
                }
                q.waiting.addLast(job);
                start[0] = !q.draining;
                q.draining = true;
            }
            return q;
        });
        if (superseded[0] != null) {
            LOG.debug("chat={} call={} superseded by {} before it was sent", job.chatId(), superseded[0].what(), job.what());
            superseded[0].onSent().accept(Optional.empty());
        }
        if (start[0]) {
            scheduler.execute(() -> safely(queue));
        }
        if (untilTidy.decrementAndGet() <= 0) {
            untilTidy.set(TIDY_EVERY);
            tidy();
        }
    }

    /**
     * Answers a button press at once, outside the chat's queue: not rate limited, and the spinner on
     * the button waits for it. A 5xx or network error is retried while the query is still valid.
     */
    void answer(String what, BotApiMethod<? extends Serializable> method) {
        long deadline = scheduler.nanoTime() + CALLBACK_VALID.toNanos();
        scheduler.execute(() -> answer(what, method, deadline, 1));
    }

    private void answer(String what, BotApiMethod<? extends Serializable> method, long deadline, int attempt) {
        CallResult result;
        try {
            result = api.call(method);
        } catch (RuntimeException e) {
            LOG.error("call={} could not be made", what, e);
            return;
        }
        long delay = result instanceof CallResult.RetryAfter retry ? limits.wait(retry.delay()).toNanos()
                : result instanceof CallResult.Transient ? TimeUnit.MILLISECONDS.toNanos(Math.min(2_000L, 250L << Math.min(attempt - 1, 4)))
                : -1;
        if (delay >= 0 && deadline - (scheduler.nanoTime() + delay) > 0) {
            LOG.debug("call={} attempt={} failed, retrying: {}", what, attempt, result);
            scheduler.schedule(() -> answer(what, method, deadline, attempt + 1), delay);
        } else if (!(result instanceof CallResult.Done)) {
            LOG.warn("call={} attempts={} result={}", what, attempt, result);
        }
    }

    /** Calls still waiting, across all chats. */
    int pending() {
        return chats.values().stream().mapToInt(queue -> {
            synchronized (queue) {
                return queue.waiting.size() + (queue.current == null ? 0 : 1);
            }
        }).sum();
    }

    /** Forgets idle chats whose budget is whole again, and conversation marks gone stale, so memory stays flat. */
    private void tidy() {
        long now = scheduler.nanoTime();
        for (Long chat : chats.keySet()) {
            chats.computeIfPresent(chat, (key, queue) -> {
                synchronized (queue) {
                    return !queue.draining && queue.budget.full(now) ? null : queue;
                }
            });
        }
        lastHeard.values().removeIf(heard -> now - heard > CONVERSATION.toNanos());
    }

    private boolean inConversation(long chatId, long now) {
        Long heard = lastHeard.get(chatId);
        return heard != null && now - heard <= CONVERSATION.toNanos();
    }

    /**
     * A task's exception would vanish inside the executor; here it is logged, the call in hand is
     * given up, and the chat's queue goes on.
     */
    private void safely(ChatQueue queue) {
        try {
            drain(queue);
        } catch (RuntimeException e) {
            Job failed;
            synchronized (queue) {
                failed = queue.current != null ? queue.current : queue.waiting.pollFirst();
                queue.current = null;
                queue.attempts = 0;
            }
            LOG.error("chat={} call={} could not be made", failed == null ? "?" : failed.chatId(), failed == null ? "?" : failed.what(), e);
            if (failed != null) {
                failed.onFailed().accept(new CallResult.Rejected(e.toString()));
            }
            scheduler.execute(() -> safely(queue));
        }
    }

    private void drain(ChatQueue queue) {
        Job job;
        boolean isBulk;
        long wait;
        synchronized (queue) {
            job = queue.current != null ? queue.current : queue.waiting.peekFirst();
            if (job == null) {
                queue.draining = false;
                return;
            }
            long now = scheduler.nanoTime();
            isBulk = job.origin() == Origin.BOT || !inConversation(job.chatId(), now);
            wait = queue.budget.waitNanos(now);
            if (wait == 0 && isBulk && !queue.bulkReserved) {
                queue.bulkReserved = true;
                wait = reserveBulk(now);
            }
            if (wait == 0) {
                queue.bulkReserved = false;
                queue.budget.take(now);
                // In hand from here on: no later call can supersede it any more.
                queue.current = job;
                if (queue.waiting.peekFirst() == job) {
                    queue.waiting.pollFirst();
                }
            }
        }
        if (wait > 0) {
            if (wait >= TYPING_AFTER_NANOS && queue.typingShownFor != job && job.origin() == Origin.REPLY && job.what().startsWith("send")) {
                queue.typingShownFor = job;
                api.call(SendChatAction.builder().chatId(job.chatId()).action("typing").build());
            }
            scheduler.schedule(() -> safely(queue), wait);
            return;
        }
        Optional<BotApiMethod<? extends Serializable>> method = job.method().get();
        CallResult result = method.map(api::call).orElse(new CallResult.Done(Optional.empty()));
        settle(queue, job, isBulk, result);
    }

    /** Takes the next place in the bulk lane; says how long until it comes. */
    private long reserveBulk(long now) {
        synchronized (bulk) {
            return bulk.reserve(now);
        }
    }

    private void settle(ChatQueue queue, Job job, boolean isBulk, CallResult result) {
        if (result instanceof CallResult.Done done) {
            // Heard before the job leaves the queue, so a shutdown waiting for an empty queue also waits for this.
            job.onSent().accept(done.messageId());
            finish(queue);
            scheduler.execute(() -> safely(queue));
        } else if (result instanceof CallResult.RetryAfter retry) {
            long now = scheduler.nanoTime();
            long wait = limits.wait(retry.delay()).toNanos();
            long until = now + wait;
            synchronized (queue) {
                queue.budget.pauseUntil(until, now);
            }
            if (isBulk) {
                synchronized (bulk) {
                    bulk.pauseUntil(until, now);
                }
            }
            LOG.warn("chat={} call={} 429: this chat{} waits {} s", job.chatId(), job.what(), isBulk ? " and the bulk lane" : "",
                    retry.delay().toSeconds());
            scheduler.schedule(() -> safely(queue), wait);
        } else if (result instanceof CallResult.Transient failure) {
            int attempts;
            synchronized (queue) {
                attempts = ++queue.attempts;
            }
            if (attempts >= MAX_ATTEMPTS) {
                LOG.error("chat={} call={} dropped after {} attempts: {}", job.chatId(), job.what(), attempts, failure.reason());
                finish(queue);
                job.onFailed().accept(failure);
                scheduler.execute(() -> safely(queue));
                return;
            }
            long delay = backoffMillis(attempts);
            LOG.warn("chat={} call={} attempt={} failed, retrying in {} ms: {}", job.chatId(), job.what(), attempts, delay, failure.reason());
            scheduler.schedule(() -> safely(queue), TimeUnit.MILLISECONDS.toNanos(delay));
        } else if (result instanceof CallResult.Blocked blocked) {
            LOG.info("chat={} call={} 403, not writing to this chat any more: {}", job.chatId(), job.what(), blocked.reason());
            List<Job> dropped;
            synchronized (queue) {
                dropped = List.copyOf(queue.waiting);
                queue.waiting.clear();
                queue.current = null;
                queue.attempts = 0;
                queue.draining = false;
            }
            onBlocked.accept(job.chatId());
            job.onFailed().accept(blocked);
            dropped.forEach(d -> d.onFailed().accept(blocked));
        } else {
            LOG.error("chat={} call={} refused by Telegram: {}", job.chatId(), job.what(), ((CallResult.Rejected) result).reason());
            finish(queue);
            job.onFailed().accept(result);
            scheduler.execute(() -> safely(queue));
        }
    }

    private static void finish(ChatQueue queue) {
        synchronized (queue) {
            queue.current = null;
            queue.attempts = 0;
        }
    }

    /** 0.5 s doubling to a 30 s cap, with jitter so many chats do not retry in step. */
    private static long backoffMillis(int attempt) {
        long base = Math.min(30_000L, 500L << Math.min(attempt - 1, 6));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    /**
     * One chat's calls: those waiting, and the one in hand ({@code current}, being made or retried,
     * no longer open to being superseded). {@code draining} is true while a worker owns the queue,
     * so calls to one chat never overlap.
     */
    private static final class ChatQueue {
        private final TokenBucket budget;
        private final Deque<Job> waiting = new ArrayDeque<>();
        private Job current;
        private boolean draining;
        private int attempts;
        /** The call at the head holds a place in the bulk lane and goes when that place comes. */
        private boolean bulkReserved;
        private Job typingShownFor;

        private ChatQueue(TokenBucket budget) {
            this.budget = budget;
        }
    }
}
