package dev.leadbot.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The leases by which instances sharing one PostgreSQL database divide the bots, in a schema that belongs to no bot
 * ({@value #SCHEMA}; a test takes one of its own): a row per live instance and a row per held bot. Each take, renewal
 * and give-back is one statement, atomic in the database, and every time in it is the database's ({@code now()}), so
 * instances on machines whose clocks differ agree on what has expired. Holds one connection of the database's pool for its life; a session PostgreSQL ended
 * is replaced at the next call.
 */
public final class FleetLeases implements AutoCloseable {

    /** The schema shared by every instance and bot of the database. */
    public static final String SCHEMA = "leadbot_fleet";
    private static final String RUNNING = "running";
    private static final String STOPPED = "stopped";

    /** A bot's lease as the database has it: its holder, when it was taken and renewed, and why it is stopped if it is. */
    public record LeaseRow(String bot, String holder, Instant acquiredAt, Instant renewedAt, Instant expiresAt, Optional<String> stopped) {
    }

    /** An instance's row: alive until {@code expiresAt}, each heartbeat moving it on. */
    public record InstanceRow(String id, Instant startedAt, Instant heartbeatAt, Instant expiresAt) {
    }

    /** Every row, read in one statement, with the database's clock at that moment. */
    public record Snapshot(Instant now, List<InstanceRow> instances, List<LeaseRow> leases) {
        public Snapshot {
            instances = List.copyOf(instances);
            leases = List.copyOf(leases);
        }
    }

    private final Database.Postgres database;
    private final String schema;
    private final String instance;
    private final double expirySeconds;
    /**
     * The longest a call may wait on the server: a third of the expiry. A call that hangs (a cut network, a locked table)
     * fails instead, so the instance learns in time that it cannot renew and stops its bots before another takes them.
     */
    private final Duration patience;
    private Optional<Connection> connection;
    /** A new session being opened after the last one was lost: waited for at most {@link #patience} per call, kept for the next. */
    private Optional<CompletableFuture<Connection>> connecting = Optional.empty();
    private boolean closed;
    /** Opens new sessions, so a call waits only its patience for one, not the pool's longer connection timeout. */
    private final ExecutorService connector = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lease-connect");
        thread.setDaemon(true);
        return thread;
    });

    private FleetLeases(Database.Postgres database, String instance, Duration expiry, Connection connection) {
        this.database = database;
        this.schema = database.schema();
        this.instance = instance;
        this.expirySeconds = expiry.toMillis() / 1000.0;
        this.patience = expiry.dividedBy(3);
        this.connection = Optional.of(connection);
    }

    /**
     * The leases kept in {@code database}'s schema (the bots' database {@link Database.Postgres#inSchema in} {@value #SCHEMA})
     * for the instance {@code instance}, whose rows expire {@code expiry} after each heartbeat; the schema and its tables are
     * created if missing.
     */
    public static FleetLeases open(Database.Postgres database, String instance, Duration expiry) throws StoreException {
        if (instance.isBlank()) {
            throw new IllegalArgumentException("an instance needs an id");
        }
        return new FleetLeases(database, instance, expiry, connect(database, instance, expiry.dividedBy(3)));
    }

    /**
     * What {@code leadbot bots} shows: the rows in {@code database}'s schema as they are, or nothing when no instance ever
     * took a lease there.
     */
    public static Optional<Snapshot> look(Database.Postgres database) throws StoreException {
        Connection connection = PostgresPools.borrow(database);
        try {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT to_regclass('" + database.schema() + ".leases')")) {
                if (!r.next() || r.getString(1) == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(snapshot(connection, database.schema()));
        } catch (SQLException e) {
            throw Session.failure(database, "read the leases", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("giving back a connection to " + database + ": " + database.hide(e.getMessage()), e);
            } finally {
                PostgresPools.release(database);
            }
        }
    }

    /** This instance's id. */
    public String instance() {
        return instance;
    }

    /**
     * Enters this instance: its row written, and leases left in its name by an earlier run under the same id deleted.
     * Returns false, changing nothing, while another instance by this id is alive (two processes given one LEADBOT_INSTANCE,
     * or an earlier run killed less than the expiry ago).
     */
    public boolean enter() throws StoreException {
        return run("enter " + schema + " as " + instance, c -> {
            boolean[] entered = {false};
            WholeTransaction.run(c, () -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".instances AS i (id, started_at, heartbeat_at,"
                        + " expires_at) VALUES (?, now(), now(), now() + make_interval(secs => ?)) ON CONFLICT (id) DO UPDATE SET"
                        + " started_at = now(), heartbeat_at = now(), expires_at = excluded.expires_at WHERE i.expires_at <= now()"
                        + " RETURNING id")) {
                    s.setString(1, instance);
                    s.setDouble(2, expirySeconds);
                    try (ResultSet r = s.executeQuery()) {
                        entered[0] = r.next();
                    }
                }
                if (entered[0]) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + schema + ".leases WHERE holder = ?")) {
                        s.setString(1, instance);
                        s.executeUpdate();
                    }
                }
            });
            return entered[0];
        });
    }

    /** This instance is alive for another expiry; rows of instances gone for a day are cleared away. */
    public void heartbeat() throws StoreException {
        run("write the heartbeat of " + instance, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".instances AS i (id, started_at, heartbeat_at,"
                    + " expires_at) VALUES (?, now(), now(), now() + make_interval(secs => ?)) ON CONFLICT (id) DO UPDATE SET"
                    + " heartbeat_at = now(), expires_at = excluded.expires_at")) {
                s.setString(1, instance);
                s.setDouble(2, expirySeconds);
                s.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + schema + ".instances WHERE expires_at < now() - interval '1 day'");
            }
            return null;
        });
    }

    /** Every instance and lease row, with the database's clock. */
    public Snapshot read() throws StoreException {
        return run("read the leases in " + schema, c -> snapshot(c, schema));
    }

    /** Renews this instance's unexpired leases on {@code bots}; returns those renewed (a lease taken or expired is not). */
    public Set<String> renew(Collection<String> bots) throws StoreException {
        if (bots.isEmpty()) {
            return Set.of();
        }
        return run("renew the leases of " + instance, c -> {
            Set<String> renewed = new LinkedHashSet<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE " + schema + ".leases SET renewed_at = now(), expires_at = now()"
                    + " + make_interval(secs => ?) WHERE holder = ? AND expires_at > now() AND bot = ANY(?) RETURNING bot")) {
                s.setDouble(1, expirySeconds);
                s.setString(2, instance);
                Array names = c.createArrayOf("text", bots.toArray());
                s.setArray(3, names);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        renewed.add(r.getString(1));
                    }
                }
            }
            return renewed;
        });
    }

    /**
     * Takes the lease on {@code bot} if nobody holds it (no row, or an expired one) or this instance already does; one
     * statement, so of two instances reaching for one bot at once exactly one wins. Returns whether this one did.
     */
    public boolean take(String bot) throws StoreException {
        return run("take the lease on " + label(bot), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".leases AS l (bot, holder, acquired_at, renewed_at,"
                    + " expires_at, state, note) VALUES (?, ?, now(), now(), now() + make_interval(secs => ?), '" + RUNNING + "', '')"
                    + " ON CONFLICT (bot) DO UPDATE SET holder = excluded.holder, acquired_at = CASE WHEN l.holder = excluded.holder"
                    + " AND l.expires_at > now() THEN l.acquired_at ELSE now() END, renewed_at = now(), expires_at = excluded.expires_at,"
                    + " state = excluded.state, note = '' WHERE l.expires_at <= now() OR l.holder = excluded.holder RETURNING bot")) {
                s.setString(1, bot);
                s.setString(2, instance);
                s.setDouble(3, expirySeconds);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Records that this instance holds {@code bot} stopped, and why: {@code leadbot bots} shows it, and nobody retries it. */
    public void stopped(String bot, String reason) throws StoreException {
        run("record why " + label(bot) + " is stopped", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + schema + ".leases SET state = '" + STOPPED + "', note = ?"
                    + " WHERE bot = ? AND holder = ?")) {
                s.setString(1, reason);
                s.setString(2, bot);
                s.setString(3, instance);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Gives the lease on {@code bot} back, if this instance holds it: another instance may take it at once. */
    public void giveBack(String bot) throws StoreException {
        run("give back the lease on " + label(bot), c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + schema + ".leases WHERE bot = ? AND holder = ?")) {
                s.setString(1, bot);
                s.setString(2, instance);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** This instance stops: its leases and its row deleted in one transaction, so the others take its bots at their next heartbeat. */
    public void leave() throws StoreException {
        run("delete the leases of " + instance, c -> {
            WholeTransaction.run(c, () -> {
                try (PreparedStatement leases = c.prepareStatement("DELETE FROM " + schema + ".leases WHERE holder = ?");
                        PreparedStatement row = c.prepareStatement("DELETE FROM " + schema + ".instances WHERE id = ?")) {
                    leases.setString(1, instance);
                    leases.executeUpdate();
                    row.setString(1, instance);
                    row.executeUpdate();
                }
            });
            return null;
        });
    }

    /** Gives the connection back; the rows stay as they are (a crashed instance's, until they expire). */
    @Override
    public synchronized void close() {
        connection.ifPresent(c -> {
            connection = Optional.empty();
            disconnect(c);
        });
        // A session still being opened is closed once it is open.
        connecting.ifPresent(pending -> pending.thenAccept(this::disconnect));
        connecting = Optional.empty();
        connector.shutdown();
        closed = true;
    }

    private void disconnect(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Gone already (the server ended the session): nothing is left to give back but the pool's count.
        } finally {
            PostgresPools.release(database);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    private synchronized <T> T run(String what, Work<T> work) throws StoreException {
        if (closed) {
            throw new IllegalStateException("the leases of " + instance + " were closed; cannot " + what);
        }
        if (connection.isEmpty()) {
            connection = Optional.of(reconnect());
        }
        Connection c = connection.get();
        try {
            return work.run(c);
        } catch (SQLException e) {
            if (PostgresSchema.gone(e)) {
                // The next call opens a new session; this one's failure is the caller's to report.
                connection = Optional.empty();
                disconnect(c);
            }
            throw Session.failure(database, what, e);
        }
    }

    /** A new session, waited for at most the patience: one that takes longer is still opened, for the next call to use. */
    private Connection reconnect() throws StoreException {
        CompletableFuture<Connection> pending = connecting.orElseGet(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return connect(database, instance, patience);
            } catch (StoreException e) {
                throw new CompletionException(e);
            }
        }, connector));
        connecting = Optional.of(pending);
        try {
            Connection opened = pending.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            connecting = Optional.empty();
            return opened;
        } catch (TimeoutException e) {
            throw new StoreException("cannot reach " + database + " within " + patience.toMillis() + " ms to keep the leases of "
                    + instance + " (still trying)");
        } catch (ExecutionException e) {
            connecting = Optional.empty();
            if (e.getCause() instanceof StoreException failed) {
                throw failed;
            }
            throw new IllegalStateException("opening a session on " + database + " for the leases failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while opening a session on " + database + " for the leases");
        }
    }

    /**
     * A connection of the pool, the schema and tables created first if missing (instances starting together take turns), named
     * after the instance in {@code pg_stat_activity}, waiting at most {@code patience} for any answer of the server.
     */
    private static Connection connect(Database.Postgres database, String instance, Duration patience) throws StoreException {
        String schema = database.schema();
        Connection connection = PostgresPools.borrow(database);
        try {
            // The driver only sets its socket's timeout: the executor is never used.
            connection.setNetworkTimeout(Runnable::run, (int) patience.toMillis());
            WholeTransaction.run(connection, () -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + Migrations.APPLICATION_ID + ", hashtext('" + schema + " leases'))");
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                    s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".instances (id TEXT COLLATE \"C\" PRIMARY KEY,"
                            + " started_at TIMESTAMPTZ NOT NULL, heartbeat_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL)");
                    s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".leases (bot TEXT COLLATE \"C\" PRIMARY KEY,"
                            + " holder TEXT COLLATE \"C\" NOT NULL, acquired_at TIMESTAMPTZ NOT NULL, renewed_at TIMESTAMPTZ NOT NULL,"
                            + " expires_at TIMESTAMPTZ NOT NULL, state TEXT NOT NULL CHECK (state IN ('" + RUNNING + "', '" + STOPPED + "')),"
                            + " note TEXT NOT NULL)");
                }
            });
            try (PreparedStatement s = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                String name = "leadbot " + instance;
                s.setString(1, name.length() > 63 ? name.substring(0, 63) : name);
                s.execute();
            }
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The failure below is the one to report.
            }
            PostgresPools.release(database);
            throw Session.failure(database, "create the schema " + schema, e);
        }
    }

    private static Snapshot snapshot(Connection c, String schema) throws SQLException {
        Instant now;
        List<InstanceRow> instances = new ArrayList<>();
        List<LeaseRow> leases = new ArrayList<>();
        // One statement's now() for all three: REPEATABLE READ is not needed when the rows are read in one go.
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT 'now', NULL, now(), NULL, NULL, NULL, NULL UNION ALL"
                        + " SELECT 'instance', id, started_at, heartbeat_at, expires_at, NULL, NULL FROM " + schema + ".instances UNION ALL"
                        + " SELECT 'lease', bot, acquired_at, renewed_at, expires_at, holder, CASE WHEN state = '" + STOPPED + "' THEN note"
                        + " END FROM " + schema + ".leases")) {
            now = null;
            while (r.next()) {
                switch (r.getString(1)) {
                    case "now" -> now = instant(r, 3);
                    case "instance" -> instances.add(new InstanceRow(r.getString(2), instant(r, 3), instant(r, 4), instant(r, 5)));
                    default -> leases.add(new LeaseRow(r.getString(2), r.getString(6), instant(r, 3), instant(r, 4), instant(r, 5),
                            Optional.ofNullable(r.getString(7))));
                }
            }
        }
        instances.sort(java.util.Comparator.comparing(InstanceRow::id));
        leases.sort(java.util.Comparator.comparing(LeaseRow::bot));
        return new Snapshot(now, instances, leases);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String label(String bot) {
        return bot.isEmpty() ? "the bot" : "bot '" + bot + "'";
    }
}
