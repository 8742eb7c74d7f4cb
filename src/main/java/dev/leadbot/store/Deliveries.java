package dev.leadbot.store;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The delivery table: which lead still has to reach which sink, when to try next, and what went wrong last. */
final class Deliveries {

    private final Connection connection;
    /** How a failed statement is reported (and, on PostgreSQL, a lost session replaced). */
    interface Failure {
        StoreException of(String what, SQLException e);
    }

    private final Failure failure;

    Deliveries(Connection connection, Failure failure) {
        this.connection = connection;
        this.failure = failure;
    }

    List<Lead> due(String sink, Instant now, int limit) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT l.lead FROM deliveries d JOIN leads l ON l.id = d.lead_id"
                + " WHERE d.sink = ? AND d.state = 'pending' AND d.due_at <= ? ORDER BY d.due_at, d.lead_id LIMIT ?")) {
            s.setString(1, sink);
            s.setString(2, now.toString());
            s.setInt(3, limit);
            List<Lead> due = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(LeadJson.fromJson(r.getString(1)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw failure("read the deliveries due for " + sink, e);
        }
    }

    Optional<Instant> nextDue(String sink) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT min(due_at) FROM deliveries WHERE sink = ? AND state = 'pending'")) {
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
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET state = ?,"
                + " due_at = coalesce(?, due_at), last_error = ?, reference = coalesce(?, reference) WHERE lead_id = ? AND sink = ?")) {
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
        try (PreparedStatement s = connection.prepareStatement("UPDATE deliveries SET state = 'pending', attempts = 0, due_at = ?"
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
