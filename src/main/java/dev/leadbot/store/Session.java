package dev.leadbot.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One open store's session on its database, shared by the stores of its tables as jdbi's attached DAOs share a Handle:
 * the connection, dialect and clock, transactions, failures in words, a new session when PostgreSQL ended one, and the
 * check that no other program wrote meanwhile. Every use of the connection holds this object's monitor, so the stores of
 * one database take turns on it, one call or transaction at a time.
 */
final class Session {

    /** Work on the connection; whatever it throws inside a transaction rolls the transaction back. */
    interface Work<T> {
        T run(Connection connection) throws StoreException, SQLException;
    }

    private final Database database;
    private final Dialect dialect;
    /** Whether the store was opened for an owner's tool: a new session takes no instance lock either. */
    private final boolean forTools;
    private final Clock clock;
    /** What the stores hold in memory of the database, dropped whenever the database may hold something else. */
    private final List<Runnable> memories = new ArrayList<>();
    /** Replaced when PostgreSQL ended the session (a restart, a cut network): see {@link #reconnect}. */
    private Connection connection;
    /** Whether {@link #connection} is this session's to give back (false after a reconnect that failed). */
    private boolean connected = true;
    /**
     * What {@link #changedElsewhere()} last read: SQLite's data_version, which moves only when another connection
     * commits; on PostgreSQL the count of writes by other sessions than the running bot's.
     */
    private OptionalLong seenVersion = OptionalLong.empty();
    /** Run each time a reconnect finds another instance holding the schema: see {@link Store#whenTakenOver}. */
    private volatile Runnable takenOver = () -> { };

    Session(Database database, boolean forTools, Connection connection, Clock clock) {
        this.database = database;
        this.dialect = database instanceof Database.Postgres ? Dialect.POSTGRESQL : Dialect.SQLITE;
        this.forTools = forTools;
        this.connection = connection;
        this.clock = clock;
    }

    Database database() {
        return database;
    }

    Dialect dialect() {
        return dialect;
    }

    Clock clock() {
        return clock;
    }

    /** The connection of the moment: a reconnect replaces it, so it is asked for anew by each call, never kept. */
    synchronized Connection connection() {
        return connection;
    }

    /** {@code forget} runs whenever what memory holds of the database may be stale: another program wrote, a new session began. */
    synchronized void remember(Runnable forget) {
        memories.add(forget);
    }

    void whenTakenOver(Runnable action) {
        takenOver = action;
    }

    /** Runs {@code work} on the connection, its SQL failure in words: {@code cannot <what> in <database>: …}. */
    synchronized <T> T call(String what, Work<T> work) throws StoreException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction. Anything thrown from inside (a failed statement, a {@link StoreException}, a
     * RuntimeException of Jackson's, an OutOfMemoryError) rolls it back before autocommit is restored: JDBC commits what a
     * transaction holds when autocommit is switched back on, so a failure must never reach the reset with work pending.
     */
    synchronized <T> T inTransaction(String what, Work<T> work) throws StoreException {
        try {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw failure(what, e);
        } catch (Throwable e) {
            rollback();
            throw e;
        } finally {
            autoCommit();
        }
    }

    /**
     * Whether another program (an owner's {@code leadbot forget} or {@code leads --retry}) committed to the database since
     * the last call: what memory holds of it may be stale, and is dropped. This process's own commits do not count (on
     * PostgreSQL: those of the store opened with {@link Store#open}, the running bot's).
     */
    synchronized boolean changedElsewhere() throws StoreException {
        try {
            long now = dataVersion();
            boolean changed = seenVersion.isPresent() && seenVersion.getAsLong() != now;
            seenVersion = OptionalLong.of(now);
            if (changed) {
                forgetMemories();
            }
            return changed;
        } catch (SQLException e) {
            throw failure("read the data version", e);
        }
    }

    /**
     * Inside a write transaction, once {@link #changedElsewhere()} was asked: refuses it ({@link StoreException#changedElsewhere()})
     * when another program committed since, as it was worked out from what memory held, which may bring back what an owner's
     * {@code leadbot forget} deleted. From here to the commit no other program can commit, so the check cannot be overtaken.
     */
    // seenVersion is guarded by this session's lock; the caller's transaction holds it already (the lock is reentrant).
    synchronized void refuseIfChangedElsewhere(String during) throws StoreException, SQLException {
        if (seenVersion.isPresent() && dataVersionLocked() != seenVersion.getAsLong()) {
            throw StoreException.changedElsewhere("another program changed " + database + " while " + during
                    + "; nothing committed, the updates are handled again");
        }
    }

    /** Part of a caller's transaction: deletes the rows of {@code table} about one chat (by its chat_id); returns how many. */
    static int deleteChat(Connection connection, String table, long chatId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE chat_id = ?")) {
            delete.setLong(1, chatId);
            return delete.executeUpdate();
        }
    }

    private long dataVersion() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresSchema.changes(connection, false);
        }
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The data version inside a write transaction, with no other program able to commit until it ends: SQLite takes its
     * write lock at the first write; PostgreSQL holds off the other sessions' writes, which all update the row read here.
     */
    private long dataVersionLocked() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresSchema.changes(connection, true);
        }
        try (Statement lock = connection.createStatement()) {
            lock.executeUpdate("UPDATE polling SET last_update_id = last_update_id WHERE id = 0");
        }
        return dataVersion();
    }

    private void forgetMemories() {
        memories.forEach(Runnable::run);
    }

    /** Gives the connection back: to PostgreSQL's pool, its instance lock released, or closes the SQLite file's. */
    synchronized void close() {
        forgetMemories();
        if (database instanceof Database.Postgres postgres) {
            if (connected) {
                connected = false;
                PostgresSchema.close(connection, postgres);
            }
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing " + database + ": " + e.getMessage(), e);
        }
    }

    /** A failed statement in words; on PostgreSQL, when the session is gone, a new one is opened for the next call. */
    synchronized StoreException failure(String what, SQLException e) {
        StoreException failure = failure(database, what, e);
        // Not connected: an earlier reconnect failed, and this connection (closed) answers only "Connection is closed".
        if (database instanceof Database.Postgres postgres && (!connected || PostgresSchema.gone(e))) {
            return new StoreException(failure.getMessage() + reconnect(postgres), e);
        }
        return failure;
    }

    /**
     * PostgreSQL ended this store's session (restarted, or the network was cut): the call that met it failed and says so;
     * the next one runs on a new session, the instance lock taken again. While the server stays away each call fails, and
     * tries again. Returns what became of the new session, in words for the failure's message.
     */
    private String reconnect(Database.Postgres postgres) {
        if (connected) {
            connected = false;
            PostgresSchema.close(connection, postgres);
        }
        try {
            connection = forTools ? PostgresSchema.openExisting(postgres) : PostgresSchema.open(postgres);
        } catch (StoreException e) {
            if (e.inUse()) {
                takenOver.run();
                return "; meanwhile another leadbot instance took over " + postgres.schema() + ", so this one can no longer write"
                        + " to it: stop one of the two";
            }
            return "; a new session could not be opened either (" + e.getMessage() + "); each call tries again";
        }
        connected = true;
        // Another instance may have run the bot meanwhile.
        forgetMemories();
        return "; the next call runs on a new session";
    }

    /** A failed statement, in words naming the database (never its password). */
    static StoreException failure(Database database, String what, SQLException e) {
        String message = database instanceof Database.Postgres postgres ? postgres.hide(reason(e)) : reason(e);
        return new StoreException("cannot " + what + " in " + database + ": " + message, e);
    }

    /**
     * What the database said, never the data a statement carried: a failed batch names its failing statement's error and
     * SQLState (pgjdbc's own message for it says only "Batch entry 0 &lt;unknown&gt; was aborted", its parameters left out
     * as the pool asks), and PostgreSQL's errors come without their DETAIL (a failing row, a duplicate key's value).
     */
    private static String reason(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            SQLException failed = e.getNextException();
            return "a statement of a batch failed: " + failed.getMessage() + " (SQLState " + failed.getSQLState() + ")";
        }
        return e.getMessage();
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The transaction failed already and is reported; SQLite rolls back an unfinished one on close anyway.
        }
    }

    /**
     * Back to one statement, one transaction. On a connection that is gone the failure has already
     * been reported by the statement that met it, so it must not be masked here by a second one.
     */
    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (!isClosed()) {
                throw new IllegalStateException("resetting autocommit on " + database + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true; // a connection that cannot even answer this is gone
        }
    }
}
