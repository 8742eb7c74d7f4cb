package dev.leadbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outgoing table, replies committed and not sent yet, and the question_messages table, the message that shows each
 * chat's question so an edit finds it.
 */
public final class ReplyStore {

    private final Session session;
    /**
     * Each chat's question message this store recorded or read last, so that an edit finds its message without a round trip,
     * within one bound for the whole process (see {@link RecentQuestionMessages}). Only what the database holds: a chat's
     * goes when it is forgotten, all of them when another program wrote (it may have forgotten one), a new session began
     * or the store closed.
     */
    private final RecentQuestionMessages.Shelf questionMessages = RecentQuestionMessages.PROCESS.shelf();

    /** The message that shows a chat's question {@code step}. */
    public record QuestionMessage(int step, int messageId) {
    }

    ReplyStore(Session session) {
        this.session = session;
        session.remember(questionMessages::clear);
    }

    /** Every reply committed but not sent yet (the last run stopped first), oldest first. */
    public List<Outgoing> unsent() throws StoreException {
        return session.call("read the unsent replies", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT id, chat_id, payload FROM outgoing ORDER BY id");
                    ResultSet r = s.executeQuery()) {
                List<Outgoing> unsent = new ArrayList<>();
                while (r.next()) {
                    unsent.add(new Outgoing(r.getLong(1), r.getLong(2), r.getString(3)));
                }
                return unsent;
            }
        });
    }

    /**
     * A reply was sent (or given up on): it leaves the queue, and when it showed a question the
     * message id is kept so an edit after a restart still finds it. Written without a full disk
     * flush: these rows come one per message sent; a crash of the process loses none of them, and
     * a power cut at worst repeats the last few messages or skips an edit. (SQLite: synchronous=NORMAL
     * for this commit; PostgreSQL: synchronous_commit off for this transaction, the same promise.)
     */
    public void sent(Outgoing reply, Optional<QuestionMessage> shows) throws StoreException {
        String what = "mark reply " + reply.id() + " to chat " + reply.chatId() + " sent";
        // The flush level is set and reset with the transaction between, no other call on the connection in the middle.
        synchronized (session) {
            synchronous("NORMAL", what);
            try {
                session.inTransaction(what, connection -> {
                    // One batch, which PostgreSQL gets in one round trip where separate statements and the commit took four or five:
                    // this runs for every message sent. Only numbers are written into the statements.
                    try (Statement batch = connection.createStatement()) {
                        if (session.dialect() == Dialect.POSTGRESQL) {
                            batch.addBatch("SET LOCAL synchronous_commit = off");
                        }
                        batch.addBatch("DELETE FROM outgoing WHERE id = " + reply.id());
                        if (shows.isPresent()) {
                            batch.addBatch("INSERT INTO question_messages (chat_id, step, message_id) VALUES (" + reply.chatId() + ", "
                                    + shows.get().step() + ", " + shows.get().messageId() + ") ON CONFLICT (chat_id, step) DO UPDATE"
                                    + " SET message_id = excluded.message_id");
                        }
                        if (session.dialect() == Dialect.POSTGRESQL) {
                            // The commit rides along: should a statement before it fail, the server skips it and the transaction is
                            // rolled back as any failed one; after it the driver sees no transaction open, and commit() sends nothing.
                            batch.addBatch("COMMIT");
                        }
                        batch.executeBatch();
                        return null;
                    }
                });
                shows.ifPresent(question -> questionMessages.put(reply.chatId(), question.step(), question.messageId()));
            } finally {
                synchronous("FULL", what);
            }
        }
    }

    /** SQLite's flush to disk at each commit, set outside any transaction (PostgreSQL sets its own per transaction). */
    private void synchronous(String level, String what) throws StoreException {
        if (session.dialect() != Dialect.SQLITE) {
            return;
        }
        session.call(what, connection -> {
            try (Statement pragma = connection.createStatement()) {
                return pragma.execute("PRAGMA synchronous = " + level);
            }
        });
    }

    /** The message that shows a chat's question {@code step}, if one was recorded (and not forgotten). */
    public Optional<Integer> questionMessage(long chatId, int step) throws StoreException {
        return session.call("find the message of chat " + chatId + " step " + step, connection -> {
            Optional<Integer> known = questionMessages.get(chatId, step);
            if (known.isPresent()) {
                return known;
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT message_id FROM question_messages WHERE chat_id = ? AND step = ?")) {
                s.setLong(1, chatId);
                s.setInt(2, step);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    questionMessages.put(chatId, step, r.getInt(1));
                    return Optional.of(r.getInt(1));
                }
            }
        });
    }

    /** Part of a batch's transaction: the replies stored, returned with their ids, in order. */
    List<Outgoing> insert(Connection connection, List<Outgoing> replies) throws SQLException {
        if (session.dialect() == Dialect.POSTGRESQL) {
            return insertAtOnce(connection, replies);
        }
        List<Outgoing> stored = new ArrayList<>(replies.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outgoing (chat_id, payload) VALUES (?, ?) RETURNING id")) {
            for (Outgoing reply : replies) {
                insert.setLong(1, reply.chatId());
                insert.setString(2, reply.payload());
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    stored.add(new Outgoing(id.getLong(1), reply.chatId(), reply.payload()));
                }
            }
        }
        return stored;
    }

    /**
     * PostgreSQL's way: the replies go as one batch, their ids come back with it, in one round trip instead of one a reply
     * (SQLite's driver gives back only the last id of a batch).
     */
    private static List<Outgoing> insertAtOnce(Connection connection, List<Outgoing> replies) throws SQLException {
        if (replies.isEmpty()) {
            return List.of();
        }
        List<Outgoing> stored = new ArrayList<>(replies.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outgoing (chat_id, payload) VALUES (?, ?)",
                new String[] {"id"})) {
            for (Outgoing reply : replies) {
                insert.setLong(1, reply.chatId());
                insert.setString(2, reply.payload());
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet ids = insert.getGeneratedKeys()) {
                for (Outgoing reply : replies) {
                    if (!ids.next()) {
                        throw new SQLException("PostgreSQL gave back " + stored.size() + " ids for " + replies.size() + " replies");
                    }
                    stored.add(new Outgoing(ids.getLong(1), reply.chatId(), reply.payload()));
                }
            }
        }
        return stored;
    }

    /** The chat's question message leaves memory: before its rows go, as memory must never hold what the database does not. */
    void forgetShown(long chatId) {
        questionMessages.forget(chatId);
    }

    /** Part of a caller's transaction: the chat's question messages, then its unsent replies, go; returns how many. */
    int delete(Connection connection, long chatId) throws SQLException {
        int removed = 0;
        for (String table : new String[] {"question_messages", "outgoing"}) {
            removed += Session.deleteChat(connection, table, chatId);
        }
        return removed;
    }
}
