package dev.leadbot.bots;

import dev.leadbot.flow.Flow;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.BotStartException;
import dev.leadbot.telegram.BotThreads;
import dev.leadbot.telegram.OwnerNotice;
import dev.leadbot.telegram.TelegramService;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bots of one process, each isolated: its own database (a file per bot), conversations, leads,
 * deliveries, funnel, owner console and outbox (Telegram meters flood limits per token). They share
 * only threads and connections ({@link BotThreads}). A bot that cannot start, or whose token Telegram
 * revokes while it runs, is reported and stopped alone; the others keep running.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    /** Bots started (and stopped) at once: each start is a few Bot API round trips. */
    private static final int AT_ONCE = 8;

    /**
     * One bot, ready to start.
     *
     * @param name     its name under {@code bots:}, or empty for the one bot of a file without them
     * @param flowFile where {@code flow} was read from: /reload and changes on disk read it again
     */
    public record Bot(Optional<String> name, TelegramSettings telegram, Path flowFile, Flow flow, Database database, List<LeadSink> sinks) {
        public Bot {
            sinks = List.copyOf(sinks);
        }

        /** How logs and messages name it: "bot 'shop'", or "the bot" when it is the only one. */
        public String label() {
            return name.map(n -> "bot '" + n + "'").orElse("the bot");
        }
    }

    private record Running(Bot bot, TelegramService service, Store store) {
    }

    private final BotThreads threads;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Stops a bot off its poller's thread: stopping waits for that thread to end. */
    private final ExecutorService stops = Executors.newSingleThreadExecutor(r -> new Thread(r, "bot-stop"));

    private Fleet(int bots, Clock clock) {
        this.threads = BotThreads.forBots(bots);
        this.clock = clock;
    }

    /** A fleet sized for {@code bots} bots, none running yet. */
    public static Fleet of(int bots, Clock clock) {
        return new Fleet(bots, clock);
    }

    /**
     * Starts every bot, several at once. Returns, for each bot that did not start, the reason (its
     * database refused, the token refused, the Bot API unreachable); each is logged too.
     */
    public Map<Bot, String> start(List<Bot> bots) throws InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(1, Math.min(AT_ONCE, bots.size())), r -> new Thread(r, "bot-start"));
        Map<Bot, CompletableFuture<Optional<String>>> outcomes = new LinkedHashMap<>();
        try {
            bots.forEach(bot -> outcomes.put(bot, CompletableFuture.supplyAsync(() -> startOne(bot), starters)));
            Map<Bot, String> failed = new LinkedHashMap<>();
            outcomes.forEach((bot, outcome) -> outcome.join().ifPresent(reason -> failed.put(bot, reason)));
            return failed;
        } finally {
            starters.shutdown();
            starters.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private Optional<String> startOne(Bot bot) {
        String key = key(bot);
        Store store;
        try {
            store = Store.open(bot.database(), clock);
        } catch (StoreException e) {
            LOG.error("{} is not started: its database {}: {}", bot.label(), bot.database(), e.getMessage());
            return Optional.of("cannot open the database: " + e.getMessage());
        }
        // A revocation heard while the bot is still starting stops it once it has started.
        CompletableFuture<Running> started = new CompletableFuture<>();
        try {
            TelegramService service = TelegramService.start(bot.telegram(), bot.flowFile(), bot.flow(), store, bot.sinks(), clock, threads,
                    () -> started.thenAcceptAsync(this::revoked, stops));
            Running now = new Running(bot, service, store);
            running.put(key, now);
            started.complete(now);
            LOG.info("{} is running as @{}", bot.label(), service.username());
            return Optional.empty();
        } catch (BotStartException e) {
            store.close();
            // A named bot's token is not TELEGRAM_BOT_TOKEN but its own telegram_bot_token.
            String reason = e.tokenRefused() && bot.name().isPresent() ? "Telegram refused its token (401 Unauthorized); check its"
                    + " telegram_bot_token against the one @BotFather gave for it" : e.getMessage();
            LOG.error("{} is not started: {}", bot.label(), reason);
            return Optional.of(reason);
        } catch (RuntimeException e) {
            // A fault of leadbot's own, not of the settings: this bot alone is not started, its database given back.
            store.close();
            String reason = "it failed while starting (" + e + "); the log has the details, please report them";
            LOG.error("{} is not started: {}", bot.label(), reason, e);
            return Optional.of(reason);
        }
    }

    private void revoked(Running bot) {
        if (running.remove(key(bot.bot()), bot)) {
            LOG.error("{} (@{}) is stopped: Telegram refused its token (401 Unauthorized), so it was revoked or replaced in @BotFather;"
                    + " give it the new token and start leadbot again; {}", bot.bot().label(), bot.service().username(), others(running.size()));
            stop(bot);
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private static String others(int running) {
        return running == 0 ? "no other bot is running" : running == 1 ? "the 1 other bot keeps running"
                : "the " + running + " other bots keep running";
    }

    /** Tells a bot's owner chats why it is not running (its flow has mistakes); returns the chats reached. */
    public List<Long> tellOwners(TelegramSettings bot, List<String> lines) {
        return OwnerNotice.send(bot, threads, lines);
    }

    /** The Telegram username of a running bot. */
    public Optional<String> username(Bot bot) {
        return Optional.ofNullable(running.get(key(bot))).map(r -> r.service().username());
    }

    /** How many bots are running. */
    public int runningCount() {
        return running.size();
    }

    /** Waits until no bot runs any more: each was stopped alone, or {@link #close()} stopped them all. */
    public synchronized void awaitNoneRunning() throws InterruptedException {
        while (!running.isEmpty()) {
            wait(1000);
        }
    }

    /** Stops every bot, several at once (each lets its in-flight updates finish and sends what is queued), then the shared threads. */
    @Override
    public void close() {
        List<Running> all = new ArrayList<>(running.values());
        running.clear();
        ExecutorService stoppers = Executors.newFixedThreadPool(Math.max(1, Math.min(AT_ONCE * 2, all.size())), r -> new Thread(r, "bot-stop"));
        all.forEach(bot -> stoppers.execute(() -> stop(bot)));
        stoppers.shutdown();
        stops.shutdown();
        try {
            stoppers.awaitTermination(1, TimeUnit.MINUTES);
            stops.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.close();
        synchronized (this) {
            notifyAll();
        }
    }

    private static void stop(Running bot) {
        bot.service().close();
        bot.store().close();
    }

    private static String key(Bot bot) {
        return bot.name().orElse("");
    }
}
