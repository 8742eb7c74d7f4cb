package dev.leadbot.leases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fair share, decided alone by each instance from the rows it reads: single decisions, then whole fleets heartbeat by heartbeat. */
class FairShareTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration EXPIRY = Duration.ofSeconds(15);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private static Set<String> bots(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("bot%02d", i)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Lease lease(String bot, String holder) {
        return new Lease(bot, holder, NOW.plusSeconds(10));
    }

    private static Instance live(String id) {
        return new Instance(id, NOW.plusSeconds(10));
    }

    @Test
    void aLoneInstanceTakesEveryBotIncludingThoseWhoseLeaseExpired() {
        Decision decision = FairShare.decide(new Situation(NOW, "a", Set.of("shop", "cafe", "bar"), Set.of(), List.of(),
                List.of(new Lease("bar", "dead", NOW.minusSeconds(1)))));
        assertEquals(Set.of("shop", "cafe", "bar"), Set.copyOf(decision.take()));
        assertEquals(List.of(), decision.giveBack());
        assertEquals(List.of(), decision.lost());
    }

    @Test
    void aBotHeldByAnInstanceThatDiedIsNotTakenBeforeItsLeaseExpires() {
        Situation before = new Situation(NOW, "a", Set.of("shop", "cafe"), Set.of("shop"), List.of(live("a")),
                List.of(lease("shop", "a"), new Lease("cafe", "dead", NOW.plusSeconds(3))));
        assertEquals(new Decision(List.of("shop"), List.of(), List.of(), List.of()), FairShare.decide(before));
        Situation after = new Situation(NOW.plusSeconds(3), "a", before.bots(), before.held(), before.instances(), before.leases());
        assertEquals(new Decision(List.of("shop"), List.of("cafe"), List.of(), List.of()), FairShare.decide(after));
    }

    @Test
    void aBotWhoseLeaseIsNoLongerItsOwnIsLostTakenExpiredOrDeleted() {
        Situation situation = new Situation(NOW, "a", Set.of("shop", "cafe", "bar", "pub"), Set.of("shop", "cafe", "bar", "pub"),
                List.of(live("a"), live("b")), List.of(lease("shop", "a"), lease("cafe", "b"), new Lease("bar", "a", NOW)));
        Decision decision = FairShare.decide(situation);
        assertEquals(List.of("bar", "cafe", "pub"), decision.lost());
        assertEquals(List.of("shop"), decision.renew());
    }

    @Test
    void aBotStoppedForItsOwnReasonStaysHeldRenewedAndCountsInTheShare() {
        // "cafe" failed to start (a refused token): the instance keeps its lease, so nobody retries it in a loop, and it
        // counts as one of the instance's share: with 4 bots on 2 instances, 2 each, it takes nothing more.
        Situation situation = new Situation(NOW, "a", Set.of("shop", "cafe", "bar", "pub"), Set.of("shop", "cafe"),
                List.of(live("a"), live("b")), List.of(lease("shop", "a"), lease("cafe", "a"), lease("bar", "b")));
        assertEquals(new Decision(List.of("cafe", "shop"), List.of(), List.of(), List.of()), FairShare.decide(situation));
    }

    @Test
    void aLeaseInItsOwnNameItDoesNotRunIsTakenUpAgain() {
        Situation situation = new Situation(NOW, "a", Set.of("shop", "cafe", "bar"), Set.of("shop"), List.of(live("a"), live("b")),
                List.of(lease("shop", "a"), lease("cafe", "a"), lease("bar", "b")));
        assertEquals(new Decision(List.of("shop"), List.of("cafe"), List.of(), List.of()), FairShare.decide(situation));
    }

    @Test
    void aBotGivenBackBecauseItsSchemaWasStillLockedIsTakenAgainAtTheNextHeartbeat() {
        // The loop deleted the lease of a bot whose schema a stale holder still locked: at the next heartbeat it is free again.
        Situation situation = new Situation(NOW, "a", Set.of("shop", "cafe"), Set.of("shop"), List.of(live("a")), List.of(lease("shop", "a")));
        assertEquals(List.of("cafe"), FairShare.decide(situation).take());
    }

    @Test
    void liveCountsOnlyInstancesStillHeardFromAndAlwaysItself() {
        // "b" expired: a holds all 4 of 4 bots and gives nothing back to an instance that is gone.
        Situation situation = new Situation(NOW, "a", bots(4), bots(4), List.of(new Instance("b", NOW.minusSeconds(1))),
                bots(4).stream().map(bot -> lease(bot, "a")).toList());
        assertTrue(FairShare.decide(situation).steady());
        assertEquals(4, FairShare.decide(situation).renew().size());
    }

    /** Holdings that stay as they are: equal shares, or as equal as the numbers allow. */
    @ParameterizedTest(name = "{0} bots held {1}: nothing moves")
    @CsvSource(delimiter = ';', value = {"10; 5 5", "10; 4 3 3", "10; 3 4 3", "10; 3 3 4", "9; 3 3 3", "3; 1 1 1 0", "7; 2 2 2 1", "2; 1 1 0",
            "1; 1 0 0", "0; 0 0"})
    void sharesAsEqualAsTheNumbersAllowNeverMove(int count, String held) {
        Fleet fleet = Fleet.holding(bots(count), held);
        for (int round = 0; round < 10; round++) {
            for (String instance : fleet.instances()) {
                assertTrue(fleet.heartbeat(instance).steady(), () -> instance + " moved bots in " + fleet.counts());
            }
            fleet.pass(HEARTBEAT);
        }
    }

    /** Holdings out of balance, and how they settle. */
    @ParameterizedTest(name = "{0} bots held {1} settle at {2}")
    @CsvSource(delimiter = ';', value = {"10; 4 4 2; 3 4 3", "10; 10 0 0; 4 3 3", "10; 0 0 0; 4 3 3", "10; 6 4; 5 5", "10; 5 5 0; 4 3 3",
            "100; 100 0 0 0 0 0 0; 15 15 14 14 14 14 14", "5; 0 0 0 0 0 0 0; 1 1 1 1 1 0 0", "3; 3 0; 2 1"})
    void unequalSharesSettleFairAndThenStayPut(int count, String held, String settled) {
        Fleet fleet = Fleet.holding(bots(count), held);
        for (int round = 0; round < 4; round++) {
            fleet.instances().forEach(fleet::heartbeat);
            fleet.pass(HEARTBEAT);
        }
        assertEquals(sortedDescending(settled), sortedDescending(fleet.countsText()));
        Map<String, Set<String>> before = fleet.holdings();
        for (int round = 0; round < 10; round++) {
            fleet.instances().forEach(fleet::heartbeat);
            fleet.pass(HEARTBEAT);
        }
        assertEquals(before, fleet.holdings(), "settled holdings moved again");
    }

    @Test
    void tenBotsOnThreeInstancesStartingTogetherSettleAtFourThreeThree() {
        Fleet fleet = Fleet.holding(bots(10), "0 0 0");
        for (int round = 0; round < 3; round++) {
            fleet.instances().forEach(fleet::heartbeat);
            fleet.pass(HEARTBEAT);
        }
        assertEquals(List.of(4, 3, 3), fleet.counts().values().stream().sorted((x, y) -> y - x).toList());
    }

    @Test
    void aNewcomerHasItsShareWithinTwoOfItsHeartbeatsWhateverOrderTheInstancesBeatIn() {
        for (List<String> order : List.of(List.of("i1", "i2", "i3"), List.of("i3", "i1", "i2"), List.of("i2", "i3", "i1"),
                List.of("i3", "i2", "i1"))) {
            Fleet fleet = Fleet.holding(bots(10), "5 5");
            fleet.join("i3");
            for (int round = 0; round < 2; round++) {
                order.forEach(fleet::heartbeat);
                fleet.pass(HEARTBEAT);
            }
            assertEquals(3, fleet.counts().get("i3"), () -> order + ": " + fleet.counts());
            assertEquals(List.of(4, 3, 3), fleet.counts().values().stream().sorted((x, y) -> y - x).toList(), order::toString);
        }
    }

    @Test
    void theBotsOfAnInstanceThatDiedAreTakenByTheOthersOnceItsLeasesExpire() {
        Fleet fleet = Fleet.holding(bots(10), "4 3 3");
        fleet.die("i1");
        // Until its leases expire (15 s), nobody touches its bots.
        for (int round = 0; round < 2; round++) {
            fleet.instances().forEach(instance -> assertTrue(fleet.heartbeat(instance).steady(), fleet.counts()::toString));
            fleet.pass(HEARTBEAT);
        }
        for (int round = 0; round < 3; round++) {
            fleet.instances().forEach(fleet::heartbeat);
            fleet.pass(HEARTBEAT);
        }
        assertEquals(Map.of("i2", 5, "i3", 5), fleet.counts());
        assertEquals(bots(10), fleet.allHeld());
    }

    @Test
    void neverTwoInstancesHoldOneBotWhileInstancesComeGoAndBeatInAnyOrder() {
        Random random = new Random(14);
        for (int trial = 0; trial < 200; trial++) {
            Fleet fleet = Fleet.holding(bots(1 + random.nextInt(20)), "0".repeat(1 + random.nextInt(4)).replace("", " ").strip());
            int next = fleet.instances().size() + 1;
            for (int step = 0; step < 40; step++) {
                int event = random.nextInt(10);
                if (event == 0) {
                    fleet.join("i" + next++);
                } else if (event == 1 && fleet.instances().size() > 1) {
                    fleet.leave(fleet.instances().get(random.nextInt(fleet.instances().size())));
                } else if (event == 2 && fleet.instances().size() > 1) {
                    fleet.die(fleet.instances().get(random.nextInt(fleet.instances().size())));
                }
                List<String> order = new ArrayList<>(fleet.instances());
                java.util.Collections.shuffle(order, random);
                order.forEach(fleet::heartbeat);
                fleet.assertNoBotHeldTwice();
                fleet.pass(HEARTBEAT);
            }
            // Left alone for a few heartbeats, every bot is held and the shares are fair.
            for (int round = 0; round < 6; round++) {
                fleet.instances().forEach(fleet::heartbeat);
                fleet.assertNoBotHeldTwice();
                fleet.pass(HEARTBEAT);
            }
            assertEquals(fleet.bots(), fleet.allHeld(), "trial " + trial);
            int max = fleet.counts().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int min = fleet.counts().values().stream().mapToInt(Integer::intValue).min().orElse(0);
            assertTrue(max - min <= 1, () -> "unfair: " + fleet.counts());
        }
    }

    private static List<Integer> sortedDescending(String counts) {
        return java.util.Arrays.stream(counts.split(" ")).map(Integer::valueOf).sorted((x, y) -> y - x).toList();
    }

    /**
     * A shared database and the instances on it, each acting on its decision as the loop does: renewing, stopping the lost,
     * giving back, and taking only what is free (the database's atomic take). Time passes only when told.
     */
    private static final class Fleet {
        private final Set<String> bots;
        private final Map<String, Lease> leases = new TreeMap<>();
        private final Map<String, Instance> rows = new TreeMap<>();
        /** What each running instance holds by its own account. */
        private final Map<String, Set<String>> held = new LinkedHashMap<>();
        private Instant now = NOW;

        private Fleet(Set<String> bots) {
            this.bots = bots;
        }

        /** Instances i1, i2… holding the given numbers of bots, in the bots' order. */
        static Fleet holding(Set<String> bots, String counts) {
            Fleet fleet = new Fleet(bots);
            List<String> free = new ArrayList<>(bots);
            String[] each = counts.split(" ");
            for (int i = 0; i < each.length; i++) {
                String id = "i" + (i + 1);
                fleet.join(id);
                for (int n = 0; n < Integer.parseInt(each[i]); n++) {
                    String bot = free.remove(0);
                    fleet.leases.put(bot, new Lease(bot, id, fleet.now.plus(EXPIRY)));
                    fleet.held.get(id).add(bot);
                }
            }
            return fleet;
        }

        void join(String id) {
            held.put(id, new TreeSet<>());
            rows.put(id, new Instance(id, now.plus(EXPIRY)));
        }

        /** SIGTERM: its bots stop, its leases and row are deleted. */
        void leave(String id) {
            held.remove(id);
            rows.remove(id);
            leases.values().removeIf(lease -> lease.holder().equals(id));
        }

        /** kill -9: it says nothing; its rows stay until they expire. */
        void die(String id) {
            held.remove(id);
        }

        void pass(Duration time) {
            now = now.plus(time);
        }

        List<String> instances() {
            return List.copyOf(held.keySet());
        }

        Set<String> bots() {
            return bots;
        }

        Decision heartbeat(String id) {
            rows.put(id, new Instance(id, now.plus(EXPIRY)));
            Decision decision = FairShare.decide(new Situation(now, id, bots, held.get(id), List.copyOf(rows.values()),
                    List.copyOf(leases.values())));
            Set<String> mine = held.get(id);
            decision.lost().forEach(mine::remove);
            for (String bot : decision.renew()) {
                Lease lease = leases.get(bot);
                if (lease != null && lease.holder().equals(id) && lease.heldAt(now)) {
                    leases.put(bot, new Lease(bot, id, now.plus(EXPIRY)));
                } else {
                    mine.remove(bot);
                }
            }
            for (String bot : decision.giveBack()) {
                mine.remove(bot);
                leases.remove(bot);
            }
            for (String bot : decision.take()) {
                Lease lease = leases.get(bot);
                if (lease == null || !lease.heldAt(now) || lease.holder().equals(id)) {
                    leases.put(bot, new Lease(bot, id, now.plus(EXPIRY)));
                    mine.add(bot);
                }
            }
            return decision;
        }

        void assertNoBotHeldTwice() {
            Map<String, List<String>> holders = new HashMap<>();
            held.forEach((id, mine) -> mine.forEach(bot -> holders.computeIfAbsent(bot, b -> new ArrayList<>()).add(id)));
            holders.forEach((bot, ids) -> assertEquals(1, ids.size(), () -> bot + " held by " + ids));
            holders.forEach((bot, ids) -> assertEquals(ids.get(0), leases.get(bot).holder(), bot + "'s lease"));
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new TreeMap<>();
            held.forEach((id, mine) -> counts.put(id, mine.size()));
            return counts;
        }

        String countsText() {
            return counts().values().stream().map(String::valueOf).collect(Collectors.joining(" "));
        }

        Map<String, Set<String>> holdings() {
            Map<String, Set<String>> copy = new TreeMap<>();
            held.forEach((id, mine) -> copy.put(id, Set.copyOf(mine)));
            return copy;
        }

        Set<String> allHeld() {
            return held.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
