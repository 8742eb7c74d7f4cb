package dev.leadbot.store;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries table: which lead still has to reach which sink, when to try next, and what went wrong last; a claim
 * keeps a delivery to one worker while it is handed over.
 */
public final class Deliveries {

    /**
     * How long a claim keeps other workers off its deliveries when nobody settles them: longer than any run holds them (at
     * most 20 leads, each handed over within the sinks' 15-second HTTP timeout, or one owner digest within its patience),
     * short enough that deliveries a worker left claimed (its run failed on the database) go out again the same hour.
     */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final Session session;
    /** Who this store's claims are by, so it can give back its own: a new random name each time the store opens. */
    private final String claimant = UUID.randomUUID().toString();

    /** A delivery given up on, for {@code leads --failed}. */
    public record Dead(String leadId, String sink, int attempts, String lastError) {
    }

    Deliveries(Session session) {
        this.session = session;
    }

    /**
     * Claims up to {@code limit} pending deliveries to {@code sink} due by {@code now} and not claimed by anyone (or claimed
     * longer than {@link #CLAIM} ago), the oldest first; returns their leads. Each claim lasts until the delivery is settled
     * ({@link #delivered}, {@link #retryAt}, {@link #dead}) or given back ({@link #releaseClaims}); a claim left by a bot that
     * stopped is given back when its store opens again. One statement, so one transaction: on PostgreSQL its rows are locked
     * {@code FOR UPDATE SKIP LOCKED}, so a worker on another connection (another instance) claiming at the same moment
     * passes over them instead of waiting, and its own claim, made once these commit, skips them as claimed: two workers get
     * disjoint leads. SQLite has one writer at a time; the statement's write lock serialises the claims.
     *
     * <p>A claim is its own column rather than {@code due_at} pushed forward, so a claim is never mistaken for a retry the
     * sink asked for, and claims known to be stale can be given back at once: {@link #releaseAll}.
     */
    public List<Lead> claimDue(String sink, Instant now, int limit) throws StoreException {
        // The rows are chosen once, in a materialized WITH: a subquery in the WHERE may be run again for each row updated.
        return session.call("claim the deliveries due for " + sink, connection -> {
            try (PreparedStatement s = connection.prepareStatement("WITH chosen AS MATERIALIZED (SELECT lead_id FROM deliveries"
                    + " WHERE sink = ? AND state = 'pending' AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                    + " ORDER BY due_at, lead_id LIMIT ?" + session.dialect().skipLocked() + ")"
                    + " UPDATE deliveries SET claimed_by = ?, claimed_until = ? WHERE sink = ? AND lead_id IN (SELECT lead_id FROM chosen)"
                    + " RETURNING due_at, lead_id, (SELECT lead FROM leads WHERE id = lead_id)")) {
                s.setString(1, sink);
                s.setString(2, now.toString());
                s.setString(3, now.toString());
                s.setInt(4, limit);
                s.setString(5, claimant);
                s.setString(6, now.plus(CLAIM).toString());
                s.setString(7, sink);
                record Claimed(Instant due, String id, Lead lead) {
                }
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        claimed.add(new Claimed(Instant.parse(r.getString(1)), r.getString(2), LeadJson.fromJson(r.getString(3))));
                    }
                }
                // RETURNING keeps no order: the oldest first, as they were chosen.
                return claimed.stream().sorted(Comparator.comparing(Claimed::due).thenComparing(Claimed::id)).map(Claimed::lead).toList();
            }
        });
    }

    /**
     * Gives back the deliveries to {@code sink} this store claimed and did not settle: for a worker whose run failed
     * part-way, so the leads it held go out at its next run rather than when their claims run out. Returns how many.
     */
    public int releaseClaims(String sink) throws StoreException {
        return session.call("give back the claimed deliveries to " + sink, connection -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL"
                    + " WHERE sink = ? AND claimed_by = ?")) {
                s.setString(1, sink);
                s.setString(2, claimant);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Gives back every claim: called when the bot's store opens holding the database's instance lock (SQLite's file lock,
     * PostgreSQL's advisory lock), which no other running bot holds, so every claim found is left by one that stopped.
     */
    void releaseAll(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE claimed_until IS NOT NULL")) {
            s.executeUpdate();
        }
    }

    /** When the next pending delivery to {@code sink} can be claimed (when it is due, or when its claim runs out), if any. */
    public Optional<Instant> nextDue(String sink) throws StoreException {
        return session.call("read the next delivery for " + sink, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT min(CASE WHEN claimed_until > due_at"
                    + " THEN claimed_until ELSE due_at END) FROM deliveries WHERE sink = ? AND state = 'pending'")) {
                s.setString(1, sink);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getString(1) != null ? Optional.of(Instant.parse(r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Counts an attempt to deliver a lead to a sink before it is made, so one cut short by a crash still counts; returns its number, from 1. */
    public int attempting(String leadId, String sink) throws StoreException {
        return session.call("count an attempt to deliver lead " + leadId + " to " + sink, connection -> begin(connection, leadId, sink));
    }

    /**
     * Counts an attempt for each of several leads handed to a sink together (an owner's digest), in
     * one transaction; returns their numbers in the same order.
     */
    public List<Integer> attempting(List<String> leadIds, String sink) throws StoreException {
        return session.inTransaction("count attempts to deliver " + leadIds.size() + " leads to " + sink, connection -> {
            List<Integer> numbers = new ArrayList<>(leadIds.size());
            for (String id : leadIds) {
                numbers.add(begin(connection, id, sink));
            }
            return numbers;
        });
    }

    private static int begin(Connection connection, String leadId, String sink) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET attempts = attempts + 1 WHERE lead_id = ? AND sink = ?"
                + " RETURNING attempts")) {
            s.setString(1, leadId);
            s.setString(2, sink);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 1;
            }
        }
    }

    public void delivered(String leadId, String sink, Optional<String> reference) throws StoreException {
        settle(leadId, sink, "delivered", Optional.empty(), Optional.empty(), reference);
    }

    /**
     * Marks several leads delivered to a sink at once, all or none: the leads of one digest message
     * Telegram accepted. {@code references} maps each lead id to the destination's own reference.
     */
    public void delivered(Map<String, Optional<String>> references, String sink) throws StoreException {
        session.inTransaction("record the delivery of " + references.size() + " leads to " + sink, connection -> {
            for (Map.Entry<String, Optional<String>> lead : references.entrySet()) {
                settle(connection, lead.getKey(), sink, "delivered", Optional.empty(), Optional.empty(), lead.getValue());
            }
            return null;
        });
    }

    public void retryAt(String leadId, String sink, Instant due, String error) throws StoreException {
        settle(leadId, sink, "pending", Optional.of(due), Optional.of(error), Optional.empty());
    }

    public void dead(String leadId, String sink, String error) throws StoreException {
        settle(leadId, sink, "dead", Optional.empty(), Optional.of(error), Optional.empty());
    }

    private void settle(String leadId, String sink, String state, Optional<Instant> dueAt, Optional<String> error,
            Optional<String> reference) throws StoreException {
        session.call("record the delivery of lead " + leadId + " to " + sink,
                connection -> settle(connection, leadId, sink, state, dueAt, error, reference));
    }

    private static int settle(Connection connection, String leadId, String sink, String state, Optional<Instant> dueAt,
            Optional<String> error, Optional<String> reference) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET state = ?, claimed_by = NULL,"
                + " claimed_until = NULL, due_at = coalesce(?, due_at), last_error = ?, reference = coalesce(?, reference)"
                + " WHERE lead_id = ? AND sink = ?")) {
            s.setString(1, state);
            s.setString(2, dueAt.map(Instant::toString).orElse(null));
            s.setString(3, error.orElse(null));
            s.setString(4, reference.orElse(null));
            s.setString(5, leadId);
            s.setString(6, sink);
            return s.executeUpdate();
        }
    }

    public List<Dead> deadDeliveries() throws StoreException {
        return session.call("read the failed deliveries", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT lead_id, sink, attempts, last_error FROM deliveries"
                    + " WHERE state = 'dead' ORDER BY lead_id, sink"); ResultSet r = s.executeQuery()) {
                List<Dead> dead = new ArrayList<>();
                while (r.next()) {
                    dead.add(new Dead(r.getString(1), r.getString(2), r.getInt(3), Optional.ofNullable(r.getString(4)).orElse("")));
                }
                return dead;
            }
        });
    }

    /** Puts dead deliveries (of one lead, or all) back in the queue, due now; returns how many. */
    public int requeue(Optional<String> leadId) throws StoreException {
        return session.call("requeue failed deliveries", connection -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET state = 'pending', attempts = 0, due_at = ?,"
                    + " claimed_by = NULL, claimed_until = NULL"
                    + " WHERE state = 'dead' AND (? IS NULL OR lead_id = ?)")) {
                s.setString(1, session.clock().instant().toString());
                s.setString(2, leadId.orElse(null));
                s.setString(3, leadId.orElse(null));
                return s.executeUpdate();
            }
        });
    }

    /** Part of a batch's transaction: each new lead is due now at each sink (a lead stored before keeps its deliveries). */
    void pending(Connection connection, List<Lead> leads, List<String> sinks) throws SQLException {
        try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (lead_id, sink, state, due_at)"
                + " VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING")) {
            for (Lead completed : leads) {
                for (String sink : sinks) {
                    delivery.setString(1, completed.id());
                    delivery.setString(2, sink);
                    delivery.setString(3, session.clock().instant().toString());
                    delivery.addBatch();
                }
            }
            delivery.executeBatch();
        }
    }

    /** Part of a caller's transaction: how many deliveries the chat's leads have (they go with the leads). */
    int ofChat(Connection connection, long chatId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM deliveries WHERE lead_id IN"
                + " (SELECT id FROM leads WHERE chat_id = ?)")) {
            s.setLong(1, chatId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }
}
