package dev.leadbot.leases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.leases.BotAction.Cut;
import dev.leadbot.leases.BotAction.GiveLeaseBack;
import dev.leadbot.leases.BotAction.RecordStopped;
import dev.leadbot.leases.BotAction.ReportDatabaseBack;
import dev.leadbot.leases.BotAction.ReportGivenBack;
import dev.leadbot.leases.BotAction.ReportLeftToNewer;
import dev.leadbot.leases.BotAction.ReportLost;
import dev.leadbot.leases.BotAction.ReportWaiting;
import dev.leadbot.leases.BotAction.Start;
import dev.leadbot.leases.BotAction.Stop;
import dev.leadbot.leases.BotAction.TellOwners;
import dev.leadbot.leases.BotEvent.Beat;
import dev.leadbot.leases.BotEvent.DatabaseHeld;
import dev.leadbot.leases.BotEvent.GiveBack;
import dev.leadbot.leases.BotEvent.Lost;
import dev.leadbot.leases.BotEvent.NewerSchema;
import dev.leadbot.leases.BotEvent.Overdue;
import dev.leadbot.leases.BotEvent.StartFailed;
import dev.leadbot.leases.BotEvent.Started;
import dev.leadbot.leases.BotEvent.StopEnded;
import dev.leadbot.leases.BotEvent.StoppedAlone;
import dev.leadbot.leases.BotEvent.Won;
import dev.leadbot.leases.BotState.Free;
import dev.leadbot.leases.BotState.HeldStopped;
import dev.leadbot.leases.BotState.HeldUnfit;
import dev.leadbot.leases.BotState.LeftToNewer;
import dev.leadbot.leases.BotState.Running;
import dev.leadbot.leases.BotState.Starting;
import dev.leadbot.leases.BotState.StartingLost;
import dev.leadbot.leases.BotState.Stopping;
import dev.leadbot.leases.Lifecycle.Step;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One bot's life on an instance, transition by transition: the state it ends in and exactly what the heartbeat does. */
class LifecycleTest {

    private static final String TAKEN = "its lease is no longer this instance's (taken or expired)";
    private static final String REFUSED = "Telegram refused its token (401 Unauthorized)";
    private static final String HELD = "cannot open the database: it is in use";
    private static final String NEWER = "cannot open the database: it was written by a newer leadbot (schema 9; this one knows up to 8)";
    private static final String UNFIT = "its flow cafe.yaml cannot run; fix it (leadbot validate --bot cafe) and start leadbot again";

    private static final Won WON = new Won(Optional.empty());

    /** Applies the events in turn; returns the last step. */
    private static Step after(BotState state, BotEvent... events) {
        Step step = new Step(state, List.of());
        for (BotEvent event : events) {
            step = Lifecycle.on(step.state(), event);
        }
        return step;
    }

    private static void assertUnchanged(BotState state, BotEvent event) {
        assertEquals(new Step(state, List.of()), Lifecycle.on(state, event), state + " on " + event);
    }

    @Test
    void everyBotBeginsFreeToTake() {
        assertEquals(new Free(false), Lifecycle.initial());
        assertTrue(Lifecycle.mayTake(Lifecycle.initial()));
    }

    @Test
    void aBotWhoseLeaseIsWonStartsAndIsHeld() {
        Step step = Lifecycle.on(new Free(false), WON);
        assertEquals(new Step(new Starting(false, false), List.of(new Start())), step);
        assertTrue(step.state().held());
    }

    @Test
    void aBotBeingStartedIsNeverTakenOrStartedAgainNorGivenBack() {
        Starting starting = new Starting(false, false);
        assertFalse(Lifecycle.mayTake(starting));
        assertUnchanged(starting, WON);
        assertUnchanged(starting, new GiveBack());
        assertUnchanged(new StartingLost(false), WON);
        assertFalse(Lifecycle.mayTake(new StartingLost(false)));
    }

    @Test
    void aStartThatRunsMakesTheBotRunningWithNothingToReport() {
        assertEquals(new Step(new Running(false), List.of()), Lifecycle.on(new Starting(false, false), new Started()));
    }

    @Test
    void aLostRunningBotStopsAtOnceAndIsFreeOnlyOnceStoppedWithoutAnAnnouncement() {
        assertEquals(new Step(new Stopping(false, new Free(false)), List.of(new Stop(), new ReportLost(TAKEN))),
                Lifecycle.on(new Running(false), new Lost(TAKEN)));
        assertEquals(new Step(new Free(false), List.of(new GiveLeaseBack())), after(new Running(false), new Lost(TAKEN), new StopEnded()));
    }

    @Test
    void aBotLostWhileStartingIsReportedAtOnceAndStoppedWhenItsStartEnds() {
        Step lost = Lifecycle.on(new Starting(false, false), new Lost(TAKEN));
        assertEquals(new Step(new StartingLost(false), List.of(new ReportLost(TAKEN))), lost);
        assertFalse(lost.state().held());
        assertEquals(new Step(new Stopping(false, new Free(false)), List.of(new Stop())), Lifecycle.on(lost.state(), new Started()));
    }

    @Test
    void aBotLostWhileStartingThatDidNotStartIsFreeAgainWithNothingToDo() {
        for (BotEvent ended : List.of(new StartFailed(REFUSED), new DatabaseHeld(HELD), new NewerSchema(NEWER))) {
            assertEquals(new Step(new Free(true), List.of()), Lifecycle.on(new StartingLost(true), ended), ended.toString());
        }
    }

    @Test
    void aBotStoppingIsRenewedButNeitherTakenNorLostNorGivenBackAgainUntilItHasStopped() {
        Stopping stopping = new Stopping(true, new Free(false));
        assertFalse(stopping.held());
        assertFalse(Lifecycle.mayTake(stopping));
        assertUnchanged(stopping, WON);
        assertUnchanged(stopping, new Lost(TAKEN));
        assertUnchanged(stopping, new GiveBack());
        assertUnchanged(stopping, new Overdue());
        assertEquals(List.of("b"), Lifecycle.renewals(new Decision(List.of(), List.of(), List.of(), List.of()), Map.of("b", stopping)));
    }

    @Test
    void surplusStopsCleanlyThenItsLeaseIsGivenBackAndAnnounced() {
        assertEquals(new Step(new Stopping(true, new Free(false)), List.of(new Stop())), Lifecycle.on(new Running(false), new GiveBack()));
        assertEquals(new Step(new Free(false), List.of(new GiveLeaseBack(), new ReportGivenBack())),
                after(new Running(false), new GiveBack(), new StopEnded()));
    }

    @Test
    void surplusIsGivenBackOnlyOnceANewcomerIsShortAndOnlyAfterItsCleanStop() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        List<Lease> leases = List.of(new Lease("b1", "a", now.plusSeconds(10)), new Lease("b2", "a", now.plusSeconds(10)));
        Map<String, BotState> states = new LinkedHashMap<>(Map.of("b1", new Running(false), "b2", new Running(false)));
        Decision alone = FairShare.decide(new Situation(now, "a", states.keySet(), Lifecycle.held(states),
                List.of(new Instance("a", now.plusSeconds(10))), leases));
        assertEquals(List.of(), alone.giveBack());

        Decision withNewcomer = FairShare.decide(new Situation(now, "a", states.keySet(), Lifecycle.held(states),
                List.of(new Instance("a", now.plusSeconds(10)), new Instance("b", now.plusSeconds(10))), leases));
        assertEquals(1, withNewcomer.giveBack().size());
        String surplus = withNewcomer.giveBack().get(0);
        Step stopping = Lifecycle.on(states.get(surplus), new GiveBack());
        assertEquals(new Step(new Stopping(true, new Free(false)), List.of(new Stop())), stopping);
        states.put(surplus, stopping.state());
        // Its lease stays renewed while it stops, so the newcomer cannot start it alongside; it goes back once it has stopped.
        assertTrue(Lifecycle.renewals(withNewcomer, states).contains(surplus));
        assertEquals(new Step(new Free(false), List.of(new GiveLeaseBack(), new ReportGivenBack())),
                Lifecycle.on(stopping.state(), new StopEnded()));
    }

    @Test
    void aLeaseInThisInstancesNameItDoesNotRunIsGivenBackThroughACleanStopToo() {
        assertEquals(new Step(new Stopping(true, new Free(true)), List.of(new Stop())), Lifecycle.on(new Free(true), new GiveBack()));
    }

    @Test
    void surplusStillStartingIsRenewedAndGivenBackOnlyAtAHeartbeatAfterItRuns() {
        Map<String, BotState> states = new LinkedHashMap<>();
        states.put("kept", new Running(false));
        states.put("starting", new Starting(false, false));
        Decision decision = new Decision(List.of("kept"), List.of(), List.of("starting"), List.of());
        assertEquals(List.of("kept", "starting"), Lifecycle.renewals(decision, states));
        assertUnchanged(new Starting(false, false), new GiveBack());
        assertEquals(new Step(new Stopping(true, new Free(false)), List.of(new Stop())),
                after(new Starting(false, false), new Started(), new GiveBack()));
    }

    @Test
    void aBotThatCannotStartForAReasonOfItsOwnIsHeldStoppedWithItAndNotRetried() {
        Step step = Lifecycle.on(new Starting(false, false), new StartFailed(REFUSED));
        assertEquals(new Step(new HeldStopped(REFUSED, false, false), List.of(new RecordStopped(REFUSED))), step);
        assertTrue(step.state().held());
        assertFalse(Lifecycle.mayTake(step.state()));
        assertUnchanged(step.state(), WON);
    }

    @Test
    void aHeldBotWhoseFlowCannotRunIsRecordedStoppedAndItsOwnersAreToldOnce() {
        Step won = Lifecycle.on(new Free(false), new Won(Optional.of(UNFIT)));
        assertEquals(new Step(new HeldUnfit(UNFIT), List.of(new RecordStopped(UNFIT), new TellOwners(UNFIT))), won);
        assertTrue(won.state().held());
        // Heartbeat after heartbeat it stays held and nobody is told again.
        for (BotEvent later : List.of(WON, new Beat(), new Overdue(), new Beat(), WON)) {
            assertUnchanged(won.state(), later);
        }
    }

    @Test
    void aHeldBotWhoseFlowCannotRunIsGivenBackLikeAnyOtherWhenLostOrSurplus() {
        assertEquals(new Step(new Stopping(false, new Free(false)), List.of(new Stop(), new ReportLost(TAKEN))),
                Lifecycle.on(new HeldUnfit(UNFIT), new Lost(TAKEN)));
        assertEquals(new Step(new Stopping(true, new Free(false)), List.of(new Stop())),
                Lifecycle.on(new HeldUnfit(UNFIT), new GiveBack()));
    }

    @Test
    void aNewerSchemaBotIsGivenBackWithItsReasonAndNeverTakenAgain() {
        Step step = Lifecycle.on(new Starting(false, false), new NewerSchema(NEWER));
        assertEquals(new Step(new LeftToNewer(), List.of(new GiveLeaseBack(), new ReportLeftToNewer(NEWER))), step);
        assertFalse(step.state().held());
        assertFalse(Lifecycle.mayTake(step.state()));
        assertUnchanged(step.state(), WON);
        assertUnchanged(step.state(), new Beat());
    }

    @Test
    void aNewerSchemaBotWhoseLeaseIsStillInThisInstancesNameIsGivenBackAndStaysLeftToNewer() {
        assertEquals(new Step(new Stopping(true, new LeftToNewer()), List.of(new Stop())), Lifecycle.on(new LeftToNewer(), new GiveBack()));
        assertEquals(new Step(new LeftToNewer(), List.of(new GiveLeaseBack(), new ReportGivenBack())),
                after(new LeftToNewer(), new GiveBack(), new StopEnded()));
    }

    @Test
    void aBotWhoseDatabaseAnotherSessionHoldsIsGivenBackTriedAgainAndLoggedOnceUntilItRuns() {
        Step first = Lifecycle.on(new Starting(false, false), new DatabaseHeld(HELD));
        assertEquals(new Step(new Free(true), List.of(new GiveLeaseBack(), new ReportWaiting(HELD))), first);
        assertTrue(Lifecycle.mayTake(first.state()));
        assertEquals(new Step(new Free(true), List.of(new GiveLeaseBack())), after(first.state(), WON, new DatabaseHeld(HELD)));
        assertEquals(new Step(new Running(false), List.of(new ReportDatabaseBack())), after(first.state(), WON, new Started()));
    }

    @Test
    void aBotThatWaitedForItsDatabaseSaysItGotItBackEvenAfterAStopInBetween() {
        assertEquals(new Step(new Running(false), List.of(new ReportDatabaseBack())), after(new Starting(false, true),
                new StartFailed(REFUSED), new Lost(TAKEN), new StopEnded(), WON, new Started()));
    }

    @Test
    void aRunningBotRevokedIsHeldStoppedWithItsReason() {
        assertEquals(new Step(new HeldStopped(REFUSED, false, false), List.of(new RecordStopped(REFUSED))),
                Lifecycle.on(new Running(false), new StoppedAlone(REFUSED, false)));
    }

    @Test
    void aRunningBotWhoseDatabaseWasTakenOverIsGivenBackAtOnceToBeTakenAgainLater() {
        String why = "another instance took its database while this one's session was down";
        Step step = Lifecycle.on(new Running(false), new StoppedAlone(why, true));
        assertEquals(new Step(new Free(false), List.of(new GiveLeaseBack())), step);
        assertTrue(Lifecycle.mayTake(step.state()));
    }

    @Test
    void aBotHeardToStopWhileItsStartIsStillBeingReportedIsRecordedOrGivenBackAsItStarts() {
        assertEquals(new Step(new Starting(false, false), List.of(new RecordStopped(REFUSED))),
                Lifecycle.on(new Starting(false, false), new StoppedAlone(REFUSED, false)));
        Step elsewhere = Lifecycle.on(new Starting(false, true), new StoppedAlone(HELD, true));
        assertEquals(new Step(new StartingLost(true), List.of(new GiveLeaseBack())), elsewhere);
        assertEquals(new Step(new Stopping(false, new Free(true)), List.of(new Stop())), Lifecycle.on(elsewhere.state(), new Started()));
    }

    @Test
    void aBotNotHeldHereIgnoresWhatOnlyAHeldBotHears() {
        List<BotState> notHeld = List.of(new Free(false), new LeftToNewer(), new StartingLost(false), new Stopping(false, new Free(false)));
        for (BotState state : notHeld) {
            assertUnchanged(state, new StoppedAlone(REFUSED, false));
            assertUnchanged(state, new Overdue());
            assertUnchanged(state, new Beat());
        }
        assertUnchanged(new Free(false), new Lost(TAKEN));
        assertUnchanged(new Free(false), new Started());
        assertUnchanged(new Running(false), new StopEnded());
    }

    @Test
    void theWatchdogCutsEachHeldBotOnceAndTheNextHeartbeatStopsIt() {
        Step cut = Lifecycle.on(new Running(false), new Overdue());
        assertEquals(new Step(new Running(true), List.of(new Cut())), cut);
        assertUnchanged(cut.state(), new Overdue());
        assertEquals(new Step(new Stopping(false, new Free(false)), List.of(new Stop(),
                new ReportLost("its lease was not renewed in time, so its polling was cut before the lease could expire"))),
                Lifecycle.on(cut.state(), new Beat()));
    }

    @Test
    void theWatchdogCutsABotStillStartingOrHeldStoppedAndTheCutOutlivesItsStartsEnd() {
        assertEquals(new Step(new Starting(true, false), List.of(new Cut())), Lifecycle.on(new Starting(false, false), new Overdue()));
        assertEquals(new Step(new HeldStopped(REFUSED, true, false), List.of(new Cut())),
                Lifecycle.on(new HeldStopped(REFUSED, false, false), new Overdue()));
        assertEquals(new Step(new Running(true), List.of()), Lifecycle.on(new Starting(true, false), new Started()));
        assertEquals(new Step(new StartingLost(false), List.of(new ReportLost(Lifecycle.CUT_BY_WATCHDOG))),
                Lifecycle.on(new Starting(true, false), new Beat()));
    }

    @Test
    void theWatchdogNeverCutsABotWhoseFlowCannotRunAndABeatWithoutACutChangesNothing() {
        assertUnchanged(new HeldUnfit(UNFIT), new Overdue());
        assertUnchanged(new Running(false), new Beat());
        assertUnchanged(new HeldStopped(REFUSED, false, true), new Beat());
    }

    @Test
    void theHeldAreThoseStartingRunningOrHeldStopped() {
        Map<String, BotState> states = Map.of("free", new Free(false), "newer", new LeftToNewer(), "starting", new Starting(false, false),
                "lost", new StartingLost(false), "running", new Running(false), "refused", new HeldStopped(REFUSED, false, false),
                "unfit", new HeldUnfit(UNFIT), "stopping", new Stopping(true, new Free(false)));
        assertEquals(Set.of("starting", "running", "refused", "unfit"), Lifecycle.held(states));
        assertEquals(Set.of("starting", "lost", "running", "refused", "unfit", "stopping"), Lifecycle.renewedWhileClosing(states));
    }

    @Test
    void aHeartbeatRenewsWhatTheFairShareKeepsAndEachStoppingBotOnce() {
        Map<String, BotState> states = new LinkedHashMap<>();
        states.put("a", new Running(false));
        states.put("z", new Stopping(false, new Free(false)));
        states.put("m", new Stopping(true, new Free(false)));
        states.put("surplus", new Running(false));
        Decision decision = new Decision(List.of("a", "m"), List.of(), List.of("surplus"), List.of());
        assertEquals(List.of("a", "m", "z"), Lifecycle.renewals(decision, states));
    }
}
