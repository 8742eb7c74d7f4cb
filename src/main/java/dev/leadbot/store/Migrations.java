package dev.leadbot.store;

import java.util.List;

/**
 * The schema, version by version, for SQLite and PostgreSQL alike: entry {@code i} takes a database
 * from version {@code i} to {@code i + 1}. Entries are only ever appended, so an older database
 * upgrades in place. Statements are written once, in SQL both understand, keywords in capitals;
 * {@link Dialect#ddl} makes the few substitutions where the two differ (a column the database
 * numbers itself is written {@code {auto id}}).
 */
final class Migrations {

    /** "LEAD": marks a file as a leadbot database, so another program's SQLite file is never taken for one. */
    static final int APPLICATION_ID = 0x4C454144;

    static final List<List<String>> STEPS = List.of(
            // 0 → 1: conversations, the messages that show their questions, and the polling offset.
            List.of(
                    "CREATE TABLE conversations (chat_id INTEGER PRIMARY KEY, flow TEXT NOT NULL, state TEXT NOT NULL,"
                            + " updated_at TEXT NOT NULL)",
                    "CREATE TABLE question_messages (chat_id INTEGER NOT NULL, step INTEGER NOT NULL, message_id INTEGER NOT NULL,"
                            + " PRIMARY KEY (chat_id, step))",
                    "CREATE TABLE polling (id INTEGER PRIMARY KEY CHECK (id = 1), last_update_id INTEGER NOT NULL)"),
            // 1 → 2: finished leads, committed with the update that completed them.
            List.of(
                    "CREATE TABLE leads (id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, flow TEXT NOT NULL, completed_at TEXT NOT NULL,"
                            + " lead TEXT NOT NULL)",
                    "CREATE INDEX leads_by_chat ON leads (chat_id)",
                    "CREATE INDEX leads_by_time ON leads (completed_at)"),
            // 2 → 3: one delivery per lead and sink, retried until delivered or dead.
            List.of(
                    "CREATE TABLE deliveries (lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE, sink TEXT NOT NULL,"
                            + " state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')), attempts INTEGER NOT NULL DEFAULT 0,"
                            + " due_at TEXT NOT NULL, last_error TEXT, reference TEXT, PRIMARY KEY (lead_id, sink))",
                    "CREATE INDEX deliveries_due ON deliveries (sink, state, due_at)"),
            // 3 → 4: replies to prospects, committed with the update that caused them and deleted once sent.
            List.of(
                    "CREATE TABLE outgoing (id {auto id}, chat_id INTEGER NOT NULL, payload TEXT NOT NULL)",
                    "CREATE INDEX outgoing_by_chat ON outgoing (chat_id)"),
            // 4 → 5: the funnel: every step of every conversation, committed with the step; times in epoch milliseconds.
            List.of(
                    "CREATE TABLE funnel_events (id {auto id}, chat_id INTEGER NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL,"
                            + " flow TEXT NOT NULL, version TEXT NOT NULL, started_at INTEGER NOT NULL, step INTEGER NOT NULL,"
                            + " node TEXT NOT NULL, answer TEXT, path TEXT, source TEXT)",
                    "CREATE INDEX funnel_events_by_time ON funnel_events (at)",
                    "CREATE INDEX funnel_events_by_chat ON funnel_events (chat_id)"),
            // 5 → 6: what the owner's team did with each lead, and which owner-chat messages show which leads (to edit them all).
            List.of(
                    "ALTER TABLE leads ADD COLUMN status TEXT NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'TAKEN', 'WON', 'NOT_A_LEAD'))",
                    "ALTER TABLE leads ADD COLUMN manager TEXT",
                    "ALTER TABLE leads ADD COLUMN status_at TEXT",
                    "CREATE TABLE owner_messages (chat_id INTEGER NOT NULL, message_id INTEGER NOT NULL, position INTEGER NOT NULL,"
                            + " lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE, PRIMARY KEY (chat_id, message_id, position))",
                    "CREATE INDEX owner_messages_by_lead ON owner_messages (lead_id)"),
            // 6 → 7: managers talking to a prospect from the owner chats: the open conversations, which owner chat writes to
            // whom, and every message either way, kept with the lead (and deleted with it).
            List.of(
                    "CREATE TABLE dialogs (prospect_chat_id INTEGER PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
                            + " prospect TEXT NOT NULL, opened_by TEXT NOT NULL, opened_at TEXT NOT NULL)",
                    "CREATE TABLE dialog_writers (owner_chat_id INTEGER PRIMARY KEY, prospect_chat_id INTEGER NOT NULL"
                            + " REFERENCES dialogs (prospect_chat_id) ON DELETE CASCADE)",
                    "CREATE TABLE dialog_messages (id {auto id}, lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
                            + " at TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('OPENED', 'TO_PROSPECT', 'FROM_PROSPECT', 'CLOSED')),"
                            + " who TEXT NOT NULL, text TEXT NOT NULL)",
                    "CREATE INDEX dialog_messages_by_lead ON dialog_messages (lead_id)"),
            // 7 → 8: each open conversation's next follow-up (a reminder or its abandonment), written with the step that set
            // it; times in epoch milliseconds. Plain SQL types, so it ports to other databases as it is.
            List.of(
                    "CREATE TABLE follow_ups (chat_id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('REMINDER', 'ABANDON')),"
                            + " attempt INTEGER NOT NULL, due_at INTEGER NOT NULL, silent_since INTEGER NOT NULL, reminded INTEGER NOT NULL,"
                            + " last_reminder_at INTEGER)",
                    "CREATE INDEX follow_ups_due ON follow_ups (due_at)"),
            // 8 → 9: a delivery claimed by a worker until it settles it, so that workers on other connections (another
            // instance on the same PostgreSQL) pass over it; a claim nobody settles runs out at claimed_until.
            List.of(
                    "ALTER TABLE deliveries ADD COLUMN claimed_by TEXT",
                    "ALTER TABLE deliveries ADD COLUMN claimed_until TEXT"));

    /** The statements of one step, in the dialect of the database they upgrade. */
    static List<String> step(int step, Dialect dialect) {
        return STEPS.get(step).stream().map(dialect::ddl).toList();
    }

    static int latest() {
        return STEPS.size();
    }

    private Migrations() {
    }
}
