package dev.leadbot.bots;

import dev.leadbot.config.LeaseTimings;
import dev.leadbot.leases.BotEvent;
import dev.leadbot.leases.Decision;
import dev.leadbot.leases.FairShare;
import dev.leadbot.leases.Instance;
import dev.leadbot.leases.Lease;
import dev.leadbot.leases.Lifecycle;
import dev.leadbot.leases.Situation;
import dev.leadbot.store.Database;
import dev.leadbot.store.FleetLeases;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.TelegramSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the bots when several instances share one PostgreSQL database. A heartbeat keeps the instance's row
 * alive, reads every lease, lets {@link FairShare} decide the share and {@link Lifecycle} each bot's next state, and acts on
 * both through {@link LeasedBots}; it never waits for a bot (starts and clean stops run on the fleet's threads). A watchdog on a
 * thread of its own cuts the polling of every bot held here once the leases are about to expire unrenewed, whatever holds up
 * the heartbeat.
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    /**
     * The longest {@link #close()} takes: under the 60 s {@code stop_grace_period} the README's compose file gives, so the
     * leases are deleted before Docker's SIGKILL.
     */
    static final Duration CLOSE_LIMIT = Duration.ofSeconds(50);
    /** The longest the heartbeat's last call may take once the bots have stopped: a call waits at most a third of the expiry. */
    private static final Duration HEARTBEAT_END = Duration.ofSeconds(10);

    /** A bot of the settings, as leases see it: one that can start, or one whose flow cannot run. */
    public sealed interface Leased {
        /** The lease's key: the bot's name, empty for the one bot of a file without {@code bots:}. */
        String key();
    }

    /** A bot ready to start. */
    public record Ready(Fleet.Bot bot) implements Leased {
        @Override
        public String key() {
            return bot.name().orElse("");
        }
    }

    /**
     * A bot that cannot run (its flow has mistakes): whoever takes its lease holds it stopped with {@code reason} and tells its
     * owner chats {@code ownerMessage} once, so one instance does, not every instance at every start.
     */
    public record Unfit(String key, String reason, TelegramSettings telegram, List<String> ownerMessage) implements Leased {
        public Unfit {
            ownerMessage = List.copyOf(ownerMessage);
        }
    }

    private final LeasedBots bots;
    private final Database.Postgres database;
    private final FleetLeases leases;
    private final LeaseTimings timings;
    private final ScheduledExecutorService heartbeat;
    /** Cuts polling when the leases are about to expire unrenewed: never waits on the database or a bot. */
    private final ScheduledExecutorService watchdog;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** SIGTERM: the heartbeat only renews, so no lease expires while the bots stop; nothing is taken or given back. */
    private volatile boolean closing;
    private boolean entered;
    private boolean refusedEntry;
    private boolean outage;
    /** When every lease this instance holds was last renewed, by {@link System#nanoTime()}: the local bound on their expiry. */
    private volatile long renewedAt = System.nanoTime();

    private LeaseKeeper(List<Leased> bots, Database.Postgres database, FleetLeases leases, LeaseTimings timings, Clock clock) {
        this.database = database;
        this.leases = leases;
        this.timings = timings;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lease-heartbeat"));
        this.bots = new LeasedBots(bots, leases, clock, heartbeat, timings.expiry(), () -> Duration.ofNanos(System.nanoTime() - renewedAt));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lease-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Enters the instance {@code instance} among those sharing the leases kept in {@code database}'s schema (the bots' database
     * {@link Database.Postgres#inSchema in} {@link FleetLeases#SCHEMA}), and starts its heartbeat: the first one runs at once.
     */
    public static LeaseKeeper start(List<Leased> bots, Database.Postgres database, String instance, LeaseTimings timings, Clock clock)
            throws StoreException {
        FleetLeases leases = FleetLeases.open(database, instance, timings.expiry());
        LeaseKeeper keeper = new LeaseKeeper(bots, database, leases, timings, clock);
        keeper.heartbeat.scheduleAtFixedRate(keeper::beat, 0, timings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        long watch = Math.max(10, timings.heartbeat().toMillis() / 4);
        keeper.watchdog.scheduleAtFixedRate(keeper::watch, watch, watch, TimeUnit.MILLISECONDS);
        return keeper;
    }

    /** {@code LEADBOT_INSTANCE} if set, else {@code <hostname>-<pid>}: unique on a machine, readable in pg_stat_activity. */
    public static String instanceId(Optional<String> configured) {
        return configured.map(String::strip).filter(id -> !id.isEmpty()).orElseGet(() -> host() + "-" + ProcessHandle.current().pid());
    }

    /** This machine's name, as default instance ids begin. */
    public static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "leadbot";
        }
    }

    /** This instance's id. */
    public String instance() {
        return leases.instance();
    }

    /** The bots this instance holds now: starting, running, or stopped for a reason of their own. */
    public Set<String> holding() {
        return Set.copyOf(bots.held());
    }

    /** How many bots poll here now. */
    public int runningCount() {
        return bots.fleet().runningCount();
    }

    /** Whether the leases are about to expire unrenewed: one heartbeat before their expiry, as this machine's clock measures. */
    private boolean overdue() {
        return Duration.ofNanos(System.nanoTime() - renewedAt).plus(timings.heartbeat()).compareTo(timings.expiry()) >= 0;
    }

    /** The watchdog: once the leases are overdue, no bot held here polls any more, so no other instance ever polls alongside. */
    private void watch() {
        if (overdue()) {
            bots.toEach(new BotEvent.Overdue());
        }
    }

    private void beat() {
        if (closing) {
            renewWhileClosing();
            return;
        }
        try {
            bots.toEach(new BotEvent.Beat());
            if (!enter()) {
                return;
            }
            Decision decision = FairShare.decide(situation(leases.read()));
            decision.lost().forEach(bot -> bots.lose(bot, "its lease is no longer this instance's (taken or expired)"));
            List<String> renew = Lifecycle.renewals(decision, bots.states());
            long renewing = System.nanoTime();
            Set<String> renewed = leases.renew(renew);
            renewedAt = renewing;
            renew.stream().filter(bot -> !renewed.contains(bot)).forEach(bot -> bots.lose(bot, "its lease expired before it was renewed"));
            if (outage) {
                outage = false;
                LOG.info("instance {} reaches {} again; its leases are renewed", instance(), database);
            }
            decision.giveBack().forEach(bot -> bots.applyOffline(bot, new BotEvent.GiveBack()));
            for (String bot : decision.take()) {
                if (bots.mayTake(bot) && leases.take(bot)) {
                    bots.won(bot);
                }
            }
        } catch (StoreException e) {
            if (!outage) {
                outage = true;
                LOG.warn("instance {} cannot renew its leases: {}; its bots keep running until their leases would expire", instance(),
                        e.getMessage());
            }
            // Stop one heartbeat before the leases expire in the database, so no other instance ever polls alongside.
            Set<String> held = bots.held();
            if (!held.isEmpty() && overdue()) {
                held.forEach(bot -> bots.lose(bot, "its lease could not be renewed for " + timings.expiry().toSeconds()
                        + " s (the database unreachable), so another instance may take it"));
            }
        } catch (RuntimeException e) {
            // The heartbeat must go on: a scheduled task that throws is never run again.
            LOG.error("instance {}'s heartbeat failed; it tries again at the next one", instance(), e);
        }
    }

    private void renewWhileClosing() {
        try {
            if (entered) {
                leases.heartbeat();
                Set<String> renew = Lifecycle.renewedWhileClosing(bots.states());
                long renewing = System.nanoTime();
                leases.renew(renew);
                renewedAt = renewing;
            }
        } catch (StoreException e) {
            LOG.warn("instance {} cannot renew its leases while its bots stop: {}", instance(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("instance {}'s heartbeat failed while its bots stop", instance(), e);
        }
    }

    /** Whether this instance is in: at the first heartbeat it enters, unless a live instance has its id; later beats renew its row. */
    private boolean enter() throws StoreException {
        if (entered) {
            leases.heartbeat();
            return true;
        }
        if (!leases.enter()) {
            if (!refusedEntry) {
                refusedEntry = true;
                LOG.warn("instance {} waits: an instance by that id is alive in {} (two processes with one LEADBOT_INSTANCE, or one killed"
                        + " less than {} s ago); it enters once that one's heartbeat expires", instance(), database, timings.expiry().toSeconds());
            }
            return false;
        }
        entered = true;
        int count = bots.keys().size();
        LOG.info("instance {} shares {} with the other instances on {} (heartbeat {} s, leases expire after {} s)", instance(),
                count == 1 ? "its bot" : count + " bots", database, seconds(timings.heartbeat()), seconds(timings.expiry()));
        return true;
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? String.valueOf(duration.toSeconds()) : String.valueOf(duration.toMillis() / 1000.0);
    }

    private Situation situation(FleetLeases.Snapshot snapshot) {
        return new Situation(snapshot.now(), instance(), bots.keys(), bots.held(),
                snapshot.instances().stream().map(row -> new Instance(row.id(), row.expiresAt())).toList(),
                snapshot.leases().stream().map(row -> new Lease(row.bot(), row.holder(), row.expiresAt())).toList());
    }

    /**
     * SIGTERM: every bot stops cleanly while the heartbeat renews their leases, then this instance's leases and row are deleted for
     * the others to take. The whole close ends within {@link #CLOSE_LIMIT}: bots whose stop takes longer are left stopping (their
     * polling is cut at the start), their leases deleted all the same.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        Thread stopping = new Thread(bots.fleet()::close, "fleet-close");
        stopping.start();
        try {
            // What is left once the heartbeat's last call and the deletion of the leases (a call each, a third of the expiry) are over.
            stopping.join(Math.max(1000, CLOSE_LIMIT.minus(HEARTBEAT_END).minus(timings.expiry().dividedBy(3)).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            LOG.warn("instance {}: some bots did not finish stopping in time; their polling is cut, and their leases are given back now",
                    instance());
        }
        endHeartbeat(false);
        watchdog.shutdownNow();
        try {
            leases.leave();
            LOG.info("instance {} left: its bots are free for the other instances", instance());
        } catch (StoreException e) {
            LOG.warn("instance {} could not delete its leases ({}); the other instances take its bots once they expire in {} s", instance(),
                    e.getMessage(), timings.expiry().toSeconds());
        } finally {
            leases.close();
        }
    }

    /** As kill -9 leaves things, for tests: the heartbeat ends and the bots and sessions are gone, but the rows stay until they expire. */
    void vanish() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        endHeartbeat(true);
        watchdog.shutdownNow();
        bots.fleet().close();
        leases.close();
    }

    private void endHeartbeat(boolean now) {
        if (now) {
            heartbeat.shutdownNow();
        } else {
            heartbeat.shutdown();
        }
        try {
            if (!heartbeat.awaitTermination(HEARTBEAT_END.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("instance {}'s heartbeat did not end within {} s", instance(), HEARTBEAT_END.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
