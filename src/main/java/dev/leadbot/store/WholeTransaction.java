package dev.leadbot.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on a connection as one transaction that commits whole or not at all. Anything thrown from inside (a failed
 * statement, a {@link StoreException}, a RuntimeException, an Error) rolls it back before autocommit is restored: JDBC
 * commits what a transaction holds when autocommit is switched back on, so a failure must never reach the reset with
 * work pending.
 */
final class WholeTransaction {

    /** The statements to run inside the transaction. */
    interface Work {
        void run() throws SQLException, StoreException;
    }

    private WholeTransaction() {
    }

    static void run(Connection connection, Work work) throws SQLException, StoreException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (Throwable e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
