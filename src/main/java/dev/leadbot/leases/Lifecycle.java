package dev.leadbot.leases;

import dev.leadbot.leases.BotAction.GiveLeaseBack;
import dev.leadbot.leases.BotAction.RecordStopped;
import dev.leadbot.leases.BotAction.ReportLost;
import dev.leadbot.leases.BotAction.Stop;
import dev.leadbot.leases.BotState.Free;
import dev.leadbot.leases.BotState.HeldStopped;
import dev.leadbot.leases.BotState.HeldUnfit;
import dev.leadbot.leases.BotState.Idle;
import dev.leadbot.leases.BotState.LeftToNewer;
import dev.leadbot.leases.BotState.Running;
import dev.leadbot.leases.BotState.Starting;
import dev.leadbot.leases.BotState.StartingLost;
import dev.leadbot.leases.BotState.Stopping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One bot's life on this instance, as transitions: a state and an event in, the next state and what to do out. A bot is
 * started only once its lease is won, and never twice at once; its polling is cut the moment its lease is lost, or when the
 * leases were not renewed in time; surplus stops cleanly before its lease goes back; a bot that cannot run for a reason of
 * its own stays held, recorded as stopped, its owners told once when its flow is the reason.
 */
public final class Lifecycle {

    /** Why a bot the watchdog cut is stopped at the next heartbeat. */
    static final String CUT_BY_WATCHDOG = "its lease was not renewed in time, so its polling was cut before the lease could expire";

    private Lifecycle() {
    }

    /** The next state and what to do to get there, in order. */
    public record Step(BotState state, List<BotAction> actions) {
        public Step {
            actions = List.copyOf(actions);
        }

        private static Step stay(BotState state) {
            return new Step(state, List.of());
        }
    }

    /** Where every bot begins: free, nothing remembered. */
    public static BotState initial() {
        return new Free(false);
    }

    /** Whether the heartbeat may reach for the bot's lease: never while it starts, stops, or is left to newer instances. */
    public static boolean mayTake(BotState state) {
        return state instanceof Free;
    }

    /** What {@code event} does to a bot in {@code state}; an event that does not apply leaves it as it is. */
    public static Step on(BotState state, BotEvent event) {
        if (event instanceof BotEvent.Won won) {
            return won(state, won);
        }
        if (event instanceof BotEvent.Started || event instanceof BotEvent.StartFailed || event instanceof BotEvent.DatabaseHeld
                || event instanceof BotEvent.NewerSchema) {
            return startEnded(state, event);
        }
        if (event instanceof BotEvent.StoppedAlone alone) {
            return stoppedAlone(state, alone);
        }
        if (event instanceof BotEvent.Lost lost) {
            return lost(state, lost.why());
        }
        if (event instanceof BotEvent.GiveBack) {
            return giveBack(state);
        }
        if (event instanceof BotEvent.Overdue) {
            return overdue(state);
        }
        if (event instanceof BotEvent.Beat) {
            return state.cut() ? lost(state, CUT_BY_WATCHDOG) : Step.stay(state);
        }
        if (event instanceof BotEvent.StopEnded && state instanceof Stopping stopping) {
            return new Step(stopping.then(), stopping.announce() ? List.of(new GiveLeaseBack(), new BotAction.ReportGivenBack())
                    : List.of(new GiveLeaseBack()));
        }
        return Step.stay(state);
    }

    private static Step won(BotState state, BotEvent.Won won) {
        if (!(state instanceof Free free)) {
            return Step.stay(state);
        }
        if (won.unfit().isPresent()) {
            String reason = won.unfit().get();
            return new Step(new HeldUnfit(reason), List.of(new RecordStopped(reason), new BotAction.TellOwners(reason)));
        }
        return new Step(new Starting(false, free.waitedForDatabase()), List.of(new BotAction.Start()));
    }

    private static Step startEnded(BotState state, BotEvent ended) {
        if (state instanceof StartingLost lost) {
            // Lost while it started: one that runs now is stopped as any lost bot is; one that did not is simply free.
            Free free = new Free(lost.waitedForDatabase());
            return ended instanceof BotEvent.Started ? new Step(new Stopping(false, free), List.of(new Stop())) : Step.stay(free);
        }
        if (!(state instanceof Starting starting)) {
            return Step.stay(state);
        }
        boolean waited = starting.waitedForDatabase();
        if (ended instanceof BotEvent.StartFailed failed) {
            return new Step(new HeldStopped(failed.reason(), starting.cut(), waited), List.of(new RecordStopped(failed.reason())));
        }
        if (ended instanceof BotEvent.DatabaseHeld held) {
            return new Step(new Free(true), waited ? List.of(new GiveLeaseBack())
                    : List.of(new GiveLeaseBack(), new BotAction.ReportWaiting(held.reason())));
        }
        if (ended instanceof BotEvent.NewerSchema newer) {
            return new Step(new LeftToNewer(), List.of(new GiveLeaseBack(), new BotAction.ReportLeftToNewer(newer.reason())));
        }
        return new Step(new Running(starting.cut()), waited ? List.of(new BotAction.ReportDatabaseBack()) : List.of());
    }

    private static Step stoppedAlone(BotState state, BotEvent.StoppedAlone alone) {
        if (!state.held()) {
            return Step.stay(state);
        }
        if (alone.mayRunElsewhere()) {
            BotState next = state instanceof Starting starting ? new StartingLost(starting.waitedForDatabase()) : new Free(waited(state));
            return new Step(next, List.of(new GiveLeaseBack()));
        }
        BotState next = state;
        if (state instanceof Running running) {
            next = new HeldStopped(alone.reason(), running.cut(), false);
        } else if (state instanceof HeldStopped stopped) {
            next = new HeldStopped(alone.reason(), stopped.cut(), stopped.waitedForDatabase());
        }
        return new Step(next, List.of(new RecordStopped(alone.reason())));
    }

    private static Step lost(BotState state, String why) {
        if (state instanceof Starting starting) {
            // Stopped once its start ends: a start under way cannot be cut short.
            return new Step(new StartingLost(starting.waitedForDatabase()), List.of(new ReportLost(why)));
        }
        if (!state.held()) {
            return Step.stay(state);
        }
        return new Step(new Stopping(false, new Free(waited(state))), List.of(new Stop(), new ReportLost(why)));
    }

    private static Step giveBack(BotState state) {
        // One starting is given back at a later heartbeat, once it runs and can be stopped cleanly; one stopping already is.
        if (state instanceof Starting || state instanceof StartingLost || state instanceof Stopping) {
            return Step.stay(state);
        }
        Idle then = state instanceof LeftToNewer newer ? newer : new Free(waited(state));
        return new Step(new Stopping(true, then), List.of(new Stop()));
    }

    private static Step overdue(BotState state) {
        BotState cut = state;
        if (state instanceof Starting starting && !starting.cut()) {
            cut = new Starting(true, starting.waitedForDatabase());
        } else if (state instanceof Running running && !running.cut()) {
            cut = new Running(true);
        } else if (state instanceof HeldStopped stopped && !stopped.cut()) {
            cut = new HeldStopped(stopped.reason(), true, stopped.waitedForDatabase());
        }
        return cut == state ? Step.stay(state) : new Step(cut, List.of(new BotAction.Cut()));
    }

    private static boolean waited(BotState state) {
        if (state instanceof Free free) {
            return free.waitedForDatabase();
        }
        if (state instanceof Starting starting) {
            return starting.waitedForDatabase();
        }
        if (state instanceof StartingLost lost) {
            return lost.waitedForDatabase();
        }
        return state instanceof HeldStopped stopped && stopped.waitedForDatabase();
    }

    /** The bots this instance holds. */
    public static Set<String> held(Map<String, BotState> states) {
        Set<String> held = new TreeSet<>();
        states.forEach((bot, state) -> {
            if (state.held()) {
                held.add(bot);
            }
        });
        return held;
    }

    /**
     * The leases to renew at a heartbeat: those the fair share keeps, those it would give back that are still starting (given
     * back once they run), and those stopping, whose lease stays until they have stopped so nobody else starts them meanwhile.
     */
    public static List<String> renewals(Decision decision, Map<String, BotState> states) {
        List<String> renew = new ArrayList<>(decision.renew());
        decision.giveBack().stream().filter(bot -> states.get(bot) instanceof Starting || states.get(bot) instanceof StartingLost)
                .forEach(renew::add);
        new TreeSet<>(states.keySet()).stream().filter(bot -> states.get(bot) instanceof Stopping && !renew.contains(bot))
                .forEach(renew::add);
        return renew;
    }

    /** The leases renewed while the instance stops: every bot held, starting or stopping, so none expires meanwhile. */
    public static Set<String> renewedWhileClosing(Map<String, BotState> states) {
        Set<String> renew = new TreeSet<>();
        states.forEach((bot, state) -> {
            if (state.held() || state instanceof StartingLost || state instanceof Stopping) {
                renew.add(bot);
            }
        });
        return renew;
    }
}
