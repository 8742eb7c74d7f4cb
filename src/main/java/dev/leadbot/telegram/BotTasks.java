package dev.leadbot.telegram;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One bot's view of threads all the bots of the process share: each of its tasks runs with the thread named after the bot
 * ({@code @shop_bot/chat-3}), and the name goes back when the task ends. The log shows thread names, so every line a bot's
 * work writes on a shared thread (a delivery, a failed call, a store outage) names its bot without each message having to.
 * Starting and stopping belong to the shared threads: {@link #shutdown} and the rest act on them, as they did before.
 */
final class BotTasks extends AbstractExecutorService implements ScheduledExecutorService {

    private final String bot;
    private final ExecutorService shared;
    /** The same threads when they can schedule (those for Bot API calls and for deliveries). */
    private final Optional<ScheduledExecutorService> scheduled;

    private BotTasks(String bot, ExecutorService shared) {
        this.bot = bot;
        this.shared = shared;
        this.scheduled = shared instanceof ScheduledExecutorService s ? Optional.of(s) : Optional.empty();
    }

    /** {@code shared} running the tasks of the bot with this Telegram username under its name. */
    static BotTasks of(String username, ExecutorService shared) {
        return new BotTasks(botName(username), shared);
    }

    /** How a bot's threads are named: its Telegram username, as its log lines give it elsewhere ({@code bot=@shop_bot}). */
    static String botName(String username) {
        return "@" + username;
    }

    /** Names the calling thread after the bot: for its start, on a thread of whoever starts it, who gives the name back. */
    static void nameCallingThread(String username) {
        Thread thread = Thread.currentThread();
        thread.setName(botName(username) + "/" + thread.getName());
    }

    /** {@code task}, run with the thread named after the bot. */
    Runnable named(Runnable task) {
        return () -> {
            Thread thread = Thread.currentThread();
            String before = thread.getName();
            thread.setName(bot + "/" + before);
            try {
                task.run();
            } finally {
                thread.setName(before);
            }
        };
    }

    private <T> Callable<T> named(Callable<T> task) {
        return () -> {
            Thread thread = Thread.currentThread();
            String before = thread.getName();
            thread.setName(bot + "/" + before);
            try {
                return task.call();
            } finally {
                thread.setName(before);
            }
        };
    }

    @Override
    public void execute(Runnable command) {
        shared.execute(named(command));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return scheduled().schedule(named(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return scheduled().schedule(named(callable), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return scheduled().scheduleAtFixedRate(named(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduled().scheduleWithFixedDelay(named(command), initialDelay, delay, unit);
    }

    private ScheduledExecutorService scheduled() {
        return scheduled.orElseThrow(() -> new UnsupportedOperationException("these shared threads cannot schedule: " + shared));
    }

    @Override
    public void shutdown() {
        shared.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return shared.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return shared.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return shared.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return shared.awaitTermination(timeout, unit);
    }
}
