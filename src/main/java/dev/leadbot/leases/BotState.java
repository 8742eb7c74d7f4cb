package dev.leadbot.leases;

/**
 * Where one bot stands on this instance. Only {@link Lifecycle} moves a bot from one state to the next; the heartbeat acts on
 * what it decides.
 */
public sealed interface BotState {

    /** Whether this instance holds the bot: it renews the lease and counts the bot in its share. */
    boolean held();

    /** Whether the watchdog cut its polling: it is lost at the next heartbeat, whatever that heartbeat reads. */
    default boolean cut() {
        return false;
    }

    /** Not held, nothing under way: where a bot rests between a stop and its next take. */
    sealed interface Idle extends BotState {
        @Override
        default boolean held() {
            return false;
        }
    }

    /**
     * Free to take. {@code waitedForDatabase} when another session held its database at its last start: that is logged once,
     * and its next start that runs says it got the database back.
     */
    record Free(boolean waitedForDatabase) implements Idle {
    }

    /** A newer leadbot wrote its database: given back for the newer instances, never taken here again. */
    record LeftToNewer() implements Idle {
    }

    /** Held, its start under way: neither given back nor started again until the start ends. */
    record Starting(boolean cut, boolean waitedForDatabase) implements BotState {
        @Override
        public boolean held() {
            return true;
        }
    }

    /** Its lease was lost while it started: it is stopped once the start ends, and only then free again. */
    record StartingLost(boolean waitedForDatabase) implements BotState {
        @Override
        public boolean held() {
            return false;
        }
    }

    /** Held and started. */
    record Running(boolean cut) implements BotState {
        @Override
        public boolean held() {
            return true;
        }
    }

    /** Held but stopped for a reason of its own (a refused token): recorded with it, renewed, not retried in a loop. */
    record HeldStopped(String reason, boolean cut, boolean waitedForDatabase) implements BotState {
        @Override
        public boolean held() {
            return true;
        }
    }

    /** Held stopped because its flow cannot run: never started, so nothing for the watchdog to cut. */
    record HeldUnfit(String reason) implements BotState {
        @Override
        public boolean held() {
            return true;
        }
    }

    /**
     * Its polling cut and its clean stop under way: not held, yet renewed so nobody else starts it meanwhile; once stopped its
     * lease is deleted and it becomes {@code then}. {@code announce} when it was given back as surplus, which is logged.
     */
    record Stopping(boolean announce, Idle then) implements BotState {
        @Override
        public boolean held() {
            return false;
        }
    }
}
