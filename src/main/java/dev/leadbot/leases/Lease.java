package dev.leadbot.leases;

import java.time.Instant;
import java.util.Objects;

/**
 * The lease on one bot as the shared database has it: who holds it and until when. A lease past its
 * expiry belongs to nobody, whoever it names.
 *
 * @param bot    the bot's name, empty for the one bot of a settings file without {@code bots:}
 * @param holder the id of the instance that holds it
 */
public record Lease(String bot, String holder, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it still holds at {@code now}. */
    public boolean heldAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
