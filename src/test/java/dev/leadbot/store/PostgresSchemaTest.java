package dev.leadbot.store;

import dev.leadbot.config.DatabaseUrl;
import static dev.leadbot.store.StoreTest.MIDWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.testing.PostgresServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What only PostgreSQL has: schemas shared with other programs and bots, a server to reach, a password to keep out of messages. */
class PostgresSchemaTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void twentyBotsStartingAtOnceEachGetTheirConnection() throws Exception {
        List<Database.Postgres> databases = java.util.stream.IntStream.range(0, 20).mapToObj(i -> PostgresServer.freshDatabase("at_once"))
                .toList();
        java.util.concurrent.ExecutorService starting = java.util.concurrent.Executors.newFixedThreadPool(databases.size());
        List<java.util.concurrent.Future<Store>> opening = starting.invokeAll(databases.stream()
                .map(database -> (java.util.concurrent.Callable<Store>) () -> Store.open(database, CLOCK)).toList());
        starting.shutdown();
        List<String> failed = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Store> store : opening) {
            try {
                store.get().close();
            } catch (java.util.concurrent.ExecutionException e) {
                failed.add(e.getCause().getMessage());
            }
        }

        assertEquals(List.of(), failed);
    }

    @Test
    void anotherProgramsSchemaIsRefusedAndLeftUntouched() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("foreign");
        try (Connection c = PostgresServer.shared().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + database.schema());
            s.execute("CREATE TABLE " + database.schema() + ".invoices (id INTEGER)");
        }

        StoreException e = assertThrows(StoreException.class, () -> Store.open(database, CLOCK));

        assertEquals(database + " holds another program's tables, not leadbot's; leadbot will not touch them: point LEADBOT_DB at"
                + " another database, or run this bot under another name", e.getMessage());
        assertEquals(List.of("invoices"), tables(database));
    }

    @Test
    void aSchemaFromANewerLeadbotIsRefused() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("newer");
        Store.open(database, CLOCK).close();
        try (Connection c = PostgresServer.shared().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + database.schema() + ".leadbot_store SET version = 99");
        }

        StoreException e = assertThrows(StoreException.class, () -> Store.open(database, CLOCK));

        assertEquals(database + " was written by a newer leadbot (schema 99; this one knows up to " + Migrations.latest() + "); run the"
                + " newer leadbot, or restore a backup made by this version", e.getMessage());
    }

    @Test
    void aSchemaAtThePreviousVersionIsUpgradedKeepingItsConversations() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("previous");
        try (Connection c = PostgresServer.shared().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + database.schema());
            s.execute("SET search_path TO " + database.schema());
            s.execute("CREATE TABLE leadbot_store (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, changes BIGINT NOT NULL)");
            s.execute("INSERT INTO leadbot_store VALUES (1, 1, 0)");
            for (String sql : Migrations.step(0, Dialect.POSTGRESQL)) {
                s.execute(sql);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversations VALUES (42, 'qualification', ?, ?)")) {
                insert.setString(1, ConversationJson.write(MIDWAY));
                insert.setString(2, "2026-11-22T10:00:00Z");
                insert.executeUpdate();
            }
        }

        try (Store store = Store.open(database, CLOCK)) {
            assertEquals(Optional.of(MIDWAY), store.conversations().conversation(42));
            assertEquals(List.of(), store.leads().completedSince(Instant.EPOCH));
        }
    }

    @Test
    void theOwnersToolsRefuseASchemaNoBotHasRunOn() {
        Database.Postgres database = PostgresServer.freshDatabase("missing");

        StoreException e = assertThrows(StoreException.class, () -> Store.openForTools(database, CLOCK));

        assertEquals(database + " does not exist: no bot has run on it yet (start one with the 'run' command, or point LEADBOT_DB/--db at"
                + " the right database)", e.getMessage());
    }

    @Test
    void eachBotOfADatabaseKeepsItsStateInItsOwnSchemaAndRunsBesideTheOthers() throws Exception {
        Database.Postgres shared = PostgresServer.freshDatabase("bots");
        assertEquals(Database.DEFAULT_SCHEMA, PostgresServer.shared().database().schema());
        try (Store florist = Store.open(shared.forBot("florist-2"), CLOCK); Store dentist = Store.open(shared.forBot("dentist"), CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            florist.commit("qualification", batch);

            assertEquals(Optional.of(MIDWAY), florist.conversations().conversation(42));
            assertEquals(Optional.empty(), dentist.conversations().conversation(42));
            assertEquals("bot_florist_2", ((Database.Postgres) florist.database()).schema());
        }
    }

    @Test
    void theInstanceLockGoesWithTheConnectionOfAnInstanceThatDied() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("died");
        Store crashed = Store.open(database, CLOCK);
        endSessionsHolding(database);

        try (Store next = Store.open(database, CLOCK)) {
            assertEquals(Optional.empty(), next.conversations().conversation(42));
        } finally {
            crashed.close();
        }
    }

    /** What kill -9 of the bot's process, a restart of the server or a cut network does to the bot's session: it ends. */
    private static void endSessionsHolding(Database.Postgres database) throws Exception {
        PostgresServer.endSessionsHolding(database);
    }

    @Test
    void aBotWhoseSessionTheServerEndedCarriesOnOnANewOneKeepingItsLock() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("reconnect");
        try (Store bot = Store.open(database, CLOCK)) {
            Batch batch = new Batch();
            batch.put(42, MIDWAY);
            bot.commit("qualification", batch);
            endSessionsHolding(database);

            StoreException lost = assertThrows(StoreException.class, () -> bot.conversations().conversation(42));

            assertTrue(lost.getMessage().startsWith("cannot read the conversation of chat 42 in " + database + ": "), lost.getMessage());
            assertEquals(Optional.of(MIDWAY), bot.conversations().conversation(42));
            assertTrue(assertThrows(StoreException.class, () -> Store.open(database, CLOCK)).inUse(), "the lock is taken again");
        }
    }

    @Test
    void aBotWhoseLockAnotherInstanceTookWhileItsSessionWasDownSaysItCannotCarryOn() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("taken_over");
        try (Store bot = Store.open(database, CLOCK)) {
            endSessionsHolding(database);
            try (Store other = Store.open(database, CLOCK)) {
                for (int call = 0; call < 2; call++) {
                    StoreException lost = assertThrows(StoreException.class, () -> bot.conversations().conversation(42));

                    assertTrue(lost.getMessage().startsWith("cannot read the conversation of chat 42 in " + database + ": "), lost.getMessage());
                    assertTrue(lost.getMessage().endsWith("; meanwhile another leadbot instance took over " + database.schema() + ", so this one can no"
                            + " longer write to it: stop one of the two"), lost.getMessage());
                }
                assertEquals(Optional.empty(), other.conversations().conversation(42));
            }
        }
    }

    @Test
    void aWrongPasswordIsReportedWithoutShowingIt() {
        Database.Postgres database = PostgresServer.freshDatabase("password");
        Database.Postgres wrong = new Database.Postgres(database.host(), database.port(), database.database(), database.user(),
                Optional.of("wrong-secret-91"), database.parameters(), database.schema());

        StoreException e = assertThrows(StoreException.class, () -> Store.open(wrong, CLOCK));

        assertEquals("cannot connect to postgresql://leadbot:***@127.0.0.1:" + database.port() + "/postgres (schema " + database.schema()
                + "): FATAL: password authentication failed for user \"leadbot\"; check the user and password in LEADBOT_DB (or db: in"
                + " the settings)", e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-91"));
    }

    @Test
    void aServerThatIsNotListeningIsReportedWithWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Database database = DatabaseUrl.parse("postgresql://leadbot:s3cret@127.0.0.1:" + closed + "/leads");

        StoreException e = assertThrows(StoreException.class, () -> Store.open(database, CLOCK));

        assertEquals("cannot connect to postgresql://leadbot:***@127.0.0.1:" + closed + "/leads (schema leadbot): Connection to"
                + " 127.0.0.1:" + closed + " refused. Check that the hostname and port are correct and that the postmaster is accepting"
                + " TCP/IP connections.; is PostgreSQL running there and listening on that port?", e.getMessage());
    }

    @Test
    void aBatchThePostgresServerRefusesSaysWhyWithoutAnythingTheProspectWrote() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("refused_batch");
        try (Store store = Store.open(database, CLOCK)) {
            try (Connection c = PostgresServer.shared().connect(); Statement s = c.createStatement()) {
                // The server's DETAIL carries the row, as a failing check constraint's "Failing row contains (…)" would.
                s.execute("CREATE FUNCTION " + database.schema() + ".refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION 'refused by the test' USING DETAIL = NEW.state; END $$");
                s.execute("CREATE TRIGGER refuse BEFORE INSERT ON " + database.schema() + ".conversations FOR EACH ROW EXECUTE FUNCTION "
                        + database.schema() + ".refuse()");
            }
            Batch batch = new Batch();
            batch.put(42, MIDWAY);

            StoreException e = assertThrows(StoreException.class, () -> store.commit("qualification", batch));

            assertEquals("cannot commit 1 conversations in " + database + ": a statement of a batch failed: ERROR: refused by the test"
                    + " (SQLState P0001)", e.getMessage());
            List<String> said = new java.util.ArrayList<>();
            for (Throwable t = e; t != null; t = t.getCause()) {
                said.add(t.getMessage());
                if (t instanceof java.sql.SQLException sql) {
                    for (java.sql.SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                        said.add(next.getMessage());
                    }
                }
            }
            assertTrue(said.size() >= 3, said.toString());
            for (String message : said) {
                assertFalse(message.contains("маркетолог") || message.contains("anna_k") || message.contains("quoted"), message);
            }
            assertEquals(Optional.empty(), store.conversations().conversation(42));
        }
    }

    @Test
    void everySessionHasTheServerNoticeAVanishedClientWithinSeconds() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("keepalives");
        Connection connection = PostgresPools.borrow(database);
        try (Statement s = connection.createStatement()) {
            List<String> settings = new java.util.ArrayList<>();
            for (String setting : List.of("tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout")) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    r.next();
                    settings.add(setting + "=" + r.getString(1));
                }
            }

            assertEquals(List.of("tcp_keepalives_idle=5", "tcp_keepalives_interval=2", "tcp_keepalives_count=3", "tcp_user_timeout=10000"),
                    settings);
        } finally {
            connection.close();
            PostgresPools.release(database);
        }
    }

    private static List<String> tables(Database.Postgres database) throws Exception {
        try (Connection c = PostgresServer.shared().connect();
                PreparedStatement s = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
            s.setString(1, database.schema());
            try (ResultSet r = s.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (r.next()) {
                    names.add(r.getString(1));
                }
                return names;
            }
        }
    }
}
