package dev.leadbot.leases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How instances sharing one database divide the bots, decided by each instance alone from what it reads at its
 * heartbeat: no coordinator, no messages between instances, the database's atomic take settling any race.
 *
 * <p>With B bots and I live instances each aims at ceil(B/I) and takes nothing while it holds that many. An instance at or
 * above floor(B/I) leaves free bots to the instances below it first, and gives back its surplus only when the free bots do
 * not cover their shortfall; who gives is decided the same way by everyone (the fullest, ties by id), so the bots move once,
 * not back and forth. 10 bots on 3 instances settle at 4, 3, 3, and stay there.
 *
 * <p>Each instance prefers its own order of the bots (rendezvous hashing on instance and bot), so instances starting
 * together mostly reach for different bots, and one gives back the bots it would be last to take.
 */
public final class FairShare {

    private FairShare() {
    }

    /** What {@code situation.self()} does at this heartbeat. */
    public static Decision decide(Situation situation) {
        String self = situation.self();
        Map<String, String> holders = new HashMap<>();
        for (Lease lease : situation.leases()) {
            if (situation.bots().contains(lease.bot()) && lease.heldAt(situation.now())) {
                holders.put(lease.bot(), lease.holder());
            }
        }
        Set<String> live = new TreeSet<>();
        live.add(self);
        situation.instances().stream().filter(i -> i.liveAt(situation.now())).map(Instance::id).forEach(live::add);

        Set<String> mine = new TreeSet<>();
        holders.forEach((bot, holder) -> {
            if (holder.equals(self)) {
                mine.add(bot);
            }
        });
        List<String> lost = situation.held().stream().filter(bot -> !mine.contains(bot)).sorted().toList();
        // A lease in this instance's name it does not run (left by an earlier run under the same id): take it up again.
        List<String> adopt = byPreference(self, mine.stream().filter(bot -> !situation.held().contains(bot)).toList());
        List<String> running = byPreference(self, mine.stream().filter(bot -> situation.held().contains(bot)).toList());
        List<String> free = byPreference(self, situation.bots().stream().filter(bot -> !holders.containsKey(bot)).toList());

        int bots = situation.bots().size();
        int instances = live.size();
        int floor = bots / instances;
        int ceil = (bots + instances - 1) / instances;
        Map<String, Integer> counts = new HashMap<>();
        live.forEach(id -> counts.put(id, 0));
        holders.values().stream().filter(counts::containsKey).forEach(holder -> counts.merge(holder, 1, Integer::sum));
        int mineCount = counts.get(self);
        int othersShort = live.stream().filter(id -> !id.equals(self)).mapToInt(id -> Math.max(0, floor - counts.get(id))).sum();

        int quota = 0;
        int room = ceil - mineCount;
        if (room > 0) {
            quota = mineCount < floor ? room : Math.min(room, Math.max(0, free.size() - othersShort));
        }
        int surplus = mineCount > floor ? givers(counts, floor, othersShort - free.size()).getOrDefault(self, 0) : 0;

        List<String> keep = new ArrayList<>(adopt);
        keep.addAll(running);
        // The bots it would be last to take go back first: ones it does not run yet, then the least preferred of those it runs.
        List<String> giveBack = new ArrayList<>();
        for (int i = 0; i < surplus; i++) {
            String bot = i < adopt.size() ? adopt.get(i) : running.get(running.size() - 1 - (i - adopt.size()));
            giveBack.add(bot);
        }
        List<String> renew = running.stream().filter(bot -> !giveBack.contains(bot)).sorted().toList();
        List<String> take = new ArrayList<>(adopt.stream().filter(bot -> !giveBack.contains(bot)).toList());
        take.addAll(free.subList(0, Math.min(quota, free.size())));
        return new Decision(renew, take, giveBack, lost);
    }

    /**
     * Who gives back how many bots so that {@code shortfall} bots come free: one at a time from the fullest live instance
     * above {@code floor}, ties broken by id, so every instance reading the same rows picks the same givers.
     */
    private static Map<String, Integer> givers(Map<String, Integer> counts, int floor, int shortfall) {
        Map<String, Integer> left = new HashMap<>(counts);
        Map<String, Integer> gives = new HashMap<>();
        Comparator<String> fullestFirst = Comparator.<String>comparingInt(left::get).reversed().thenComparing(Comparator.naturalOrder());
        for (int i = 0; i < shortfall; i++) {
            String giver = left.keySet().stream().filter(id -> left.get(id) > floor).min(fullestFirst).orElse(null);
            if (giver == null) {
                break;
            }
            left.merge(giver, -1, Integer::sum);
            gives.merge(giver, 1, Integer::sum);
        }
        return gives;
    }

    /** The bots in this instance's order of preference: its rendezvous weight for each, highest first. */
    static List<String> byPreference(String instance, List<String> bots) {
        return bots.stream().sorted(Comparator.comparingLong((String bot) -> weight(instance, bot)).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** A well-mixed 64-bit weight of the pair (SplitMix64's finaliser over String.hashCode, which Java fixes for all JVMs). */
    private static long weight(String instance, String bot) {
        long z = ((long) instance.hashCode() << 32) ^ (bot.hashCode() & 0xffffffffL);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
