package dev.leadbot.leases;

import java.util.Optional;

/** What happens to one bot: read at a heartbeat, or heard from the threads that start and stop it. */
public sealed interface BotEvent {

    /** This instance won the bot's lease; {@code unfit} says why when its flow cannot run. */
    record Won(Optional<String> unfit) implements BotEvent {
    }

    /** Its start ended: it runs. */
    record Started() implements BotEvent {
    }

    /** Its start ended without it, for a reason of its own (a refused token): not worth retrying. */
    record StartFailed(String reason) implements BotEvent {
    }

    /** Its start ended without it because another session still holds its database: worth trying again. */
    record DatabaseHeld(String reason) implements BotEvent {
    }

    /** Its start ended without it because a newer leadbot wrote its database: only a newer instance can run it. */
    record NewerSchema(String reason) implements BotEvent {
    }

    /** It stopped by itself while running; {@code mayRunElsewhere} when the cause was not its own (its database taken over). */
    record StoppedAlone(String reason, boolean mayRunElsewhere) implements BotEvent {
    }

    /** Its lease is no longer this instance's, or may not be for long: it stops at once. */
    record Lost(String why) implements BotEvent {
    }

    /** It is surplus while another instance is short: it stops cleanly, then its lease goes back. */
    record GiveBack() implements BotEvent {
    }

    /** The leases were last renewed longer ago than the expiry less one heartbeat (the watchdog's finding). */
    record Overdue() implements BotEvent {
    }

    /** A heartbeat begins. */
    record Beat() implements BotEvent {
    }

    /** Its clean stop ended. */
    record StopEnded() implements BotEvent {
    }
}
