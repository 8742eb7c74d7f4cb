package dev.leadbot.telegram;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads and HTTP connections every bot of the process shares, so that a hundred bots do not
 * start a hundred sets. Isolation stays with each bot: its own outbox (Telegram meters flood limits
 * per token), its own chat lanes (one chat's updates in order), its own serial lanes for the console,
 * the funnel charts and the leads file, its own poller. What is shared is only capacity: threads that
 * make Bot API calls, handle updates and run an owner's command, and the connection pool.
 */
public final class BotThreads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotThreads.class);

    static final int POLL_SECONDS = 30;

    final OkHttpClient sendHttp;
    final OkHttpClient pollHttp;
    final ExecutorService chat;
    /**
     * Bot API calls block their thread for a round trip; with no overall cap on replies, these threads
     * are what bounds how many go at once (16 round trips of ~50 ms: over 300 calls a second).
     */
    final ScheduledExecutorService send;
    /** Where each bot's serial lanes run: its console, its funnel charts, its leads file; and its flow file's reloads. */
    final ExecutorService work;
    /**
     * Where each bot's delivery workers run, one run of a worker at a time: a bot's sinks hold no thread while
     * they wait, and a slow or hanging sink holds one of these at most.
     */
    final ScheduledExecutorService deliveries;
    /** One watcher for every bot's flow file. */
    final FlowWatch flowWatch;

    private BotThreads(int chatThreads, int sendThreads, int workThreads, int deliveryThreads) {
        sendHttp = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45)).build();
        // Each bot's poller adds its own interceptor and dispatcher on top of these connections.
        pollHttp = sendHttp.newBuilder().readTimeout(Duration.ofSeconds(POLL_SECONDS + 20)).callTimeout(Duration.ZERO).build();
        chat = Executors.newFixedThreadPool(chatThreads, named("chat"));
        send = Executors.newScheduledThreadPool(sendThreads, named("telegram-send"));
        work = Executors.newFixedThreadPool(workThreads, named("bot-work"));
        ScheduledThreadPoolExecutor delivering = new ScheduledThreadPoolExecutor(deliveryThreads, named("deliver"));
        // At close, runs under way finish; runs only scheduled for later are dropped (their deliveries stay pending in the store).
        delivering.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        deliveries = delivering;
        flowWatch = new FlowWatch(work);
    }

    /**
     * Threads for {@code bots} bots: one bot gets what it always had (4 threads for chats, 16 for Bot API
     * calls), and 4 for its sinks; several share twice that (16 for sinks), which a hundred bots at a
     * person's pace do not fill.
     */
    public static BotThreads forBots(int bots) {
        return bots <= 1 ? new BotThreads(4, 16, 3, 4) : new BotThreads(8, 32, 4, 16);
    }

    /** Stops the shared threads; every bot using them must be closed first. */
    @Override
    public void close() {
        flowWatch.close();
        deliveries.shutdown();
        chat.shutdown();
        work.shutdown();
        send.shutdownNow();
        try {
            chat.awaitTermination(15, TimeUnit.SECONDS);
            work.awaitTermination(15, TimeUnit.SECONDS);
            deliveries.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        chat.shutdownNow();
        work.shutdownNow();
        deliveries.shutdownNow();
        sendHttp.dispatcher().executorService().shutdown();
        sendHttp.connectionPool().evictAll();
    }

    /** Stops a bot's own lane: the work under way may finish within 15 seconds, then it is interrupted. */
    public static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("threads still busy at shutdown: {}", executor);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
