package dev.leadbot.store;

import dev.leadbot.funnel.FunnelEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The funnel_events table: written inside the store's transactions, read by the reports. */
public final class FunnelLog {

    /** Rows of the funnel held in memory at once while a report reads it. */
    static final int FETCH_ROWS = 1_000;

    private final Session session;

    FunnelLog(Session session) {
        this.session = session;
    }

    /**
     * The funnel's events at or after {@code since}, in the order they happened: Telegram's chats, or with
     * {@code terminal} only the terminal chat's test conversations.
     */
    public List<FunnelEvent> events(Instant since, boolean terminal) throws StoreException {
        List<FunnelEvent> events = new ArrayList<>();
        events(since, terminal, events::add);
        return events;
    }

    /** The same, handed to {@code each} as they are read, so a report over a large funnel never holds it all in memory. */
    public void events(Instant since, boolean terminal, Consumer<FunnelEvent> each) throws StoreException {
        if (session.dialect() == Dialect.POSTGRESQL) {
            // pgjdbc fetches rows a thousand at a time only inside a transaction; read-only, as it writes nothing.
            session.inTransaction("read the funnel", connection -> {
                try (Statement readOnly = connection.createStatement()) {
                    readOnly.execute("SET TRANSACTION READ ONLY");
                }
                since(connection, since, terminal, each);
                return null;
            });
            return;
        }
        session.call("read the funnel", connection -> {
            since(connection, since, terminal, each);
            return null;
        });
    }

    /** Part of a caller's transaction. */
    void insert(Connection connection, List<FunnelEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO funnel_events (chat_id, at, kind, flow, version, started_at,"
                + " step, node, answer, path, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FunnelEvent event : events) {
                insert.setLong(1, event.chatId());
                insert.setLong(2, event.at().toEpochMilli());
                insert.setString(3, event.kind().name());
                insert.setString(4, event.flow());
                insert.setString(5, event.version());
                insert.setLong(6, event.startedAt().toEpochMilli());
                insert.setInt(7, event.step());
                insert.setString(8, event.node());
                text(insert, 9, event.answer());
                text(insert, 10, event.path());
                text(insert, 11, event.source());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Part of a caller's transaction; returns how many rows went. */
    int forget(Connection connection, long chatId) throws SQLException {
        return Session.deleteChat(connection, "funnel_events", chatId);
    }

    /**
     * Events at or after {@code since}, one by one in the order they were committed: the terminal chat's (see {@link TerminalChats}), or every other chat's.
     * Read {@link #FETCH_ROWS} at a time; on PostgreSQL only inside a transaction, as outside one pgjdbc reads
     * the whole result into memory first.
     */
    private static void since(Connection connection, Instant since, boolean terminal, Consumer<FunnelEvent> each) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT kind, chat_id, at, flow, version, started_at, step, node, answer, path,"
                + " source FROM funnel_events WHERE at >= ? AND " + (terminal ? "" : "NOT ") + TerminalChats.CONDITION + " ORDER BY id")) {
            s.setFetchSize(FETCH_ROWS);
            s.setLong(1, since.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    each.accept(new FunnelEvent(FunnelEvent.Kind.valueOf(r.getString(1)), r.getLong(2), Instant.ofEpochMilli(r.getLong(3)),
                            r.getString(4), r.getString(5), Instant.ofEpochMilli(r.getLong(6)), r.getInt(7), r.getString(8),
                            Optional.ofNullable(r.getString(9)), Optional.ofNullable(r.getString(10)), Optional.ofNullable(r.getString(11))));
                }
            }
        }
    }

    private static void text(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
