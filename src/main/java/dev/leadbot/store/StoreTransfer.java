package dev.leadbot.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves one bot's state from its SQLite file into its schema of a PostgreSQL database, whole: both
 * opened as a bot opens them (the file locked, so a bot still running on it is refused, and upgraded
 * to this version's schema; the schema created at the same version and locked against a bot
 * starting on it), every table copied in one PostgreSQL transaction, each table's count checked
 * before it commits. The file is only read: it stays as it was, a backup, with a note beside it
 * ({@code leadbot.db.moved}) that refuses a bot started on it again, which would fork its history.
 */
public final class StoreTransfer {

    private static final Pattern TABLE = Pattern.compile("^(CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?(\\w+)");
    private static final int BATCH = 1000;

    /** How many rows one table held, in the file and now in the schema alike. */
    public record Table(String name, long rows) {
    }

    /** What was moved: every table of the schema, in the order the migrations made them. */
    public record Transferred(int version, List<Table> tables) {
        public Transferred {
            tables = List.copyOf(tables);
        }
    }

    private StoreTransfer() {
    }

    /**
     * Copies {@code from} into {@code to}.
     *
     * @param replace whether rows the schema holds already are deleted first (in the same transaction); without it a schema
     *     that holds any is refused, so two histories are never mixed
     * @throws StoreException naming what to do: a missing file, a bot still running on either side, a schema holding data,
     *     PostgreSQL unreachable or refusing the password (never shown)
     */
    public static Transferred copy(Database.SqliteFile from, Database.Postgres to, boolean replace, Clock clock) throws StoreException {
        if (!Files.isRegularFile(from.file())) {
            throw StoreException.missing(from + " does not exist: name the bot's database file with --from (LEADBOT_DB or db: in"
                    + " the settings; data/leadbot.db by default, data/NAME/leadbot.db for a bot named NAME)");
        }
        try (Store source = open(from, clock, "stop the bot first (Telegram keeps its updates meanwhile), run migrate again, then"
                + " start the bot with LEADBOT_DB set to the PostgreSQL URL");
                Store target = open(to, clock, "stop the bot running on PostgreSQL, then run migrate again")) {
            Transferred moved = copy(source.connection(), target.connection(), to, replace);
            // Left while the file is still locked: no bot can start on it between the commit and the note.
            StoreFile.markMoved(from.file(), to.toString());
            return moved;
        }
    }

    /** Opens one side as a bot would; a running bot holding it is refused with {@code inUse}, what to do about it. */
    private static Store open(Database database, Clock clock, String inUse) throws StoreException {
        try {
            return Store.open(database, clock, true);
        } catch (StoreException e) {
            if (e.inUse()) {
                throw StoreException.inUse(database + " is in use by a running leadbot: " + inUse);
            }
            throw e;
        }
    }

    /** The schema's tables in the order the migrations create them: a table is made after every table it refers to. */
    static List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (List<String> step : Migrations.STEPS) {
            for (String statement : step) {
                Matcher table = TABLE.matcher(statement);
                if (table.find()) {
                    tables.remove(table.group(2));
                    if (table.group(1).equals("CREATE")) {
                        tables.add(table.group(2));
                    }
                }
            }
        }
        return tables;
    }

    private static Transferred copy(Connection source, Connection target, Database.Postgres to, boolean replace) throws StoreException {
        List<String> tables = tables();
        try {
            // One read transaction on the file: an owner's tool writing beside us cannot make the counts disagree.
            source.setAutoCommit(false);
            target.setAutoCommit(false);
            Map<String, Long> there = counts(target, tables);
            List<String> held = tables.stream().filter(t -> there.get(t) > 0).map(t -> there.get(t) + " in " + t).toList();
            if (!held.isEmpty()) {
                if (!replace) {
                    throw new StoreException(to + " already holds rows (" + String.join(", ", held) + "): migrate never mixes two"
                            + " histories; run it with --replace to delete them and copy the file, or move into another database");
                }
                try (Statement s = target.createStatement()) {
                    s.execute("TRUNCATE " + String.join(", ", tables));
                }
            }
            Map<String, Long> expected = counts(source, tables);
            for (String table : tables) {
                copyTable(source, target, table);
            }
            continueNumbering(target, to);
            Map<String, Long> copied = counts(target, tables);
            if (!copied.equals(expected)) {
                throw new StoreException("the copy into " + to + " does not match the file (" + expected + " in the file, " + copied
                        + " copied); nothing was committed: run migrate again, and if it repeats, keep the file and report it");
            }
            target.commit();
            source.rollback();
            return new Transferred(Migrations.latest(), tables.stream().map(t -> new Table(t, expected.get(t))).toList());
        } catch (SQLException e) {
            rollback(target);
            rollback(source);
            throw new StoreException("cannot copy into " + to + ": " + to.hide(e.getMessage()) + "; nothing was committed, the file is as"
                    + " it was", e);
        } catch (Throwable e) {
            // Whatever failed (an Error too): setting autocommit back on would commit the half-done copy.
            rollback(target);
            rollback(source);
            throw e;
        } finally {
            autoCommit(source);
            autoCommit(target);
        }
    }

    private static Map<String, Long> counts(Connection connection, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Every row and column as it is: ids too, so the unsent messages keep their order and the leads their references. */
    private static void copyTable(Connection source, Connection target, String table) throws SQLException {
        try (Statement read = source.createStatement(); ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + "?, ".repeat(columns - 1) + "?)";
            try (PreparedStatement write = target.prepareStatement(insert)) {
                int pending = 0;
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rows.getObject(i);
                        if (value == null) {
                            write.setNull(i, java.sql.Types.NULL);
                        } else {
                            write.setObject(i, value);
                        }
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
    }

    /** A column PostgreSQL numbers itself goes on after the highest id copied, so the bot's next message never takes one. */
    private static void continueNumbering(Connection target, Database.Postgres to) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (PreparedStatement s = target.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_identity = 'YES'")) {
            s.setString(1, to.schema());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    identities.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        try (Statement s = target.createStatement()) {
            for (String[] identity : identities) {
                String table = identity[0];
                String column = identity[1];
                s.executeQuery("SELECT setval(pg_get_serial_sequence('" + to.schema() + "." + table + "', '" + column + "'),"
                        + " coalesce((SELECT max(" + column + ") FROM " + table + "), 1), (SELECT max(" + column + ") FROM " + table
                        + ") IS NOT NULL)").close();
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The copy failed already and is reported; an unfinished transaction ends with its connection anyway.
        }
    }

    private static void autoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // A connection that is gone has had its failure reported by the statement that met it; closing the store ends it.
            if (!PostgresSchema.gone(e)) {
                throw new IllegalStateException("resetting autocommit after the copy: " + e.getMessage(), e);
            }
        }
    }
}
