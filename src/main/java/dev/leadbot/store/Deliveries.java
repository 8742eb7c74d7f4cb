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
import java.util.Optional;

/** The delivery table: which lead still has to reach which sink, when to try next, and what went wrong last. */
final class Deliveries {

    /**
     * How long a claim keeps other workers off its deliveries when nobody settles them: longer than any run holds them (at
     * most 20 leads, each handed over within the sinks' 15-second HTTP timeout, or one owner digest within its patience),
     * short enough that deliveries a worker left claimed (its run failed on the database) go out again the same hour.
     */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final Connection connection;
    private final Dialect dialect;
    /** Who this store's claims are by, so it can give back its own: a new random name each time the store opens. */
    private final String claimant;

    /** How a failed statement is reported (and, on PostgreSQL, a lost session replaced). */
    interface Failure {
        StoreException of(String what, SQLException e);
    }

    private final Failure failure;

    Deliveries(Connection connection, Dialect dialect, String claimant, Failure failure) {
        this.connection = connection;
        this.dialect = dialect;
        this.claimant = claimant;
        this.failure = failure;
    }

    /**
     * Claims up to {@code limit} pending deliveries to {@code sink} due by {@code now} and not claimed by anyone (or claimed
     * longer than {@link #CLAIM} ago), the oldest first; returns their leads. One statement, so one transaction: on
     * PostgreSQL its rows are locked {@code FOR UPDATE SKIP LOCKED}, so a worker on another connection claiming at the same
     * moment passes over them instead of waiting, and its own claim, made once these commit, skips them as claimed: two
     * workers get disjoint leads. SQLite has one writer at a time; the statement's write lock serialises the claims.
     *
     * <p>A claim is its own column rather than {@code due_at} pushed forward, so a claim is never mistaken for a retry the
     * sink asked for, and claims known to be stale can be given back at once: {@link #releaseAll}.
     */
    List<Lead> claim(String sink, Instant now, int limit) throws StoreException {
        // The rows are chosen once, in a materialized WITH: a subquery in the WHERE may be run again for each row updated.
        try (PreparedStatement s = connection.prepareStatement("WITH chosen AS MATERIALIZED (SELECT lead_id FROM deliveries"
                + " WHERE sink = ? AND state = 'pending' AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                + " ORDER BY due_at, lead_id LIMIT ?" + dialect.skipLocked() + ")"
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
        } catch (SQLException e) {
            throw failure("claim the deliveries due for " + sink, e);
        }
    }

    /** Gives back this store's claims on deliveries to {@code sink}: its worker holds none between runs. Returns how many. */
    int release(String sink) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE sink = ? AND claimed_by = ?")) {
            s.setString(1, sink);
            s.setString(2, claimant);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("give back the claimed deliveries to " + sink, e);
        }
    }

    /**
     * Gives back every claim: called when the bot's store opens holding the database's instance lock (SQLite's file lock,
     * PostgreSQL's advisory lock), which no other running bot holds, so every claim found is left by one that stopped.
     */
    void releaseAll() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE claimed_until IS NOT NULL")) {
            s.executeUpdate();
        }
    }

    /** When the next pending delivery to {@code sink} can be claimed: when it is due, or when its claim runs out. */
    Optional<Instant> nextDue(String sink) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT min(CASE WHEN claimed_until > due_at"
                + " THEN claimed_until ELSE due_at END) FROM deliveries WHERE sink = ? AND state = 'pending'")) {
            s.setString(1, sink);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null ? Optional.of(Instant.parse(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the next delivery for " + sink, e);
        }
    }

    /** Counts an attempt before it is made, so one cut short by a crash still counts; returns its number. */
    int begin(String leadId, String sink) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET attempts = attempts + 1 WHERE lead_id = ? AND sink = ?"
                + " RETURNING attempts")) {
            s.setString(1, leadId);
            s.setString(2, sink);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 1;
            }
        } catch (SQLException e) {
            throw failure("count an attempt to deliver lead " + leadId + " to " + sink, e);
        }
    }

    void settle(String leadId, String sink, String state, Optional<Instant> dueAt, Optional<String> error, Optional<String> reference)
            throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET state = ?, claimed_by = NULL,"
                + " claimed_until = NULL, due_at = coalesce(?, due_at), last_error = ?, reference = coalesce(?, reference)"
                + " WHERE lead_id = ? AND sink = ?")) {
            s.setString(1, state);
            s.setString(2, dueAt.map(Instant::toString).orElse(null));
            s.setString(3, error.orElse(null));
            s.setString(4, reference.orElse(null));
            s.setString(5, leadId);
            s.setString(6, sink);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record the delivery of lead " + leadId + " to " + sink, e);
        }
    }

    List<Store.Dead> dead() throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT lead_id, sink, attempts, last_error FROM deliveries"
                + " WHERE state = 'dead' ORDER BY lead_id, sink"); ResultSet r = s.executeQuery()) {
            List<Store.Dead> dead = new ArrayList<>();
            while (r.next()) {
                dead.add(new Store.Dead(r.getString(1), r.getString(2), r.getInt(3), Optional.ofNullable(r.getString(4)).orElse("")));
            }
            return dead;
        } catch (SQLException e) {
            throw failure("read the failed deliveries", e);
        }
    }

    int requeue(Optional<String> leadId, Instant now) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET state = 'pending', attempts = 0, due_at = ?,"
                + " claimed_by = NULL, claimed_until = NULL"
                + " WHERE state = 'dead' AND (? IS NULL OR lead_id = ?)")) {
            s.setString(1, now.toString());
            s.setString(2, leadId.orElse(null));
            s.setString(3, leadId.orElse(null));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("requeue failed deliveries", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return failure.of(what, e);
    }
}
