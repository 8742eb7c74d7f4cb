package dev.leadbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens one bot's schema of a PostgreSQL database the careful way, as {@link StoreFile} opens a
 * file: locked against a second running instance (a session advisory lock, which PostgreSQL
 * drops by itself when the holder's connection ends, kill -9 included), checked to be a leadbot
 * schema this version knows, and upgraded if older, all of an upgrade in one transaction. The
 * schema's version is kept in its {@code leadbot_store} row, with a count of the writes of every
 * session but the running bot's: what SQLite's data_version tells a running bot. A trigger on each
 * table counts them, so a table a later migration adds is counted without anyone remembering to.
 */
final class PostgresSchema {

    /** The advisory lock's first key: "LEAD", as SQLite files carry it in their application_id. */
    private static final int LOCK_CLASS = Migrations.APPLICATION_ID;
    /** Set on the running bot's session: its own writes are not "elsewhere". */
    private static final String RUNNING_BOT = "leadbot.running_bot";

    private PostgresSchema() {
    }

    /** The schema's store, created and upgraded as needed, with this connection holding its instance lock. */
    static Connection open(Database.Postgres database) throws StoreException {
        Connection connection = PostgresPools.borrow(database);
        try {
            if (!lock(connection, database)) {
                throw StoreException.inUse(database + " is in use by another running leadbot; stop that one first (two bots on one"
                        + " token would also take each other's updates)");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + database.schema());
            }
            connection.setSchema(database.schema());
            migrate(connection, database);
            try (Statement s = connection.createStatement()) {
                s.execute("SET " + RUNNING_BOT + " = 'on'");
            }
            return connection;
        } catch (SQLException e) {
            close(connection, database);
            throw new StoreException(database + " cannot be used as leadbot's database: " + database.hide(e.getMessage()), e);
        } catch (StoreException | RuntimeException e) {
            close(connection, database);
            throw e;
        }
    }

    /** For tools beside a running bot: an existing schema of exactly this version, not upgraded, not locked. */
    static Connection openExisting(Database.Postgres database) throws StoreException {
        Connection connection = PostgresPools.borrow(database);
        try {
            connection.setSchema(database.schema());
            if (!hasStoreRow(connection, database)) {
                throw StoreException.missing(database + " does not exist: no bot has run on it yet (start one with the 'run' command, or"
                        + " point LEADBOT_DB/--db at the right database)");
            }
            int version = version(connection);
            if (version != Migrations.latest()) {
                throw new StoreException(database + " has schema " + version + " but this leadbot reads schema " + Migrations.latest()
                        + "; start the bot of this version once (the 'run' command) to upgrade it, or use the leadbot that wrote it");
            }
            return connection;
        } catch (SQLException e) {
            close(connection, database);
            throw new StoreException(database + " cannot be read: " + database.hide(e.getMessage()), e);
        } catch (StoreException | RuntimeException e) {
            close(connection, database);
            throw e;
        }
    }

    /** Gives the connection back to the pool, its instance lock released first (a pooled connection outlives the store). */
    static void close(Connection connection, Database.Postgres database) {
        try {
            try {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    try (Statement s = connection.createStatement()) {
                        s.execute("RESET " + RUNNING_BOT);
                        s.execute("SELECT pg_advisory_unlock_all()");
                    }
                }
            } catch (SQLException e) {
                if (!gone(e)) {
                    throw e;
                }
                // The server ended the session (restart, administrator, network): its lock ended with it.
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing " + database + ": " + database.hide(e.getMessage()), e);
        } finally {
            PostgresPools.release(database);
        }
    }

    /** Whether the failure means the connection itself is gone (SQLSTATE class 08, or the server shutting the session down). */
    static boolean gone(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.startsWith("08") || state.startsWith("57P");
    }

    /**
     * The count of writes other sessions than the running bot's committed. With {@code holdOffWriters} (read {@code FOR SHARE})
     * none of them can commit until this transaction ends: each write's trigger updates the row first.
     */
    static long changes(Connection connection, boolean holdOffWriters) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT changes FROM leadbot_store" + (holdOffWriters ? " FOR SHARE" : ""))) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Every table counts writes: before each statement that changes it (so the count's row is locked before any row of the
     * table, the order a running bot's commit takes them in), unless the session is the running bot's.
     */
    private static void countWrites(Connection connection, Database.Postgres database) throws SQLException {
        String schema = database.schema();
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?"
                + " AND tablename <> 'leadbot_store' ORDER BY tablename")) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION " + schema + ".leadbot_count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF current_setting('" + RUNNING_BOT + "', true) IS DISTINCT FROM 'on' THEN"
                    + " UPDATE " + schema + ".leadbot_store SET changes = changes + 1; END IF; RETURN NULL; END $$");
            for (String table : tables) {
                s.execute("DROP TRIGGER IF EXISTS leadbot_count_write ON " + schema + "." + table);
                s.execute("CREATE TRIGGER leadbot_count_write BEFORE INSERT OR UPDATE OR DELETE ON " + schema + "." + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + schema + ".leadbot_count_write()");
            }
        }
    }

    private static boolean lock(Connection connection, Database.Postgres database) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, database.schema());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void migrate(Connection connection, Database.Postgres database) throws SQLException, StoreException {
        WholeTransaction.run(connection, () -> upgrade(connection, database));
    }

    private static void upgrade(Connection connection, Database.Postgres database) throws SQLException, StoreException {
        if (!hasStoreRow(connection, database)) {
            if (hasTables(connection, database)) {
                throw new StoreException(database + " holds another program's tables, not leadbot's; leadbot will not touch them:"
                        + " point LEADBOT_DB at another database, or run this bot under another name");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE leadbot_store (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL,"
                        + " changes BIGINT NOT NULL)");
                s.execute("INSERT INTO leadbot_store VALUES (1, 0, 0)");
            }
        }
        int version;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM leadbot_store FOR UPDATE")) {
            r.next();
            version = r.getInt(1);
        }
        if (version > Migrations.latest()) {
            throw StoreException.newer(database + " was written by a newer leadbot (schema " + version + "; this one knows up to "
                    + Migrations.latest() + "); run the newer leadbot, or restore a backup made by this version");
        }
        if (version < Migrations.latest()) {
            try (Statement s = connection.createStatement()) {
                for (int step = version; step < Migrations.latest(); step++) {
                    for (String sql : Migrations.step(step, Dialect.POSTGRESQL)) {
                        s.execute(sql);
                    }
                }
                s.executeUpdate("UPDATE leadbot_store SET version = " + Migrations.latest());
            }
            countWrites(connection, database);
        }
    }

    private static boolean hasStoreRow(Connection connection, Database.Postgres database) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = 'leadbot_store'")) {
            s.setString(1, database.schema());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static boolean hasTables(Connection connection, Database.Postgres database) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? LIMIT 1")) {
            s.setString(1, database.schema());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM leadbot_store")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
