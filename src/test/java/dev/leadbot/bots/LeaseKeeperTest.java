package dev.leadbot.bots;

import dev.leadbot.config.LeaseTimings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Database;
import dev.leadbot.store.FleetLeases;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.OwnerChat;
import dev.leadbot.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances in one JVM, each a {@link LeaseKeeper} with short timings, sharing one PostgreSQL and one fake Bot API that
 * serves every bot's token: the bots spread fairly, and the bots of an instance that vanishes move to the others. Every wait is
 * for a condition, with a generous deadline.
 */
class LeaseKeeperTest {

    /**
     * Quick heartbeats, but an expiry long enough that a busy machine's pause of a few seconds (a call waits at most a third
     * of it) is not mistaken for an outage.
     */
    private static final LeaseTimings QUICK = new LeaseTimings(Duration.ofMillis(200), Duration.ofSeconds(9));
    private static final FloodLimits FAST = new FloodLimits(5, Duration.ofMillis(100), 300, Duration.ofMillis(100));
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final long OWNER = 1000;
    private static final String FLOW = """
            start: role
            nodes:
              role:
                type: choice
                text: Who are you?
                options:
                  - {id: owner, label: Owner}
                  - {id: other, label: Someone else}
                next: bye
              bye: {type: end, text: "Thanks, we will call you"}
            """;

    @TempDir
    Path dir;

    private FakeBotApi api;
    private Database.Postgres fleetSchema;
    private final Map<String, FakeBotApi> apis = new LinkedHashMap<>();
    private final Map<String, Fleet.Bot> bots = new LinkedHashMap<>();
    private final List<LeaseKeeper> keepers = new ArrayList<>();
    private CapturedLog log;
    private String test;

    @BeforeEach
    void fakeAndSchema(TestInfo info) throws IOException {
        test = info.getTestMethod().orElseThrow().getName();
        log = new CapturedLog();
        api = new FakeBotApi();
        fleetSchema = PostgresServer.freshDatabase("fleet_" + test);
        Files.writeString(dir.resolve("flow.yaml"), FLOW);
    }

    @AfterEach
    void stop() {
        keepers.forEach(LeaseKeeper::close);
        api.close();
        log.close();
    }

    /** Bots b1…bN, each with its own token on the fake and its own schema. */
    private List<LeaseKeeper.Leased> bots(int count) {
        for (int i = 1; i <= count; i++) {
            String name = "b" + i;
            FakeBotApi bot = i == 1 ? api : api.anotherBot((7100000 + i) + ":AALeaseTokenForLocalTestsOnly_abcdefgh" + i, "bot" + i + "_bot");
            bot.floodLimits(FAST.chatBurst(), FAST.chatRefill(), FAST.bulkPerSecond(), FAST.second());
            bot.startedEarlier(OWNER);
            apis.put(name, bot);
            Path folder = dir.resolve(name);
            bots.put(name, new Fleet.Bot(Optional.of(name), new TelegramSettings(bot.token(), List.of(OWNER), api.url(),
                    folder.resolve("leads.jsonl"), FAST), dir.resolve("flow.yaml"), Flows.load(dir.resolve("flow.yaml")),
                    PostgresServer.freshDatabase(test + "_" + name), List.of()));
        }
        return bots.values().stream().<LeaseKeeper.Leased>map(LeaseKeeper.Ready::new).toList();
    }

    private LeaseKeeper instance(String id, List<LeaseKeeper.Leased> leased, LeaseTimings timings) throws StoreException {
        LeaseKeeper keeper = LeaseKeeper.start(leased, fleetSchema, id, timings, Clock.systemUTC());
        keepers.add(keeper);
        return keeper;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what + "; held: " + counts(keepers) + "; running: " + keepers.stream()
                        .map(k -> String.valueOf(k.runningCount())).toList() + "; log:\n" + String.join("\n", log.lines()));
            }
            Thread.sleep(50);
        }
    }

    /** Every bot held by exactly one of {@code keepers} and polling there, the holdings as even as the numbers allow. */
    private static boolean spreadFairly(int bots, List<LeaseKeeper> keepers) {
        List<Set<String>> holdings = keepers.stream().map(LeaseKeeper::holding).toList();
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Set<String> held : holdings) {
            all.addAll(held);
            total += held.size();
        }
        int max = holdings.stream().mapToInt(Set::size).max().orElse(0);
        int min = holdings.stream().mapToInt(Set::size).min().orElse(0);
        int running = keepers.stream().mapToInt(LeaseKeeper::runningCount).sum();
        return all.size() == bots && total == bots && max - min <= 1 && running == bots;
    }

    private String counts(List<LeaseKeeper> keepers) {
        return keepers.stream().map(k -> k.instance() + "=" + new TreeSet<>(k.holding())).collect(Collectors.joining(", "));
    }

    @Test
    void threeInstancesSpreadTheBotsFairlyAndTheBotsOfOneThatVanishesMoveToTheOthersWithTheirConversations() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(7);
        LeaseKeeper first = instance("i1", leased, QUICK);
        LeaseKeeper second = instance("i2", leased, QUICK);
        LeaseKeeper third = instance("i3", leased, QUICK);
        List<LeaseKeeper> all = List.of(first, second, third);
        await("7 bots spread 3, 2, 2", () -> spreadFairly(7, all));

        // A prospect is half-way through a conversation with a bot of the instance about to vanish.
        LeaseKeeper doomed = all.stream().filter(k -> k.holding().size() == 3).findFirst().orElseThrow();
        String botName = new TreeSet<>(doomed.holding()).first();
        FakeBotApi bot = apis.get(botName);
        FakeUser prospect = bot.user(555, "Anna");
        prospect.send("/start");
        bot.await(555, saying("Who are you?"));

        doomed.vanish();
        List<LeaseKeeper> survivors = all.stream().filter(k -> k != doomed).toList();
        await("the vanished instance's bots held by the others, 4 and 3: " + counts(survivors), () -> spreadFairly(7, survivors));
        assertTrue(survivors.stream().anyMatch(k -> k.holding().contains(botName)));

        prospect.press("Owner");
        assertEquals(1, OwnerChat.leadsIn(bot.await(OWNER, messages -> OwnerChat.leadsIn(messages) == 1)));
        bot.await(555, saying("Thanks, we will call you"));
        // No bot moved before its database was let go: nobody ever waited for one.
        assertEquals(List.of(), log.lines(" waits: "));
    }

    @Test
    void anInstanceThatCannotRenewItsLeasesStopsItsBotsBeforeTheyExpireAndTakesThemAgainOnceItCan() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(2);
        LeaseKeeper only = instance("i1", leased, QUICK);
        await("both running", () -> only.runningCount() == 2);
        try (java.sql.Connection c = PostgresServer.shared().connect(); java.sql.Statement s = c.createStatement()) {
            // Every call of the instance hangs, as over a cut network: each fails after a third of the expiry instead.
            c.setAutoCommit(false);
            s.execute("LOCK TABLE " + fleetSchema.schema() + ".instances IN ACCESS EXCLUSIVE MODE");
            await("both stopped", () -> only.runningCount() == 0);
            c.rollback();
        }
        await("both running again", () -> only.runningCount() == 2);
        // How many heartbeats failed depends on the machine's pace; that each bot was stopped and the outage logged does not.
        assertFalse(log.lines("bot 'b1' is stopped on instance i1: ").isEmpty());
        assertFalse(log.lines("bot 'b2' is stopped on instance i1: ").isEmpty());
        assertFalse(log.lines("instance i1 cannot renew its leases: cannot ").isEmpty());
        assertFalse(log.lines("instance i1 reaches " + fleetSchema + " again; its leases are renewed").isEmpty());
    }

    /** A CRM that hangs: each delivery waits until the test lets it go. */
    private static final class HangingSink implements LeadSink {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);

        @Override
        public String name() {
            return "hanging-crm";
        }

        @Override
        public Delivery deliver(Lead lead, int attempt) {
            entered.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Delivery.Delivered(Optional.empty());
        }
    }

    @Test
    void aBotWhoseCleanStopHangsNeitherHoldsUpTheRenewalsOfTheOthersNorIsStartedAgainBeforeItHasStopped() throws Exception {
        bots(2);
        HangingSink crm = new HangingSink();
        Fleet.Bot b1 = bots.get("b1");
        bots.put("b1", new Fleet.Bot(b1.name(), b1.telegram(), b1.flowFile(), b1.flow(), b1.database(), List.of(crm)));
        LeaseKeeper only = instance("i1", bots.values().stream().<LeaseKeeper.Leased>map(LeaseKeeper.Ready::new).toList(), QUICK);
        await("both running", () -> only.runningCount() == 2);
        // A lead of b1 is with the CRM, which hangs: b1's clean stop waits for that delivery to end.
        FakeUser prospect = apis.get("b1").user(555, "Anna");
        prospect.send("/start");
        apis.get("b1").await(555, saying("Who are you?"));
        prospect.press("Owner");
        crm.entered.await();

        // b1's lease is lost (deleted, as by an operator): b1 stops here, and its stop hangs.
        try (java.sql.Connection c = PostgresServer.shared().connect(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + fleetSchema.schema() + ".leases WHERE bot = 'b1'");
        }
        await("b1 no longer held", () -> !only.holding().contains("b1"));
        java.time.Instant renewed = lease("b2").orElseThrow().renewedAt();
        await("ten renewals of b2 while b1's stop hangs", () -> Duration.between(renewed, lease("b2").orElseThrow().renewedAt())
                .compareTo(QUICK.heartbeat().multipliedBy(10)) >= 0);
        assertEquals(1, crm.letGo.getCount(), "the CRM still hangs");
        assertEquals(Set.of("b2"), only.holding());
        assertEquals(1, only.runningCount());
        assertEquals(Optional.empty(), lease("b1"), "b1 is not taken again while its earlier run still stops");

        crm.letGo.countDown();
        await("b1 running again once its stop ended", () -> only.runningCount() == 2 && only.holding().equals(Set.of("b1", "b2")));
    }

    @Test
    void anInstanceThatStopsRenewsTheLeasesOfItsBotsUntilTheyHaveStoppedThenGivesThemBack() throws Exception {
        bots(1);
        HangingSink crm = new HangingSink();
        Fleet.Bot b1 = bots.get("b1");
        LeaseKeeper only = instance("i1", List.of(new LeaseKeeper.Ready(new Fleet.Bot(b1.name(), b1.telegram(), b1.flowFile(), b1.flow(),
                b1.database(), List.of(crm)))), QUICK);
        await("b1 running", () -> only.runningCount() == 1);
        FakeUser prospect = apis.get("b1").user(555, "Anna");
        prospect.send("/start");
        apis.get("b1").await(555, saying("Who are you?"));
        prospect.press("Owner");
        crm.entered.await();

        // SIGTERM while the CRM hangs: b1's clean stop waits for it, and its lease stays renewed meanwhile.
        Thread closing = new Thread(only::close, "test-close");
        closing.start();
        java.time.Instant renewed = lease("b1").orElseThrow().renewedAt();
        await("ten renewals while b1 stops", () -> Duration.between(renewed, lease("b1").orElseThrow().renewedAt())
                .compareTo(QUICK.heartbeat().multipliedBy(10)) >= 0);
        assertTrue(closing.isAlive(), "still stopping");

        crm.letGo.countDown();
        closing.join(DEADLINE.toMillis());
        assertFalse(closing.isAlive());
        assertEquals(List.of(), FleetLeases.look(fleetSchema).orElseThrow().leases());
        assertEquals(List.of(), FleetLeases.look(fleetSchema).orElseThrow().instances());
    }

    @Test
    void aBotWhoseDatabaseANewerLeadbotWroteIsGivenBackForNewerInstancesAndNotTakenAgain() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(2);
        Database.Postgres b2 = (Database.Postgres) bots.get("b2").database();
        Store.open(b2, Clock.systemUTC()).close();
        int newer;
        try (java.sql.Connection c = PostgresServer.shared().connect(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("UPDATE " + b2.schema() + ".leadbot_store SET version = version + 1 RETURNING version")) {
            r.next();
            newer = r.getInt(1);
        }
        LeaseKeeper only = instance("i1", leased, QUICK);
        await("b1 running", () -> only.runningCount() == 1);
        await("b2 given back", () -> !log.lines("bot 'b2' is given back by instance i1 for a newer instance").isEmpty());
        java.time.Instant renewed = lease("b1").orElseThrow().renewedAt();
        await("ten heartbeats", () -> Duration.between(renewed, lease("b1").orElseThrow().renewedAt())
                .compareTo(QUICK.heartbeat().multipliedBy(10)) >= 0);
        assertEquals(Set.of("b1"), only.holding());
        assertEquals(Optional.empty(), lease("b2"), "free for a newer instance");
        assertEquals(List.of("[ERROR] LeaseKeeper - bot 'b2' is given back by instance i1 for a newer instance to run, and not taken here"
                + " again: cannot open the database: " + b2 + " was written by a newer leadbot (schema " + newer + "; this one knows up to "
                + (newer - 1) + "); run the newer leadbot, or restore a backup made by this version; upgrade every instance together"),
                log.lines("bot 'b2' is given back").stream().map(line -> line.substring(line.indexOf("[ERROR]"))).toList());
    }

    @Test
    void aNewcomerTakesItsShareFromInstancesThatHeldEverything() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(6);
        LeaseKeeper first = instance("i1", leased, QUICK);
        LeaseKeeper second = instance("i2", leased, QUICK);
        await("6 bots spread 3, 3", () -> spreadFairly(6, List.of(first, second)));
        LeaseKeeper newcomer = instance("i3", leased, QUICK);
        List<LeaseKeeper> all = List.of(first, second, newcomer);
        await("6 bots spread 2, 2, 2: " + counts(all), () -> spreadFairly(6, all) && newcomer.holding().size() == 2);
        // Each bot given back was stopped, its database let go, before its lease was deleted: the newcomer never waited for one.
        assertEquals(List.of(), log.lines(" waits: "));
    }

    @Test
    void anInstanceThatStopsGivesItsBotsBackAtOnceNotAfterTheirLeasesExpire() throws Exception {
        // Leases that would take a minute to expire: the bots move long before, because the instance that stops deletes its own.
        LeaseTimings slowExpiry = new LeaseTimings(Duration.ofMillis(200), Duration.ofMinutes(10));
        List<LeaseKeeper.Leased> leased = bots(4);
        LeaseKeeper first = instance("i1", leased, slowExpiry);
        LeaseKeeper second = instance("i2", leased, slowExpiry);
        await("4 bots spread 2, 2", () -> spreadFairly(4, List.of(first, second)));
        keepers.remove(first);
        first.close();
        await("every bot on i2", () -> spreadFairly(4, List.of(second)));
        assertEquals(List.of("i2"), FleetLeases.look(fleetSchema).orElseThrow().instances().stream().map(FleetLeases.InstanceRow::id).toList());
    }

    @Test
    void aBotRevokedWhileItRunsStaysHeldStoppedWithItsReasonAndNoOtherInstanceTakesIt() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(2);
        LeaseKeeper first = instance("i1", leased, QUICK);
        LeaseKeeper second = instance("i2", leased, QUICK);
        await("one bot each", () -> spreadFairly(2, List.of(first, second)));
        LeaseKeeper holder = first.holding().contains("b2") ? first : second;

        apis.get("b2").revoke();
        await("b2 recorded as stopped", () -> stoppedReason("b2").isPresent());
        assertEquals(Optional.of("Telegram refused its token (401 Unauthorized): it was revoked or replaced in @BotFather"),
                stoppedReason("b2"));
        assertEquals(holder.instance(), lease("b2").orElseThrow().holder());
        // Held, so the other instance does not try it in its turn: ten heartbeats later it still holds only its own bot.
        java.time.Instant renewed = lease("b2").orElseThrow().renewedAt();
        await("ten heartbeats", () -> Duration.between(renewed, lease("b2").orElseThrow().renewedAt()).compareTo(QUICK.heartbeat().multipliedBy(10)) >= 0);
        assertTrue(holder.holding().contains("b2"));
        assertEquals(1, first.runningCount() + second.runningCount());
        assertEquals(Set.of("b1", "b2"), union(first.holding(), second.holding()));
    }

    @Test
    void aBotWhoseFlowCannotRunIsHeldStoppedAndItsOwnersAreToldOnceByTheInstanceThatTookIt() throws Exception {
        List<LeaseKeeper.Leased> leased = new ArrayList<>(bots(1));
        FakeBotApi cafe = api.anotherBot("7100099:AALeaseTokenForLocalTestsOnly_abcdefgh99", "cafe_bot");
        cafe.startedEarlier(2000);
        String reason = "its flow cafe.yaml cannot run; fix it (leadbot validate --bot cafe) and start leadbot again";
        leased.add(new LeaseKeeper.Unfit("cafe", reason, new TelegramSettings(cafe.token(), List.of(2000L), api.url(),
                dir.resolve("cafe/leads.jsonl"), FAST), List.of("⚠️ Бот «cafe» не запущен", "cafe.yaml:3: no such node 'gone'")));
        LeaseKeeper first = instance("i1", leased, QUICK);
        LeaseKeeper second = instance("i2", leased, QUICK);

        await("cafe recorded as stopped", () -> stoppedReason("cafe").isPresent());
        assertEquals(Optional.of(reason), stoppedReason("cafe"));
        List<BotMessage> told = cafe.await(2000, messages -> !messages.isEmpty());
        assertEquals("⚠️ Бот «cafe» не запущен\ncafe.yaml:3: no such node 'gone'", told.get(0).text());
        await("b1 running", () -> first.runningCount() + second.runningCount() == 1);
        java.time.Instant renewed = lease("cafe").orElseThrow().renewedAt();
        await("ten heartbeats", () -> Duration.between(renewed, lease("cafe").orElseThrow().renewedAt()).compareTo(QUICK.heartbeat().multipliedBy(10)) >= 0);
        assertEquals(1, cafe.botMessages(2000).size(), "told once");
        assertEquals(List.of(), cafe.calls().stream().filter("getupdates"::equals).toList());
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new TreeSet<>(one);
        all.addAll(other);
        return all;
    }

    @Test
    void aBotWhoseTokenIsRefusedIsHeldStoppedWithItsReasonAndNotRetriedWhileTheOthersRun() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(3);
        apis.get("b2").revoke();
        LeaseKeeper only = instance("i1", leased, QUICK);
        await("b2 recorded as stopped", () -> stoppedReason("b2").isPresent());
        await("b1 and b3 running", () -> only.runningCount() == 2);
        assertEquals(Optional.of("Telegram refused its token (401 Unauthorized); check its telegram_bot_token against the one @BotFather"
                + " gave for it"), stoppedReason("b2"));
        assertEquals(Set.of("b1", "b2", "b3"), only.holding());
        long getMes = apis.get("b2").calls().stream().filter("getme"::equals).count();
        // Ten heartbeats later it was not tried again: its lease is held, and renewed.
        java.time.Instant renewed = lease("b2").orElseThrow().renewedAt();
        await("ten heartbeats", () -> Duration.between(renewed, lease("b2").orElseThrow().renewedAt()).compareTo(QUICK.heartbeat().multipliedBy(10)) >= 0);
        assertEquals(getMes, apis.get("b2").calls().stream().filter("getme"::equals).count());
        assertEquals(2, only.runningCount());
    }

    @Test
    void aBotWhoseDatabaseAStaleSessionStillHoldsIsTriedAgainAtTheNextHeartbeatsUntilItStarts() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(2);
        Store stale = Store.open(bots.get("b2").database(), Clock.systemUTC());
        try {
            LeaseKeeper only = instance("i1", leased, QUICK);
            await("b1 running", () -> only.runningCount() == 1 && only.holding().equals(Set.of("b1")));
            // b2's lease is given back before its wait is logged, on another thread: wait for the line, then count it.
            await("b2's wait logged", () -> !log.lines("bot 'b2' waits: cannot open the database: ").isEmpty());
            assertEquals(1, log.lines("bot 'b2' waits: cannot open the database: ").size());
        } finally {
            stale.close();
        }
        await("b2 running once the stale session is gone", () -> keepers.get(0).runningCount() == 2);
        assertEquals(1, log.lines("bot 'b2' got its database back and runs on instance i1").size());
    }

    @Test
    void aBotWhoseDatabaseAnotherInstanceTookWhileItsSessionWasDownIsStoppedAndTriedAgainLater() throws Exception {
        List<LeaseKeeper.Leased> leased = bots(1);
        LeaseKeeper only = instance("i1", leased, QUICK);
        await("b1 running", () -> only.runningCount() == 1);
        Database.Postgres database = (Database.Postgres) bots.get("b1").database();
        // Its session ends (a restart, a cut network), and meanwhile another instance opens its database.
        PostgresServer.endSessionsHolding(database);
        Store other = openWhenFree(database);
        try {
            FakeBotApi bot = apis.get("b1");
            bot.user(555, "Anna").send("/start");
            await("b1 stopped", () -> only.runningCount() == 0);
            assertEquals(1, log.lines("[ERROR] Fleet - bot 'b1' (@test_lead_bot) is stopped: another leadbot instance took its database "
                    + database + " while this one's session was down").size());
        } finally {
            other.close();
        }
        await("b1 running again once the other let go", () -> only.runningCount() == 1);
    }

    private static Store openWhenFree(Database.Postgres database) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                return Store.open(database, Clock.systemUTC());
            } catch (StoreException e) {
                if (!e.inUse() || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private Optional<FleetLeases.LeaseRow> lease(String bot) {
        try {
            return FleetLeases.look(fleetSchema).orElseThrow().leases().stream().filter(l -> l.bot().equals(bot)).findFirst();
        } catch (StoreException e) {
            throw new AssertionError(e);
        }
    }

    private Optional<String> stoppedReason(String bot) {
        try {
            return FleetLeases.look(fleetSchema).orElseThrow().leases().stream().filter(l -> l.bot().equals(bot)).findFirst()
                    .flatMap(FleetLeases.LeaseRow::stopped);
        } catch (StoreException e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.function.Predicate<List<BotMessage>> saying(String part) {
        return messages -> messages.stream().anyMatch(m -> m.text().contains(part));
    }
}
