package dev.leadbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialogs, dialog_writers and dialog_messages tables: the conversations managers hold open with prospects, the owner
 * chats writing to each, and every lead's conversation with the managers, line by line.
 */
public final class DialogStore {

    private final Session session;

    /** A manager's open conversation with a prospect, and the owner chats writing to it. */
    public record OpenDialog(long prospectChatId, String leadId, String prospect, String openedBy, List<Long> writers) {
        public OpenDialog {
            writers = List.copyOf(writers);
        }
    }

    /** A line of a lead's conversation with a manager. */
    public record DialogLine(Instant at, DialogChange.Kind kind, String who, String text) {
    }

    DialogStore(Session session) {
        this.session = session;
    }

    /** Every conversation managers hold open with prospects: what a restart picks up. */
    public List<OpenDialog> open() throws StoreException {
        return session.call("read the open conversations with prospects", connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT d.prospect_chat_id, d.lead_id, d.opened_by, w.owner_chat_id,"
                    + " d.prospect FROM dialogs d LEFT JOIN dialog_writers w ON w.prospect_chat_id = d.prospect_chat_id"
                    + " ORDER BY d.prospect_chat_id");
                    ResultSet r = s.executeQuery()) {
                Map<Long, OpenDialog> open = new LinkedHashMap<>();
                while (r.next()) {
                    long prospect = r.getLong(1);
                    long writer = r.getLong(4);
                    boolean writes = !r.wasNull();
                    OpenDialog known = open.get(prospect);
                    List<Long> writers = new ArrayList<>(known == null ? List.of() : known.writers());
                    if (writes) {
                        writers.add(writer);
                    }
                    open.put(prospect, new OpenDialog(prospect, r.getString(2), r.getString(5), r.getString(3), writers));
                }
                return List.copyOf(open.values());
            }
        });
    }

    /** The lead's conversation with the managers, in order. */
    public List<DialogLine> lines(String leadId) throws StoreException {
        return session.call("read the conversation of lead " + leadId, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT at, kind, who, text FROM dialog_messages WHERE lead_id = ? ORDER BY id")) {
                s.setString(1, leadId);
                List<DialogLine> lines = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(new DialogLine(Instant.parse(r.getString(1)), DialogChange.Kind.valueOf(r.getString(2)), r.getString(3),
                                r.getString(4)));
                    }
                }
                return lines;
            }
        });
    }

    /** Part of a batch's transaction: the changes, in order. */
    void apply(Connection connection, List<DialogChange> changes) throws SQLException {
        for (DialogChange change : changes) {
            if (change instanceof DialogChange.Opened opened) {
                // A lead deleted meanwhile (its prospect's "forget") opens nothing.
                try (PreparedStatement s = connection.prepareStatement("INSERT INTO dialogs (prospect_chat_id, lead_id, prospect, opened_by,"
                        + " opened_at) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?) ON CONFLICT (prospect_chat_id)"
                        + " DO UPDATE SET lead_id = excluded.lead_id, prospect = excluded.prospect")) {
                    s.setLong(1, opened.prospectChatId());
                    s.setString(2, opened.leadId());
                    s.setString(3, opened.prospect());
                    s.setString(4, opened.manager());
                    s.setString(5, session.clock().instant().toString());
                    s.setString(6, opened.leadId());
                    s.executeUpdate();
                }
            } else if (change instanceof DialogChange.Writing writing) {
                try (PreparedStatement s = connection.prepareStatement("INSERT INTO dialog_writers (owner_chat_id, prospect_chat_id)"
                        + " SELECT ?, ? WHERE EXISTS (SELECT 1 FROM dialogs WHERE prospect_chat_id = ?)"
                        + " ON CONFLICT (owner_chat_id) DO UPDATE SET prospect_chat_id = excluded.prospect_chat_id")) {
                    s.setLong(1, writing.ownerChatId());
                    s.setLong(2, writing.prospectChatId());
                    s.setLong(3, writing.prospectChatId());
                    s.executeUpdate();
                }
            } else if (change instanceof DialogChange.Closed closed) {
                close(connection, closed.prospectChatId());
            } else if (change instanceof DialogChange.Said said) {
                try (PreparedStatement s = connection.prepareStatement("INSERT INTO dialog_messages (lead_id, at, kind, who, text)"
                        + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?)")) {
                    s.setString(1, said.leadId());
                    s.setString(2, session.clock().instant().toString());
                    s.setString(3, said.kind().name());
                    s.setString(4, said.who());
                    s.setString(5, said.text());
                    s.setString(6, said.leadId());
                    s.executeUpdate();
                }
            }
        }
    }

    /** Part of a caller's transaction: the prospect's open conversation ends; its writers go with it (ON DELETE CASCADE). */
    void close(Connection connection, long prospectChatId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM dialogs WHERE prospect_chat_id = ?")) {
            s.setLong(1, prospectChatId);
            s.executeUpdate();
        }
    }
}
