package dev.leadbot.leases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one instance knows at a heartbeat, all of it read from the shared database at one moment.
 *
 * @param now       the database's clock, so instances on machines whose clocks differ agree
 * @param self      this instance's id
 * @param bots      the bots of the settings file
 * @param held      the bots this instance holds now: running, or stopped for a reason of their own (a refused token)
 * @param instances the instance rows, live or not
 * @param leases    the lease rows, held or expired
 */
public record Situation(Instant now, String self, Set<String> bots, Set<String> held, List<Instance> instances, List<Lease> leases) {

    public Situation {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(self, "self");
        bots = Set.copyOf(bots);
        held = Set.copyOf(held);
        instances = List.copyOf(instances);
        leases = List.copyOf(leases);
    }
}
