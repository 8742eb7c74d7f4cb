package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Leases in a real PostgreSQL: each take, renewal and give-back atomic, every time the database's. */
class FleetLeasesTest {

    private static final Duration EXPIRY = Duration.ofSeconds(15);

    private Database.Postgres database;
    private final List<FleetLeases> opened = new ArrayList<>();

    @BeforeEach
    void ownSchema(TestInfo test) {
        database = PostgresServer.freshDatabase("leases_" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void close() {
        opened.forEach(FleetLeases::close);
    }

    private FleetLeases instance(String id) throws StoreException {
        FleetLeases leases = FleetLeases.open(database, id, EXPIRY);
        opened.add(leases);
        return leases;
    }

    /** Moves a row's expiry into the past, as if its holder had stopped renewing {@code seconds} ago. */
    private void expire(String table, String key, String value) throws Exception {
        try (Connection c = PostgresServer.shared().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + database.schema() + "." + table + " SET expires_at = now() - interval '1 second' WHERE " + key + " = '"
                    + value + "'");
        }
    }

    @Test
    void ofTwoInstancesRacingForOneBotExactlyOneWins() throws Exception {
        List<FleetLeases> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(instance("racer-" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(racers.size());
        try {
            for (int round = 0; round < 20; round++) {
                String bot = "shop" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (FleetLeases racer : racers) {
                    Callable<Boolean> take = () -> {
                        go.await();
                        return racer.take(bot);
                    };
                    outcomes.add(threads.submit(take));
                }
                go.countDown();
                List<String> winners = new ArrayList<>();
                for (int i = 0; i < racers.size(); i++) {
                    if (outcomes.get(i).get()) {
                        winners.add(racers.get(i).instance());
                    }
                }
                assertEquals(1, winners.size(), bot + " won by " + winners);
                FleetLeases.LeaseRow lease = racers.get(0).read().leases().stream().filter(l -> l.bot().equals(bot)).findFirst().orElseThrow();
                assertEquals(winners.get(0), lease.holder());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aHeldLeaseIsRefusedToOthersAndTakenOnceItExpires() throws Exception {
        FleetLeases a = instance("a");
        FleetLeases b = instance("b");
        assertTrue(a.take("shop"));
        assertFalse(b.take("shop"));
        assertTrue(a.take("shop"), "taking one's own lease again keeps it");
        expire("leases", "bot", "shop");
        assertEquals(Set.of(), a.renew(List.of("shop")), "an expired lease is not renewed: its bot stops");
        assertTrue(b.take("shop"));
        assertFalse(a.take("shop"));
        assertEquals(Set.of(), a.renew(List.of("shop")));
        assertEquals(Set.of("shop"), b.renew(List.of("shop")));
    }

    @Test
    void renewalMovesTheExpiryOnByTheDatabasesClock() throws Exception {
        FleetLeases a = instance("a");
        a.heartbeat();
        assertTrue(a.take("shop"));
        assertTrue(a.take(""));
        assertEquals(Set.of("shop", ""), a.renew(List.of("shop", "", "cafe")));
        FleetLeases.Snapshot snapshot = a.read();
        for (FleetLeases.LeaseRow lease : snapshot.leases()) {
            assertEquals(EXPIRY, Duration.between(lease.renewedAt(), lease.expiresAt()));
            assertFalse(lease.renewedAt().isAfter(snapshot.now()));
            assertEquals("a", lease.holder());
        }
        FleetLeases.InstanceRow row = snapshot.instances().get(0);
        assertEquals("a", row.id());
        assertEquals(EXPIRY, Duration.between(row.heartbeatAt(), row.expiresAt()));
    }

    @Test
    void givingBackDeletesOnlyOnesOwnLeaseAndAnotherTakesItAtOnce() throws Exception {
        FleetLeases a = instance("a");
        FleetLeases b = instance("b");
        assertTrue(a.take("shop"));
        b.giveBack("shop");
        assertFalse(b.take("shop"));
        a.giveBack("shop");
        assertTrue(b.take("shop"));
    }

    @Test
    void aStoppedBotStaysHeldWithItsReasonUntilTakenAgain() throws Exception {
        FleetLeases a = instance("a");
        assertTrue(a.take("cafe"));
        a.stopped("cafe", "Telegram refused its token (401 Unauthorized)");
        assertEquals(Set.of("cafe"), a.renew(List.of("cafe")));
        FleetLeases.LeaseRow lease = a.read().leases().get(0);
        assertEquals(Optional.of("Telegram refused its token (401 Unauthorized)"), lease.stopped());
        assertTrue(a.take("cafe"));
        assertEquals(Optional.empty(), a.read().leases().get(0).stopped());
    }

    @Test
    void leavingDeletesTheInstancesLeasesAndRowAndNothingOfOthers() throws Exception {
        FleetLeases a = instance("a");
        FleetLeases b = instance("b");
        a.heartbeat();
        b.heartbeat();
        assertTrue(a.take("shop"));
        assertTrue(b.take("cafe"));
        a.leave();
        FleetLeases.Snapshot left = b.read();
        assertEquals(List.of("b"), left.instances().stream().map(FleetLeases.InstanceRow::id).toList());
        assertEquals(List.of("cafe"), left.leases().stream().map(FleetLeases.LeaseRow::bot).toList());
        assertTrue(b.take("shop"));
    }

    @Test
    void anInstanceByTheIdOfALiveOneIsNotLetInAndOneByAnExpiredOnesIdStartsAfresh() throws Exception {
        FleetLeases first = instance("box-1");
        assertTrue(first.enter());
        assertTrue(first.take("shop"));
        FleetLeases twin = instance("box-1");
        assertFalse(twin.enter(), "another process runs as box-1");
        expire("instances", "id", "box-1");
        assertTrue(twin.enter(), "the earlier box-1 died: its id is free");
        assertEquals(List.of(), twin.read().leases(), "the leases left in its name are deleted: they are taken again from scratch");
    }

    @Test
    void aSessionThePostgresqlServerEndedIsReplacedAtTheNextCallAndNamesTheInstance() throws Exception {
        FleetLeases a = instance("a");
        assertTrue(a.take("shop"));
        // Its session, named after the instance in pg_stat_activity, is ended by the server (a restart, an administrator).
        try (Connection c = PostgresServer.shared().connect(); Statement s = c.createStatement();
                java.sql.ResultSet ended = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name"
                        + " = 'leadbot a' AND query LIKE '%" + database.schema() + "%'")) {
            ended.next();
            assertEquals(1, ended.getInt(1));
        }
        StoreException failed = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> a.renew(List.of("shop")));
        assertTrue(failed.getMessage().startsWith("cannot renew the leases of a in " + database + ": "), failed.getMessage());
        assertEquals(Set.of("shop"), a.renew(List.of("shop")));
    }

    @Test
    void toolsSeeNothingWhereNoInstanceEverTookALease() throws Exception {
        assertEquals(Optional.empty(), FleetLeases.look(database));
        instance("a").take("shop");
        assertEquals(List.of("shop"), FleetLeases.look(database).orElseThrow().leases().stream().map(FleetLeases.LeaseRow::bot).toList());
    }
}
