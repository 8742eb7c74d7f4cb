package dev.leadbot.bots;

import dev.leadbot.flow.Flow;
import dev.leadbot.service.TelegramService;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.BotStartException;
import dev.leadbot.telegram.BotThreads;
import dev.leadbot.telegram.OwnerNotice;
import dev.leadbot.telegram.TelegramSettings;
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

    /** Hears of each bot that stopped on its own while running (not by {@link #stop(Bot)} or {@link #close()}). */
    public interface Watcher {
        /**
         * {@code bot} stopped, for {@code reason}; {@code mayRunElsewhere} when the cause was not the bot's own (another instance took
         * its database), so it may run again, here or on another instance.
         */
        void stopped(Bot bot, String reason, boolean mayRunElsewhere);
    }

    private final BotThreads threads;
    private final Clock clock;
    private final Watcher watcher;
    /** Starts bots, several at once: each start is a few Bot API round trips. */
    private final ExecutorService starters;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Stops a bot off its poller's thread: stopping waits for that thread to end. */
    private final ExecutorService stops = Executors.newSingleThreadExecutor(r -> new Thread(r, "bot-stop"));
    /** Clean stops asked for by {@link #stopLater}: a thread each while under way, so one that hangs holds up no other. */
    private final ExecutorService stoppers = Executors.newCachedThreadPool(r -> new Thread(r, "bot-stop"));

    private Fleet(int bots, Clock clock, Watcher watcher) {
        this.threads = BotThreads.forBots(bots);
        this.clock = clock;
        this.watcher = watcher;
        this.starters = Executors.newFixedThreadPool(Math.max(1, Math.min(AT_ONCE, bots)), r -> new Thread(r, "bot-start"));
    }

    /** A fleet sized for {@code bots} bots, none running yet. */
    public static Fleet of(int bots, Clock clock) {
        return new Fleet(bots, clock, (bot, reason, elsewhere) -> { });
    }

    /** The same, telling {@code watcher} of each bot that stops on its own. */
    public static Fleet of(int bots, Clock clock, Watcher watcher) {
        return new Fleet(bots, clock, watcher);
    }

    /**
     * Starts every bot, several at once. Returns, for each bot that did not start, the reason (its
     * database refused, the token refused, the Bot API unreachable); each is logged too.
     */
    public Map<Bot, String> start(List<Bot> bots) {
        Map<Bot, CompletableFuture<Start>> outcomes = new LinkedHashMap<>();
        bots.forEach(bot -> outcomes.put(bot, CompletableFuture.supplyAsync(() -> startOne(bot, true), starters)));
        Map<Bot, String> failed = new LinkedHashMap<>();
        outcomes.forEach((bot, outcome) -> {
            if (outcome.join() instanceof Start.NotStarted not) {
                failed.put(bot, not.reason());
            }
        });
        return failed;
    }

    /** How a start ended. */
    public sealed interface Start {
        /** It polls. */
        record Running(String username) implements Start {
        }

        /**
         * It did not start; {@code schemaHeld} when only because another session holds its database (a stale instance whose
         * session lives on): worth trying again later, unlike a refused token or a broken flow; {@code newerSchema} when a newer
         * leadbot wrote its database: only a newer instance can run it.
         */
        record NotStarted(String reason, boolean schemaHeld, boolean newerSchema) implements Start {
        }
    }

    /**
     * Starts a bot on one of the fleet's starting threads (several start at once); the future says how it ended, never fails.
     * A database held by another session is left to the caller to log: it will try again.
     */
    public CompletableFuture<Start> startLater(Bot bot) {
        return CompletableFuture.supplyAsync(() -> startOne(bot, false), starters);
    }

    private Start startOne(Bot bot, boolean logHeld) {
        String key = key(bot);
        Store store;
        try {
            store = Store.open(bot.database(), clock);
        } catch (StoreException e) {
            if (logHeld || !e.inUse()) {
                LOG.error("{} is not started: its database {}: {}", bot.label(), bot.database(), e.getMessage());
            }
            return new Start.NotStarted("cannot open the database: " + e.getMessage(), e.inUse(), e.newer());
        }
        // A revocation heard while the bot is still starting stops it once it has started.
        CompletableFuture<Running> started = new CompletableFuture<>();
        try {
            TelegramService service = TelegramService.start(bot.telegram(), bot.flowFile(), bot.flow(), store, bot.sinks(), clock, threads,
                    () -> started.thenAcceptAsync(this::revoked, stops));
            Running now = new Running(bot, service, store);
            running.put(key, now);
            // Another instance took the schema while this one's session was down: it is stopped like a lost lease.
            store.whenTakenOver(() -> started.thenAcceptAsync(this::takenOver, stops));
            started.complete(now);
            LOG.info("{} is running as @{}", bot.label(), service.username());
            return new Start.Running(service.username());
        } catch (BotStartException e) {
            store.close();
            // A named bot's token is not TELEGRAM_BOT_TOKEN but its own telegram_bot_token.
            String reason = e.tokenRefused() && bot.name().isPresent() ? "Telegram refused its token (401 Unauthorized); check its"
                    + " telegram_bot_token against the one @BotFather gave for it" : e.getMessage();
            LOG.error("{} is not started: {}", bot.label(), reason);
            return new Start.NotStarted(reason, false, false);
        } catch (RuntimeException e) {
            // A fault of leadbot's own, not of the settings: this bot alone is not started, its database given back.
            store.close();
            String reason = "it failed while starting (" + e + "); the log has the details, please report them";
            LOG.error("{} is not started: {}", bot.label(), reason, e);
            return new Start.NotStarted(reason, false, false);
        }
    }

    /** Stops one bot cleanly, if it runs: its in-flight updates finish and what is queued is sent. Returns whether it ran. */
    public boolean stop(Bot bot) {
        Running was = running.remove(key(bot));
        if (was == null) {
            return false;
        }
        stop(was);
        synchronized (this) {
            notifyAll();
        }
        return true;
    }

    /**
     * Cuts a running bot's polling at once (no getUpdates leaves any more, the one under way is cancelled), then stops it
     * cleanly on a thread of its own; the future says whether it ran, once it has stopped. Never waits itself.
     */
    public CompletableFuture<Boolean> stopLater(Bot bot) {
        Running was = running.remove(key(bot));
        if (was == null) {
            return CompletableFuture.completedFuture(false);
        }
        was.service().cutPolling();
        return CompletableFuture.supplyAsync(() -> {
            stop(was);
            synchronized (this) {
                notifyAll();
            }
            return true;
        }, stoppers);
    }

    /** Cuts a running bot's polling at once, and nothing else: it stays running until it is stopped. Never waits. */
    public void cut(Bot bot) {
        Running now = running.get(key(bot));
        if (now != null) {
            now.service().cutPolling();
        }
    }

    private void revoked(Running bot) {
        if (running.remove(key(bot.bot()), bot)) {
            LOG.error("{} (@{}) is stopped: Telegram refused its token (401 Unauthorized), so it was revoked or replaced in @BotFather;"
                    + " give it the new token and start leadbot again; {}", bot.bot().label(), bot.service().username(), others(running.size()));
            stop(bot);
            watcher.stopped(bot.bot(), "Telegram refused its token (401 Unauthorized): it was revoked or replaced in @BotFather", false);
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private void takenOver(Running bot) {
        if (running.remove(key(bot.bot()), bot)) {
            LOG.error("{} (@{}) is stopped: another leadbot instance took its database {} while this one's session was down, and two"
                    + " instances must not poll one bot", bot.bot().label(), bot.service().username(), bot.store().database());
            stop(bot);
            watcher.stopped(bot.bot(), "another instance took its database while this one's session was down", true);
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
        starters.shutdown();
        // None polls any more from here, however long the starts under way and the clean stops take.
        running.values().forEach(bot -> bot.service().cutPolling());
        try {
            starters.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Running> all = new ArrayList<>(running.values());
        running.clear();
        all.forEach(bot -> bot.service().cutPolling());
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
