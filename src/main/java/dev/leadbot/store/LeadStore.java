package dev.leadbot.store;

import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The leads table: each completed conversation's lead, and what the team did with it. */
public final class LeadStore {

    private final Session session;

    /** The outcome of moving a lead on: whether this call moved it, and how it stands now (the winner's, for a loser). */
    public record Move(boolean moved, Handling handling) {
    }

    LeadStore(Session session) {
        this.session = session;
    }

    /** The leads completed at or after {@code since}, oldest first. */
    public List<Lead> completedSince(Instant since) throws StoreException {
        return session.call("read the leads", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads WHERE completed_at >= ? ORDER BY completed_at, id")) {
                s.setString(1, since.toString());
                return read(s);
            }
        });
    }

    /** The {@code limit} leads completed last, newest first. */
    public List<Lead> latest(int limit) throws StoreException {
        return session.call("read the latest leads", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads ORDER BY completed_at DESC, id DESC LIMIT ?")) {
                s.setInt(1, limit);
                return read(s);
            }
        });
    }

    /** The lead with exactly this id, unless it was deleted. */
    public Optional<Lead> lead(String id) throws StoreException {
        return session.call("read lead " + id, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads WHERE id = ?")) {
                s.setString(1, id);
                return read(s).stream().findFirst();
            }
        });
    }

    /** The leads whose id starts with {@code prefix} (an owner types the first characters of an id), at most {@code limit}. */
    public List<Lead> withIdStarting(String prefix, int limit) throws StoreException {
        return session.call("find lead " + prefix, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?")) {
                s.setInt(1, prefix.length());
                s.setString(2, prefix);
                s.setInt(3, limit);
                return read(s);
            }
        });
    }

    private static List<Lead> read(PreparedStatement s) throws SQLException {
        List<Lead> leads = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                leads.add(LeadJson.fromJson(r.getString(1)));
            }
        }
        return leads;
    }

    /** What the team did with each of these leads (a lead not found counts as new). */
    public Map<String, Handling> handling(List<String> leadIds) throws StoreException {
        return session.call("read the status of " + leadIds.size() + " leads", connection -> {
            Map<String, Handling> found = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT status, manager, status_at FROM leads WHERE id = ?")) {
                for (String id : leadIds) {
                    s.setString(1, id);
                    try (ResultSet r = s.executeQuery()) {
                        found.put(id, r.next() ? handling(r) : Handling.NEW);
                    }
                }
                return found;
            }
        });
    }

    /** A lead's status, manager and status time, read from the first three columns of {@code r}. */
    private static Handling handling(ResultSet r) throws SQLException {
        return new Handling(Handling.Status.valueOf(r.getString(1)), Optional.ofNullable(r.getString(2)),
                Optional.ofNullable(r.getString(3)).map(Instant::parse));
    }

    /**
     * Moves a lead on at once, outside any batch (the bot moves leads with the press's update: {@link Batch#move}). Empty
     * when the lead is gone (deleted at its prospect's request).
     */
    public Optional<Move> move(LeadMove move) throws StoreException {
        return session.call("change the status of lead " + move.leadId(), connection -> move(connection, move));
    }

    /** Also part of a batch's transaction. Throws only SQLException, so a batch's transaction is always rolled back on a failure. */
    Optional<Move> move(Connection connection, LeadMove move) throws SQLException {
        int moved;
        try (PreparedStatement update = connection.prepareStatement("UPDATE leads SET status = ?, manager = coalesce(?, manager),"
                + " status_at = ? WHERE id = ? AND status = ?")) {
            update.setString(1, move.next().status().name());
            update.setString(2, move.next().manager().orElse(null));
            update.setString(3, move.next().since().map(Instant::toString).orElse(null));
            update.setString(4, move.leadId());
            update.setString(5, move.expected().name());
            moved = update.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT status, manager, status_at FROM leads WHERE id = ?")) {
            s.setString(1, move.leadId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Move(moved == 1, handling(r))) : Optional.empty();
            }
        }
    }

    /** Part of a batch's transaction. A lead id is derived from the conversation, so a replayed update cannot store it twice. */
    void insert(Connection connection, List<Lead> leads) throws SQLException {
        try (PreparedStatement lead = connection.prepareStatement("INSERT INTO leads (id, chat_id, flow, completed_at, lead)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Lead completed : leads) {
                lead.setString(1, completed.id());
                lead.setLong(2, completed.prospect().chatId());
                lead.setString(3, completed.flow());
                lead.setString(4, completed.completedAt().toString());
                lead.setString(5, LeadJson.toLine(completed));
                lead.addBatch();
            }
            lead.executeBatch();
        }
    }

    /**
     * Part of a caller's transaction: the chat's leads go, and with them (ON DELETE CASCADE) their deliveries, owner
     * messages and conversations with managers. Returns how many leads.
     */
    int delete(Connection connection, long chatId) throws SQLException {
        return Session.deleteChat(connection, "leads", chatId);
    }
}
