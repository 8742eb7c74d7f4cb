package dev.leadbot.leases;

import java.util.List;

/**
 * What an instance does at a heartbeat; each list in the order to act on it, no bot in two of them.
 *
 * @param renew    bots it holds and keeps: their leases are renewed
 * @param take     bots to try to take (free, or whose lease expired); the database says which it wins
 * @param giveBack bots it holds beyond its fair share while another instance has fewer: stop cleanly, then delete the lease
 * @param lost     bots it runs whose lease is no longer its own (taken, expired, deleted): stop at once
 */
public record Decision(List<String> renew, List<String> take, List<String> giveBack, List<String> lost) {

    public Decision {
        renew = List.copyOf(renew);
        take = List.copyOf(take);
        giveBack = List.copyOf(giveBack);
        lost = List.copyOf(lost);
    }

    /** Whether nothing changes hands: only renewals. */
    public boolean steady() {
        return take.isEmpty() && giveBack.isEmpty() && lost.isEmpty();
    }
}
