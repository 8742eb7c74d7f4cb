package dev.leadbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The owner_messages table: which leads' summaries each message in an owner chat shows, so a change can be shown in it. */
public final class OwnerMessageStore {

    private final Session session;

    /** A message in an owner chat that shows the summaries of {@code leadIds}, in this order. */
    public record OwnerMessage(long chatId, int messageId, List<String> leadIds) {
        public OwnerMessage {
            leadIds = List.copyOf(leadIds);
        }
    }

    OwnerMessageStore(Session session) {
        this.session = session;
    }

    /** An owner-chat message Telegram accepted that shows these leads' summaries, so a change of status can be shown in it. */
    public void record(OwnerMessage message) throws StoreException {
        session.call("record owner message " + message.messageId() + " in chat " + message.chatId(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO owner_messages (chat_id, message_id, position,"
                    + " lead_id) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?)"
                    + " ON CONFLICT (chat_id, message_id, position) DO UPDATE SET lead_id = excluded.lead_id")) {
                for (int i = 0; i < message.leadIds().size(); i++) {
                    insert.setLong(1, message.chatId());
                    insert.setInt(2, message.messageId());
                    insert.setInt(3, i);
                    insert.setString(4, message.leadIds().get(i));
                    insert.setString(5, message.leadIds().get(i));
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    /** The leads an owner-chat message shows (a manager replied to it), in order; empty for any other message. */
    public List<String> leadsShownIn(long chatId, int messageId) throws StoreException {
        return session.call("find the leads of owner message " + messageId + " in chat " + chatId, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT lead_id FROM owner_messages WHERE chat_id = ? AND message_id = ?"
                    + " ORDER BY position")) {
                s.setLong(1, chatId);
                s.setInt(2, messageId);
                List<String> leads = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        leads.add(r.getString(1));
                    }
                }
                return leads;
            }
        });
    }

    /** Every owner-chat message that shows the lead, with all the leads each one shows. */
    public List<OwnerMessage> showing(String leadId) throws StoreException {
        return session.call("find the owner messages of lead " + leadId, connection -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT m.chat_id, m.message_id, m.lead_id FROM owner_messages m"
                    + " JOIN owner_messages mine ON mine.chat_id = m.chat_id AND mine.message_id = m.message_id"
                    + " WHERE mine.lead_id = ? ORDER BY m.chat_id, m.message_id, m.position")) {
                s.setString(1, leadId);
                List<OwnerMessage> messages = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    long chat = 0;
                    int id = 0;
                    List<String> leads = new ArrayList<>();
                    while (r.next()) {
                        if (!leads.isEmpty() && (r.getLong(1) != chat || r.getInt(2) != id)) {
                            messages.add(new OwnerMessage(chat, id, leads));
                            leads = new ArrayList<>();
                        }
                        chat = r.getLong(1);
                        id = r.getInt(2);
                        leads.add(r.getString(3));
                    }
                    if (!leads.isEmpty()) {
                        messages.add(new OwnerMessage(chat, id, leads));
                    }
                }
                return messages;
            }
        });
    }
}
