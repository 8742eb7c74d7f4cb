package dev.leadbot.bots;

import dev.leadbot.bots.LeaseKeeper.Leased;
import dev.leadbot.bots.LeaseKeeper.Ready;
import dev.leadbot.bots.LeaseKeeper.Unfit;
import dev.leadbot.leases.BotAction;
import dev.leadbot.leases.BotEvent;
import dev.leadbot.leases.BotState;
import dev.leadbot.leases.Lifecycle;
import dev.leadbot.store.FleetLeases;
import dev.leadbot.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bots one instance may lease, each in its {@link BotState}. An event moves a bot through {@link Lifecycle} under a lock held
 * only while the pure code decides; then this does what it decided: starts or stops the bot on the fleet's threads, records its
 * lease's state, tells its owners, logs. How a start or a stop ends, and a bot stopping by itself, come back as events on the
 * heartbeat's thread.
 */
final class LeasedBots {

    /** LeaseKeeper's, as these lines were always logged. */
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Map<String, Leased> bots = new LinkedHashMap<>();
    private final Map<String, BotState> states = new ConcurrentHashMap<>();
    private final FleetLeases leases;
    private final Fleet fleet;
    private final Executor heartbeat;
    private final Duration expiry;
    /** How long ago the leases were last renewed, for the watchdog's line. */
    private final Supplier<Duration> sinceRenewal;

    LeasedBots(List<Leased> bots, FleetLeases leases, Clock clock, Executor heartbeat, Duration expiry, Supplier<Duration> sinceRenewal) {
        bots.forEach(bot -> this.bots.put(bot.key(), bot));
        this.bots.keySet().forEach(bot -> states.put(bot, Lifecycle.initial()));
        this.leases = leases;
        this.heartbeat = heartbeat;
        this.expiry = expiry;
        this.sinceRenewal = sinceRenewal;
        this.fleet = Fleet.of(bots.size(), clock, this::stoppedAlone);
    }

    /** Every bot's key, in the settings' order. */
    Set<String> keys() {
        return Collections.unmodifiableSet(bots.keySet());
    }

    Map<String, BotState> states() {
        return Collections.unmodifiableMap(states);
    }

    /** The bots this instance holds now: starting, running, or held stopped. */
    Set<String> held() {
        return Lifecycle.held(states);
    }

    boolean mayTake(String bot) {
        return Lifecycle.mayTake(states.get(bot));
    }

    /** Its lease was just won: it starts, or is held stopped when its flow cannot run. */
    void won(String bot) throws StoreException {
        apply(bot, new BotEvent.Won(bots.get(bot) instanceof Unfit unfit ? Optional.of(unfit.reason()) : Optional.empty()));
    }

    /** The same event for every bot: the watchdog's finding, a heartbeat's beginning. */
    void toEach(BotEvent event) {
        bots.keySet().forEach(bot -> applyOffline(bot, event));
    }

    /** Its lease is lost, or may be soon: its polling is cut now. */
    void lose(String bot, String why) {
        applyOffline(bot, new BotEvent.Lost(why));
    }

    Fleet fleet() {
        return fleet;
    }

    /** Moves {@code bot} on by {@code event}, then does what that takes, in order; a failed step leaves the rest undone. */
    void apply(String bot, BotEvent event) throws StoreException {
        Lifecycle.Step step;
        synchronized (states) {
            step = Lifecycle.on(states.get(bot), event);
            states.put(bot, step.state());
        }
        for (BotAction action : step.actions()) {
            act(bot, action);
        }
    }

    /** The same, for an event whose actions never reach the database: a loss, a surplus, a cut, a heartbeat's beginning. */
    void applyOffline(String bot, BotEvent event) {
        try {
            apply(bot, event);
        } catch (StoreException e) {
            throw new IllegalStateException(label(bot) + ": " + event + " reached the database: " + e.getMessage(), e);
        }
    }

    private void act(String bot, BotAction action) throws StoreException {
        if (action instanceof BotAction.Start) {
            fleet.startLater(ready(bot)).thenAccept(outcome -> onHeartbeatThread(() -> started(bot, outcome)));
        } else if (action instanceof BotAction.Stop) {
            stop(bot);
        } else if (action instanceof BotAction.Cut) {
            fleet.cut(ready(bot));
            LOG.warn("{}: its polling is cut on instance {}: its lease was last renewed {} ms ago and expires {} s after that",
                    label(bot), leases.instance(), sinceRenewal.get().toMillis(), LeaseKeeper.seconds(expiry));
        } else if (action instanceof BotAction.RecordStopped stopped) {
            leases.stopped(bot, stopped.reason());
        } else if (action instanceof BotAction.TellOwners tell) {
            LOG.error("{} is held stopped by instance {}: {}", label(bot), leases.instance(), tell.reason());
            tellOwners(bot);
        } else if (action instanceof BotAction.GiveLeaseBack) {
            leases.giveBack(bot);
        } else if (action instanceof BotAction.ReportLost lost) {
            LOG.warn("{} is stopped on instance {}: {}", label(bot), leases.instance(), lost.why());
        } else if (action instanceof BotAction.ReportWaiting waiting) {
            LOG.warn("{} waits: {}; another session still holds its database (an instance that lost its lease but whose session lives"
                    + " on); its lease is given back and it is tried again at the next heartbeat", label(bot), waiting.reason());
        } else if (action instanceof BotAction.ReportDatabaseBack) {
            LOG.info("{} got its database back and runs on instance {}", label(bot), leases.instance());
        } else if (action instanceof BotAction.ReportLeftToNewer newer) {
            LOG.error("{} is given back by instance {} for a newer instance to run, and not taken here again: {}; upgrade every"
                    + " instance together", label(bot), leases.instance(), newer.reason());
        } else if (action instanceof BotAction.ReportGivenBack) {
            LOG.info("{} is given back by instance {} for another instance to take (a fair share each)", label(bot), leases.instance());
        }
    }

    private Fleet.Bot ready(String bot) {
        if (bots.get(bot) instanceof Ready ready) {
            return ready.bot();
        }
        throw new IllegalStateException(label(bot) + " cannot run, so it is never started or cut");
    }

    /** Cuts the bot's polling now and stops it cleanly on the fleet's threads; its lease goes once it has stopped. */
    private void stop(String bot) {
        CompletableFuture<Boolean> stopped = bots.get(bot) instanceof Ready ready ? fleet.stopLater(ready.bot())
                : CompletableFuture.completedFuture(false);
        stopped.whenComplete((ran, failure) -> {
            if (failure != null) {
                LOG.error("{} did not stop cleanly on instance {}", label(bot), leases.instance(), failure);
            }
            // Refused once closing: close() deletes every lease itself.
            onHeartbeatThread(() -> {
                try {
                    apply(bot, new BotEvent.StopEnded());
                } catch (StoreException e) {
                    LOG.warn("{} stopped, but its lease could not be deleted: {}; it expires in {} s", label(bot), e.getMessage(),
                            LeaseKeeper.seconds(expiry));
                }
            });
        });
    }

    /** Its owners hear why it is not running off the heartbeat's thread: it is a Bot API call. */
    private void tellOwners(String bot) {
        Unfit unfit = (Unfit) bots.get(bot);
        CompletableFuture.runAsync(() -> {
            List<Long> told = fleet.tellOwners(unfit.telegram(), unfit.ownerMessage());
            LOG.info("{}: {}", label(bot), told.isEmpty() ? "no owner chat of it could be told" : "told in owner chats " + told);
        }).exceptionally(failure -> {
            LOG.error("{}: its owner chats could not be told why it is not running", label(bot), failure);
            return null;
        });
    }

    private void started(String bot, Fleet.Start outcome) {
        BotEvent event = new BotEvent.Started();
        if (outcome instanceof Fleet.Start.NotStarted not) {
            event = not.schemaHeld() ? new BotEvent.DatabaseHeld(not.reason())
                    : not.newerSchema() ? new BotEvent.NewerSchema(not.reason()) : new BotEvent.StartFailed(not.reason());
        }
        applyRecording(bot, event);
    }

    /** A running bot stopped by itself (heard on the fleet's thread): held stopped when the cause is its own, else given back. */
    private void stoppedAlone(Fleet.Bot bot, String reason, boolean mayRunElsewhere) {
        String key = bot.name().orElse("");
        onHeartbeatThread(() -> applyRecording(key, new BotEvent.StoppedAlone(reason, mayRunElsewhere)));
    }

    private void applyRecording(String bot, BotEvent event) {
        try {
            apply(bot, event);
        } catch (StoreException e) {
            LOG.warn("{}: cannot record its lease's state: {}; the next heartbeat sets it right", label(bot), e.getMessage());
        }
    }

    /** Runs {@code work} on the heartbeat thread, unless the heartbeat has ended (close() stops every bot itself). */
    private void onHeartbeatThread(Runnable work) {
        try {
            heartbeat.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("instance {}'s heartbeat has ended; close() stops the bots", leases.instance());
        }
    }

    static String label(String bot) {
        return bot.isEmpty() ? "the bot" : "bot '" + bot + "'";
    }
}
