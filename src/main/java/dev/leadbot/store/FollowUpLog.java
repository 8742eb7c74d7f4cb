package dev.leadbot.store;

import dev.leadbot.followup.Due;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.followup.Silence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The follow_ups table: each open conversation's next follow-up, at most one per chat. */
public final class FollowUpLog {

    private final Session session;
    /**
     * No follow-up timer is due before this, as far as this store knows: the earliest timer stored when it last looked,
     * lowered by every timer it commits since (other programs only delete timers: {@code leadbot forget}). Empty when it
     * does not know (at the start, after a look found timers due, after another program or a new session wrote). It spares
     * a bot's looks for due timers, four a second, the database: on PostgreSQL two round trips each, for each bot.
     */
    private volatile Optional<Instant> noFollowUpBefore = Optional.empty();

    FollowUpLog(Session session) {
        this.session = session;
        session.remember(() -> noFollowUpBefore = Optional.empty());
    }

    /** Up to {@code limit} follow-up timers due at or before {@code now}, the earliest first. */
    public List<FollowUpTimer> due(Instant now, int limit) throws StoreException {
        return session.call("read the follow-ups due", connection -> {
            if (!mayBeDue(now)) {
                return List.of();
            }
            List<FollowUpTimer> due = select(connection, now, limit);
            // None due: the earliest timer is later than now, and none comes before it but what this store commits.
            noFollowUpBefore = due.isEmpty() ? Optional.of(next(connection).orElse(Instant.MAX)) : Optional.empty();
            return due;
        });
    }

    /**
     * Whether a follow-up timer may be due at {@code now}; false only when none can be, known without asking the database
     * (nor waiting for a commit under way): what a bot's ticks check before they look.
     */
    public boolean mayBeDue(Instant now) {
        return noFollowUpBefore.map(earliest -> !now.isBefore(earliest)).orElse(true);
    }

    /** When the earliest follow-up timer is due, if any is set. */
    public Optional<Instant> next() throws StoreException {
        return session.call("read the next follow-up", FollowUpLog::next);
    }

    /** The prospect blocked the bot: nothing more is sent to the chat, so its follow-up goes. */
    public void cancel(long chatId) throws StoreException {
        session.call("cancel the follow-ups of chat " + chatId, connection -> delete(connection, chatId));
    }

    /** Part of a caller's transaction: each chat's timer replaced, or deleted where empty. */
    void apply(Connection connection, Map<Long, Optional<FollowUpTimer>> timers) throws SQLException {
        if (!timers.isEmpty()) {
            write(connection, timers);
        }
        noFollowUpBefore = noFollowUpBefore.map(known -> timers.values().stream().flatMap(Optional::stream)
                .map(timer -> timer.due().at()).reduce(known, (a, b) -> a.isBefore(b) ? a : b));
    }

    private static void write(Connection connection, Map<Long, Optional<FollowUpTimer>> timers) throws SQLException {
        try (PreparedStatement put = connection.prepareStatement("INSERT INTO follow_ups (chat_id, kind, attempt, due_at, silent_since,"
                + " reminded, last_reminder_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET kind = excluded.kind,"
                + " attempt = excluded.attempt, due_at = excluded.due_at, silent_since = excluded.silent_since,"
                + " reminded = excluded.reminded, last_reminder_at = excluded.last_reminder_at");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM follow_ups WHERE chat_id = ?")) {
            for (Map.Entry<Long, Optional<FollowUpTimer>> timer : timers.entrySet()) {
                if (timer.getValue().isEmpty()) {
                    delete.setLong(1, timer.getKey());
                    delete.addBatch();
                    continue;
                }
                FollowUpTimer t = timer.getValue().get();
                put.setLong(1, t.chatId());
                put.setString(2, t.due() instanceof Due.Reminder ? "REMINDER" : "ABANDON");
                put.setInt(3, t.due() instanceof Due.Reminder reminder ? reminder.attempt() : 0);
                put.setLong(4, t.due().at().toEpochMilli());
                put.setLong(5, t.silence().since().toEpochMilli());
                put.setInt(6, t.silence().reminded());
                if (t.silence().lastReminder().isPresent()) {
                    put.setLong(7, t.silence().lastReminder().get().toEpochMilli());
                } else {
                    put.setNull(7, Types.INTEGER);
                }
                put.addBatch();
            }
            put.executeBatch();
            delete.executeBatch();
        }
    }

    /** Part of a caller's transaction; returns how many went (0 or 1). */
    int delete(Connection connection, long chatId) throws SQLException {
        return Session.deleteChat(connection, "follow_ups", chatId);
    }

    private static List<FollowUpTimer> select(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT chat_id, kind, attempt, due_at, silent_since, reminded, last_reminder_at"
                + " FROM follow_ups WHERE due_at <= ? ORDER BY due_at, chat_id LIMIT ?")) {
            s.setLong(1, now.toEpochMilli());
            s.setInt(2, limit);
            List<FollowUpTimer> due = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant at = Instant.ofEpochMilli(r.getLong(4));
                    long last = r.getLong(7);
                    Optional<Instant> lastReminder = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
                    due.add(new FollowUpTimer(r.getLong(1), r.getString(2).equals("REMINDER") ? new Due.Reminder(r.getInt(3), at)
                            : new Due.Abandon(at), new Silence(Instant.ofEpochMilli(r.getLong(5)), r.getInt(6), lastReminder)));
                }
            }
            return due;
        }
    }

    private static Optional<Instant> next(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT min(due_at) FROM follow_ups"); ResultSet r = s.executeQuery()) {
            if (r.next()) {
                long at = r.getLong(1);
                return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
            return Optional.empty();
        }
    }
}
