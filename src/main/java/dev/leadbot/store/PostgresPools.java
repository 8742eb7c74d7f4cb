package dev.leadbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection pool per PostgreSQL database in the process, shared by every store opened on it
 * (each bot's schema, the owner's tools, {@code /stats}). Each open store holds one connection
 * for its life (its instance lock lives on it), so the pool grows by one with each store and
 * keeps a few more for short borrowers; it closes with the last store.
 */
final class PostgresPools {

    /** Connections beyond the stores' own: {@code /stats} and an owner's tool beside the bot. */
    static final int SPARE = 3;
    /** The most connections a pool is made for: more than a PostgreSQL server allows (max_connections, 100 by default). */
    private static final int MOST_CONNECTIONS = 10_000;
    /** How long a store waits for a connection (PostgreSQL down, or the pool exhausted) before it says so. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** PostgreSQL settings every session gets at its start (pgjdbc's {@code options}); see {@link #create}. */
    static final String SERVER_KEEPALIVES = "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3"
            + " -c tcp_user_timeout=10000";

    private record Shared(HikariDataSource pool, int stores) {
    }

    private static final Map<String, Shared> POOLS = new HashMap<>();

    private PostgresPools() {
    }

    /**
     * A connection of the database's pool for one store; the caller gives it back with
     * {@link #release}. The pool is made on first use and checked by connecting at once.
     */
    static Connection borrow(Database.Postgres database) throws StoreException {
        HikariDataSource pool;
        synchronized (POOLS) {
            String key = key(database);
            Shared shared = POOLS.get(key);
            if (shared == null) {
                shared = new Shared(create(database), 0);
            }
            shared = new Shared(shared.pool(), shared.stores() + 1);
            POOLS.put(key, shared);
            shared.pool().getHikariConfigMXBean().setMaximumPoolSize(shared.stores() + SPARE);
            pool = shared.pool();
        }
        try {
            return connection(pool);
        } catch (SQLException e) {
            release(database);
            throw new StoreException("cannot connect to " + database + ": " + database.hide(e.getMessage()) + hint(e), e);
        }
    }

    /**
     * A connection of the pool, waiting as long as the pool keeps opening connections: a hundred bots starting at once queue
     * for a hundred new connections, which HikariCP opens one after another (each a TCP connect, an authentication and a new
     * server process, 10–100 ms on two busy cores, then a pause of 30 ms), so the last ones may wait longer than
     * {@link #CONNECT_TIMEOUT}.
     * A whole wait in which the pool opened none (PostgreSQL is down, or every connection is held) fails.
     */
    private static Connection connection(HikariDataSource pool) throws SQLException {
        int opened = pool.getHikariPoolMXBean().getTotalConnections();
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException e) {
                int now = pool.getHikariPoolMXBean().getTotalConnections();
                if (now <= opened) {
                    throw e;
                }
                opened = now;
            }
        }
    }

    /** A store closed: its connection went back; the pool closes with the last one. */
    static void release(Database.Postgres database) {
        synchronized (POOLS) {
            String key = key(database);
            Shared shared = POOLS.get(key);
            if (shared == null) {
                return;
            }
            if (shared.stores() <= 1) {
                POOLS.remove(key);
                shared.pool().close();
            } else {
                POOLS.put(key, new Shared(shared.pool(), shared.stores() - 1));
                shared.pool().getHikariConfigMXBean().setMaximumPoolSize(shared.stores() - 1 + SPARE);
            }
        }
    }

    private static HikariDataSource create(Database.Postgres database) throws StoreException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        database.password().ifPresent(config::setPassword);
        config.setPoolName("leadbot-postgres");
        config.setMinimumIdle(0);
        // Made with room for every store's connection, then sized by each borrow: HikariCP queues requests for new connections
        // up to the maximum the pool was made with and drops the rest, so a pool made for one store and grown with the next
        // ninety-nine left most of them waiting out CONNECT_TIMEOUT when a hundred bots started at once.
        config.setMaximumPoolSize(MOST_CONNECTIONS);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        // The bot's name in pg_stat_activity, so a database administrator sees whose connections these are.
        config.addDataSourceProperty("ApplicationName", "leadbot");
        // A store holds its connection for the bot's life: TCP keepalive finds a peer gone silently (a cut network, a
        // vanished host) instead of leaving the next commit to hang on a dead socket.
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // The same from the server's side, which matters more: a store's session holds its bot's advisory lock (the fence
        // against a second instance polling it), and with the OS's defaults a server notices a client host gone without a
        // word (power lost, network cut) only after about two hours, holding the lock all that time. With these it probes an
        // idle connection after 5 s of silence, every 2 s, and drops it after 3 unanswered probes (about 11 s), and drops
        // one whose sent data stays unacknowledged for 10 s. They apply to TCP connections only (a Unix socket reads 0).
        config.addDataSourceProperty("options", SERVER_KEEPALIVES);
        // The server's DETAIL of an error, and the statement with its parameters in a failed batch's message, hold what
        // prospects wrote (a failing row, a duplicate key's value): without them a failure says what failed, never whose data.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot connect to " + database + ": " + database.hide(cause.getMessage()) + hint(cause), e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot use " + database + ": " + database.hide(e.getMessage()), e);
        }
    }

    /** What to do about the commonest failures, in words the driver does not use. */
    private static String hint(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Connection to") && message.contains("refused")) {
            return "; is PostgreSQL running there and listening on that port?";
        }
        if (message.contains("password authentication failed")) {
            return "; check the user and password in LEADBOT_DB (or db: in the settings)";
        }
        if (message.contains("does not exist") && message.contains("database")) {
            return "; create it first (createdb), leadbot makes its schemas and tables itself";
        }
        return "";
    }

    private static String key(Database.Postgres database) {
        return database.jdbcUrl() + " " + database.user();
    }
}
