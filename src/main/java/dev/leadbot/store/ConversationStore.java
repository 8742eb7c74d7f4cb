package dev.leadbot.store;

import dev.leadbot.engine.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The conversations table, each chat's place in the flow, and the polling table, the last update committed. */
public final class ConversationStore {

    private final Session session;

    ConversationStore(Session session) {
        this.session = session;
    }

    public Optional<Conversation> conversation(long chatId) throws StoreException {
        return session.call("read the conversation of chat " + chatId, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT state FROM conversations WHERE chat_id = ?")) {
                s.setLong(1, chatId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(ConversationJson.read(r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The chat id of the terminal's test conversation to talk in: the latest one not finished, to continue it, else a new
     * id below every terminal id this database has seen (in conversations, leads or the funnel), so no two share one.
     */
    public long terminalChat() throws StoreException {
        return session.call("choose the terminal chat's id", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT chat_id, state FROM conversations WHERE "
                    + TerminalChats.CONDITION + " ORDER BY updated_at DESC, chat_id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (ConversationJson.read(r.getString(2)).status() != Conversation.Status.COMPLETED) {
                        return r.getLong(1);
                    }
                }
            }
            long lowest = TerminalChats.TELEGRAM_FLOOR;
            for (String table : List.of("conversations", "leads", "funnel_events")) {
                try (PreparedStatement s = connection.prepareStatement("SELECT MIN(chat_id) FROM " + table + " WHERE chat_id < ?")) {
                    s.setLong(1, TerminalChats.TELEGRAM_FLOOR);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next() && r.getObject(1) != null) {
                            lowest = Math.min(lowest, r.getLong(1));
                        }
                    }
                }
            }
            return lowest - 1;
        });
    }

    /** Every conversation not finished yet: what a new version of the flow has to take over. */
    public List<Conversation> openConversations() throws StoreException {
        return session.call("read the open conversations", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT state FROM conversations"); ResultSet r = s.executeQuery()) {
                List<Conversation> open = new ArrayList<>();
                while (r.next()) {
                    Conversation conversation = ConversationJson.read(r.getString(1));
                    if (conversation.status() != Conversation.Status.COMPLETED) {
                        open.add(conversation);
                    }
                }
                return open;
            }
        });
    }

    /** When a prospect's conversation last changed, if one ever has: the bot's last update from a prospect, for {@code leadbot bots}. */
    public Optional<Instant> lastChange() throws StoreException {
        return session.call("read when a conversation last changed", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT MAX(updated_at) FROM conversations");
                    ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null ? Optional.of(Instant.parse(r.getString(1))) : Optional.empty();
            }
        });
    }

    /** The last update id committed, so a redelivered update is recognised and polling resumes after it. */
    public OptionalLong lastUpdateId() throws StoreException {
        return session.call("read the polling offset", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT last_update_id FROM polling WHERE id = 1");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    /**
     * Whether another program (an owner's {@code leadbot forget} or {@code leads --retry}) committed to the database since
     * the last call: what this process holds in memory of it may be stale. This process's own commits do not count (on
     * PostgreSQL: those of the store opened with {@link Store#open}, the running bot's). Once asked, a batch is refused
     * when another program committed since: see {@link Store#commit}.
     */
    public boolean changedElsewhere() throws StoreException {
        return session.changedElsewhere();
    }

    /** Part of a batch's transaction: stores each present conversation, in one round trip, at the end of the batch's own. */
    void put(Connection connection, String flow, Map<Long, Optional<Conversation>> changes) throws SQLException {
        try (PreparedStatement put = connection.prepareStatement("INSERT INTO conversations (chat_id, flow, state, updated_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET flow = excluded.flow, state = excluded.state,"
                + " updated_at = excluded.updated_at")) {
            for (Map.Entry<Long, Optional<Conversation>> change : changes.entrySet()) {
                if (change.getValue().isPresent()) {
                    put.setLong(1, change.getKey());
                    put.setString(2, flow);
                    put.setString(3, ConversationJson.write(change.getValue().get()));
                    put.setString(4, session.clock().instant().toString());
                    put.addBatch();
                }
            }
            // A batch: PostgreSQL gets it in one round trip.
            put.executeBatch();
        }
    }

    /** Part of a caller's transaction; returns how many went (0 or 1). */
    int delete(Connection connection, long chatId) throws SQLException {
        return Session.deleteChat(connection, "conversations", chatId);
    }

    /** Part of a batch's transaction: the polling offset moves on to {@code updateId}, never back. */
    void handled(Connection connection, long updateId) throws SQLException {
        try (PreparedStatement offset = connection.prepareStatement("INSERT INTO polling (id, last_update_id) VALUES (1, ?)"
                + " ON CONFLICT (id) DO UPDATE SET last_update_id = CASE WHEN excluded.last_update_id > polling.last_update_id"
                + " THEN excluded.last_update_id ELSE polling.last_update_id END")) {
            offset.setLong(1, updateId);
            offset.executeUpdate();
        }
    }
}
