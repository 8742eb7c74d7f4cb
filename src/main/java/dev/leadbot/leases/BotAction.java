package dev.leadbot.leases;

/** What the heartbeat does for one bot, in the order given; a failed step leaves the rest undone. */
public sealed interface BotAction {

    /** Start it off the heartbeat's thread; how the start ends comes back as an event. */
    record Start() implements BotAction {
    }

    /** Cut its polling now and stop it cleanly off the heartbeat's thread; {@link BotEvent.StopEnded} follows. */
    record Stop() implements BotAction {
    }

    /** Cut its polling now, and nothing else: the watchdog's one act, so no other instance ever polls alongside. */
    record Cut() implements BotAction {
    }

    /** Record on its lease that it is stopped, and why, so other instances leave it alone. */
    record RecordStopped(String reason) implements BotAction {
    }

    /** Tell its owner chats why it is not running: once, by the instance that took it. */
    record TellOwners(String reason) implements BotAction {
    }

    /** Delete its lease, for any instance to take. */
    record GiveLeaseBack() implements BotAction {
    }

    /** Log that it is stopped, and why. */
    record ReportLost(String why) implements BotAction {
    }

    /** Log that another session still holds its database, so it is tried again later. */
    record ReportWaiting(String reason) implements BotAction {
    }

    /** Log that it got its database back and runs. */
    record ReportDatabaseBack() implements BotAction {
    }

    /** Log that it is left to newer instances and not taken here again. */
    record ReportLeftToNewer(String reason) implements BotAction {
    }

    /** Log that it was given back as surplus. */
    record ReportGivenBack() implements BotAction {
    }
}
