package dev.leadbot.leases;

import java.time.Instant;
import java.util.Objects;

/** An instance as the shared database has it: alive until its heartbeat expires. */
public record Instance(String id, Instant expiresAt) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it was still heard from at {@code now}. */
    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
