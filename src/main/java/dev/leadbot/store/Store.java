package dev.leadbot.store;

import dev.leadbot.engine.Conversation;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadJson;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One bot's durable state: conversations, the messages that show their questions, the polling offset,
 * the leads and their deliveries, the funnel. In an SQLite file (the embedded default) or a schema of a
 * PostgreSQL database, with the same transactions on both. The only class that speaks SQL; safe to share
 * between threads.
 */
public final class Store implements BatchLog, AutoCloseable {

    private final Database database;
    private final Dialect dialect;
    private final Optional<FileLock> lock;
    /** Whether this store was opened for an owner's tool: no instance lock, no upgrade. */
    private final boolean forTools;
    /** Replaced when PostgreSQL ended the session (a restart, a cut network): see {@link #reconnect}. */
    private Connection connection;
    /** Whether {@link #connection} is this store's to give back (false after a reconnect that failed). */
    private boolean connected = true;
    private final Clock clock;
    /** Names this store's delivery claims: {@link Deliveries#claim}. */
    private final String claimant = java.util.UUID.randomUUID().toString();
    private Deliveries deliveries;
    private FunnelLog funnel;
    private FollowUpLog followUps;
    /**
     * What {@link #changedElsewhere()} last read: SQLite's data_version, which moves only when another connection
     * commits; on PostgreSQL the count of writes by other sessions than the running bot's.
     */
    private OptionalLong seenVersion = OptionalLong.empty();
    /**
     * No follow-up timer is due before this, as far as this store knows: the earliest timer stored when it last looked,
     * lowered by every timer it commits since (other programs only delete timers: {@code leadbot forget}). Empty when it
     * does not know (at the start, after a look found timers due, after another program or a new session wrote). It spares
     * a bot's looks for due timers, four a second, the database: on PostgreSQL two round trips each, for each bot.
     */
    private volatile Optional<Instant> noFollowUpBefore = Optional.empty();
    /**
     * Each chat's question message this store recorded or read last, so that an edit finds its message without a round trip,
     * within one bound for the whole process (see {@link RecentQuestionMessages}). Only what the database holds: a chat's
     * goes when it is forgotten, all of them when another program wrote (it may have forgotten one), a new session began
     * or the store closed.
     */
    private final RecentQuestionMessages.Shelf questionMessages = RecentQuestionMessages.PROCESS.shelf();
    /** Run each time a reconnect finds another instance holding the schema: see {@link #whenTakenOver}. */
    private volatile Runnable takenOver = () -> { };

    /** The message that shows a chat's question {@code step}. */
    public record QuestionMessage(int step, int messageId) {
    }

    /** A message in an owner chat that shows the summaries of {@code leadIds}, in this order. */
    public record OwnerMessage(long chatId, int messageId, List<String> leadIds) {
        public OwnerMessage {
            leadIds = List.copyOf(leadIds);
        }
    }

    /** The outcome of moving a lead on: whether this call moved it, and how it stands now (the winner's, for a loser). */
    public record Move(boolean moved, Handling handling) {
    }

    /** A delivery given up on, for {@code leads --failed}. */
    public record Dead(String leadId, String sink, int attempts, String lastError) {
    }

    private Store(Database database, Optional<FileLock> lock, boolean forTools, Connection connection, Clock clock) {
        this.database = database;
        this.dialect = database instanceof Database.Postgres ? Dialect.POSTGRESQL : Dialect.SQLITE;
        this.lock = lock;
        this.forTools = forTools;
        this.connection = connection;
        this.clock = clock;
        this.deliveries = new Deliveries(connection, dialect, claimant, this::failure);
        this.funnel = new FunnelLog(connection);
        this.followUps = new FollowUpLog(connection);
    }

    /** The store's own connection, for {@link StoreTransfer}, which holds both stores whole while it copies. */
    Connection connection() {
        return connection;
    }

    /**
     * Runs {@code action} when this store finds, reconnecting after PostgreSQL ended its session, that another instance took
     * its schema meanwhile: from then on it can no longer write, so the bot must stop. Runs on the thread of the call that
     * found it, once per such call; the action should hand the stopping to another thread.
     */
    public void whenTakenOver(Runnable action) {
        takenOver = action;
    }

    /** Where the state is: its text names it in messages, a password masked. */
    public Database database() {
        return database;
    }

    /**
     * Claims up to {@code limit} pending deliveries to {@code sink} due by {@code now}, oldest first, and returns their leads.
     * A worker on another connection (another instance) claiming at the same moment gets other leads; each claim lasts until
     * the delivery is settled ({@link #delivered}, {@link #retryAt}, {@link #dead}) or given back ({@link #releaseClaims}),
     * or for ten minutes when neither happens; a claim left by a bot that stopped is given back when its store opens again.
     */
    public synchronized List<Lead> claimDue(String sink, Instant now, int limit) throws StoreException {
        return deliveries.claim(sink, now, limit);
    }

    /**
     * Gives back the deliveries to {@code sink} this store claimed and did not settle: for a worker whose run failed
     * part-way, so the leads it held go out at its next run rather than when their claims run out.
     */
    public synchronized int releaseClaims(String sink) throws StoreException {
        return deliveries.release(sink);
    }

    /** When the next pending delivery to {@code sink} can be claimed (when it is due, or when its claim runs out), if any. */
    public synchronized Optional<Instant> nextDue(String sink) throws StoreException {
        return deliveries.nextDue(sink);
    }

    /** Counts an attempt to deliver a lead to a sink before it is made; returns its number, from 1. */
    public synchronized int attempting(String leadId, String sink) throws StoreException {
        return deliveries.begin(leadId, sink);
    }

    public synchronized void delivered(String leadId, String sink, Optional<String> reference) throws StoreException {
        deliveries.settle(leadId, sink, "delivered", Optional.empty(), Optional.empty(), reference);
    }

    /**
     * Counts an attempt for each of several leads handed to a sink together (an owner's digest), in
     * one transaction; returns their numbers in the same order.
     */
    public synchronized List<Integer> attempting(List<String> leadIds, String sink) throws StoreException {
        return inTransaction("count attempts to deliver " + leadIds.size() + " leads to " + sink, () -> {
            List<Integer> numbers = new ArrayList<>(leadIds.size());
            for (String id : leadIds) {
                numbers.add(deliveries.begin(id, sink));
            }
            return numbers;
        });
    }

    /**
     * Marks several leads delivered to a sink at once, all or none: the leads of one digest message
     * Telegram accepted. {@code references} maps each lead id to the destination's own reference.
     */
    public synchronized void delivered(Map<String, Optional<String>> references, String sink) throws StoreException {
        inTransaction("record the delivery of " + references.size() + " leads to " + sink, () -> {
            for (Map.Entry<String, Optional<String>> lead : references.entrySet()) {
                deliveries.settle(lead.getKey(), sink, "delivered", Optional.empty(), Optional.empty(), lead.getValue());
            }
            return null;
        });
    }

    /** Work on the connection that must commit whole; whatever it throws rolls it back. */
    private interface InTransaction<T> {
        T run() throws StoreException, SQLException;
    }

    /**
     * Runs {@code work} in one transaction. Anything thrown from inside (a failed statement, a {@link StoreException}, a
     * RuntimeException of Jackson's, an OutOfMemoryError) rolls it back before autocommit is restored: JDBC commits what a
     * transaction holds when autocommit is switched back on, so a failure must never reach the reset with work pending.
     */
    private <T> T inTransaction(String what, InTransaction<T> work) throws StoreException {
        try {
            connection.setAutoCommit(false);
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw failure(what, e);
        } catch (Throwable e) {
            rollback();
            throw e;
        } finally {
            autoCommit();
        }
    }

    public synchronized void retryAt(String leadId, String sink, Instant due, String error) throws StoreException {
        deliveries.settle(leadId, sink, "pending", Optional.of(due), Optional.of(error), Optional.empty());
    }

    public synchronized void dead(String leadId, String sink, String error) throws StoreException {
        deliveries.settle(leadId, sink, "dead", Optional.empty(), Optional.of(error), Optional.empty());
    }

    public synchronized List<Dead> deadDeliveries() throws StoreException {
        return deliveries.dead();
    }

    /** Puts dead deliveries (of one lead, or all) back in the queue, due now; returns how many. */
    public synchronized int requeue(Optional<String> leadId) throws StoreException {
        return deliveries.requeue(leadId, clock.instant());
    }

    /**
     * Opens (or creates) the database: locked against a second instance, upgraded if older.
     *
     * @throws StoreException naming the file or schema and what to do when it is locked, foreign, damaged or newer
     */
    public static Store open(Database database, Clock clock) throws StoreException {
        return open(database, clock, false);
    }

    /**
     * {@link #open(Database, Clock)}; with {@code evenIfMoved} also a file 'leadbot migrate' moved into PostgreSQL (to move it
     * again), which a bot is refused.
     */
    static Store open(Database database, Clock clock, boolean evenIfMoved) throws StoreException {
        if (database instanceof Database.Postgres postgres) {
            return holding(new Store(postgres, Optional.empty(), false, PostgresSchema.open(postgres), clock));
        }
        Path file = ((Database.SqliteFile) database).file();
        FileLock lock = StoreFile.lock(file);
        Store store;
        try {
            if (!evenIfMoved) {
                StoreFile.refuseMoved(file);
            }
            store = new Store(database, Optional.of(lock), false, StoreFile.connect(file), clock);
        } catch (StoreException | RuntimeException e) {
            release(lock);
            throw e;
        }
        return holding(store);
    }

    /**
     * The bot's store, just opened with the database's instance lock: no other bot holds the database, so every delivery
     * claim in it was left by one that stopped (kill -9 included) or lost its session, and is given back now, not when it
     * runs out. The one hand-over such a bot may still have under way (its session cut mid-call) can go twice; its next
     * store call fails, so nothing more does. Not after a reconnect: this store's own workers may hold claims then.
     */
    private static Store holding(Store store) throws StoreException {
        try {
            store.deliveries.releaseAll();
            return store;
        } catch (SQLException e) {
            StoreException failure = store.failure("give back the delivery claims of a stopped instance", e);
            store.close();
            throw failure;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The SQLite file's store: {@link #open(Database, Clock)}. */
    public static Store open(Path file, Clock clock) throws StoreException {
        return open(new Database.SqliteFile(file), clock);
    }

    /**
     * Opens the database for the owner's tools ({@code leads}, {@code forget}) beside a running bot:
     * no instance lock, no upgrade; the file or schema must exist and have this version's schema.
     */
    public static Store openForTools(Database database, Clock clock) throws StoreException {
        if (database instanceof Database.Postgres postgres) {
            return new Store(postgres, Optional.empty(), true, PostgresSchema.openExisting(postgres), clock);
        }
        Path file = ((Database.SqliteFile) database).file();
        return new Store(database, Optional.empty(), true, StoreFile.connectExisting(file), clock);
    }

    /** The SQLite file's store for tools: {@link #openForTools(Database, Clock)}. */
    public static Store openForTools(Path file, Clock clock) throws StoreException {
        return openForTools(new Database.SqliteFile(file), clock);
    }

    public synchronized Optional<Conversation> conversation(long chatId) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT state FROM conversations WHERE chat_id = ?")) {
            s.setLong(1, chatId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(ConversationJson.read(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the conversation of chat " + chatId, e);
        }
    }

    /** Every conversation not finished yet: what a new version of the flow has to take over. */
    public synchronized List<Conversation> openConversations() throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT state FROM conversations"); ResultSet r = s.executeQuery()) {
            List<Conversation> open = new ArrayList<>();
            while (r.next()) {
                Conversation conversation = ConversationJson.read(r.getString(1));
                if (conversation.status() != Conversation.Status.COMPLETED) {
                    open.add(conversation);
                }
            }
            return open;
        } catch (SQLException e) {
            throw failure("read the open conversations", e);
        }
    }

    /** When a prospect's conversation last changed, if one ever has: the bot's last update from a prospect, for {@code leadbot bots}. */
    public synchronized Optional<Instant> lastConversationChange() throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT MAX(updated_at) FROM conversations");
                ResultSet r = s.executeQuery()) {
            return r.next() && r.getString(1) != null ? Optional.of(Instant.parse(r.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw failure("read when a conversation last changed", e);
        }
    }

    /** The last update id committed, so a redelivered update is recognised and polling resumes after it. */
    @Override
    public synchronized OptionalLong lastUpdateId() throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT last_update_id FROM polling WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            throw failure("read the polling offset", e);
        }
    }

    /**
     * Whether another program (an owner's {@code leadbot forget} or {@code leads --retry}) committed to the database since
     * the last call: what this process holds in memory of it may be stale. This process's own commits do not count (on
     * PostgreSQL: those of the store opened with {@link #open}, the running bot's).
     */
    public synchronized boolean changedElsewhere() throws StoreException {
        try {
            long now = dataVersion();
            boolean changed = seenVersion.isPresent() && seenVersion.getAsLong() != now;
            seenVersion = OptionalLong.of(now);
            if (changed) {
                noFollowUpBefore = Optional.empty();
                questionMessages.clear();
            }
            return changed;
        } catch (SQLException e) {
            throw failure("read the data version", e);
        }
    }

    private long dataVersion() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresSchema.changes(connection, false);
        }
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The data version inside a write transaction, with no other program able to commit until it ends: SQLite takes its
     * write lock at the first write; PostgreSQL holds off the other sessions' writes, which all update the row read here.
     */
    private long dataVersionLocked() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresSchema.changes(connection, true);
        }
        try (Statement lock = connection.createStatement()) {
            lock.executeUpdate("UPDATE polling SET last_update_id = last_update_id WHERE id = 0");
        }
        return dataVersion();
    }

    /**
     * Commits a batch in one transaction: all of it is on disk afterwards, or none of it. Once {@link #changedElsewhere()}
     * was asked, a batch is refused (nothing committed, {@link StoreException#changedElsewhere()}) when another program
     * committed since: the batch was worked out from what memory held, which may bring back what an owner's
     * {@code leadbot forget} deleted.
     */
    @Override
    public synchronized List<Outgoing> commit(String flow, Batch batch) throws StoreException {
        Map<LeadMove, Optional<Move>> moved = new java.util.IdentityHashMap<>();
        List<Outgoing> committed = inTransaction("commit " + batch.conversations().size() + " conversations", () -> {
            if (seenVersion.isPresent()) {
                // From here to the commit no other program can commit, so the check cannot be overtaken.
                if (dataVersionLocked() != seenVersion.getAsLong()) {
                    throw StoreException.changedElsewhere("another program changed " + database + " while " + batch.chats().size()
                            + " chats were handled; nothing committed, the updates are handled again");
                }
            }
            try (PreparedStatement put = connection.prepareStatement("INSERT INTO conversations (chat_id, flow, state, updated_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET flow = excluded.flow, state = excluded.state,"
                    + " updated_at = excluded.updated_at");
                    PreparedStatement remove = connection.prepareStatement("DELETE FROM conversations WHERE chat_id = ?");
                    PreparedStatement offset = connection.prepareStatement("INSERT INTO polling (id, last_update_id) VALUES (1, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET last_update_id = CASE WHEN excluded.last_update_id > polling.last_update_id"
                            + " THEN excluded.last_update_id ELSE polling.last_update_id END")) {
                // A forgotten chat's data goes first, so what the batch stores for it after the /forget stays.
                for (long chat : batch.forgotten()) {
                    deleteChat(chat);
                }
                for (Map.Entry<Long, Optional<Conversation>> change : batch.conversations().entrySet()) {
                    if (change.getValue().isPresent()) {
                        put.setLong(1, change.getKey());
                        put.setString(2, flow);
                        put.setString(3, ConversationJson.write(change.getValue().get()));
                        put.setString(4, clock.instant().toString());
                        put.addBatch();
                    } else {
                        remove.setLong(1, change.getKey());
                        remove.executeUpdate();
                        // Nothing is kept of a removed conversation: its funnel steps go in the same transaction.
                        funnel.forget(change.getKey());
                    }
                }
                // Batches: PostgreSQL gets each in one round trip.
                put.executeBatch();
                try (PreparedStatement lead = connection.prepareStatement("INSERT INTO leads (id, chat_id, flow, completed_at, lead)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    // A lead id is derived from the conversation, so a replayed update cannot store it twice.
                    for (Lead completed : batch.leads()) {
                        lead.setString(1, completed.id());
                        lead.setLong(2, completed.prospect().chatId());
                        lead.setString(3, completed.flow());
                        lead.setString(4, completed.completedAt().toString());
                        lead.setString(5, LeadJson.toLine(completed));
                        lead.addBatch();
                    }
                    lead.executeBatch();
                }
                try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (lead_id, sink, state, due_at)"
                        + " VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING")) {
                    for (Lead completed : batch.leads()) {
                        for (String sink : batch.sinks()) {
                            delivery.setString(1, completed.id());
                            delivery.setString(2, sink);
                            delivery.setString(3, clock.instant().toString());
                            delivery.addBatch();
                        }
                    }
                    delivery.executeBatch();
                }
                // The batch dropped the steps a chat took before its removal or /forget.
                funnel.insert(batch.events());
                followUps.apply(batch.followUps());
                noFollowUpBefore = noFollowUpBefore.map(known -> batch.followUps().values().stream().flatMap(Optional::stream)
                        .map(timer -> timer.due().at()).reduce(known, (a, b) -> a.isBefore(b) ? a : b));
                List<Outgoing> replies = insertReplies(batch.replies());
                applyDialogs(batch.dialogs());
                // A press is applied with its update's offset: a crash keeps both or neither, so no press is lost.
                for (LeadMove move : batch.moves()) {
                    moved.put(move, move(move));
                }
                if (batch.lastUpdateId().isPresent()) {
                    offset.setLong(1, batch.lastUpdateId().getAsLong());
                    offset.executeUpdate();
                }
                return replies;
            }
        });
        batch.settled(moved);
        return committed;
    }

    private void applyDialogs(List<DialogChange> changes) throws SQLException {
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
                    s.setString(5, clock.instant().toString());
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
                // Its writers go with it (ON DELETE CASCADE).
                try (PreparedStatement s = connection.prepareStatement("DELETE FROM dialogs WHERE prospect_chat_id = ?")) {
                    s.setLong(1, closed.prospectChatId());
                    s.executeUpdate();
                }
            } else if (change instanceof DialogChange.Said said) {
                try (PreparedStatement s = connection.prepareStatement("INSERT INTO dialog_messages (lead_id, at, kind, who, text)"
                        + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM leads WHERE id = ?)")) {
                    s.setString(1, said.leadId());
                    s.setString(2, clock.instant().toString());
                    s.setString(3, said.kind().name());
                    s.setString(4, said.who());
                    s.setString(5, said.text());
                    s.setString(6, said.leadId());
                    s.executeUpdate();
                }
            }
        }
    }

    /** A manager's open conversation with a prospect, and the owner chats writing to it. */
    public record OpenDialog(long prospectChatId, String leadId, String prospect, String openedBy, List<Long> writers) {
        public OpenDialog {
            writers = List.copyOf(writers);
        }
    }

    /** Every conversation managers hold open with prospects: what a restart picks up. */
    public synchronized List<OpenDialog> openDialogs() throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT d.prospect_chat_id, d.lead_id, d.opened_by, w.owner_chat_id, d.prospect"
                + " FROM dialogs d LEFT JOIN dialog_writers w ON w.prospect_chat_id = d.prospect_chat_id ORDER BY d.prospect_chat_id");
                ResultSet r = s.executeQuery()) {
            Map<Long, OpenDialog> open = new java.util.LinkedHashMap<>();
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
        } catch (SQLException e) {
            throw failure("read the open conversations with prospects", e);
        }
    }

    /** A line of a lead's conversation with a manager. */
    public record DialogLine(Instant at, DialogChange.Kind kind, String who, String text) {
    }

    /** The lead's conversation with the managers, in order. */
    public synchronized List<DialogLine> dialog(String leadId) throws StoreException {
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
        } catch (SQLException e) {
            throw failure("read the conversation of lead " + leadId, e);
        }
    }

    private List<Outgoing> insertReplies(List<Outgoing> replies) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return insertRepliesAtOnce(replies);
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
    private List<Outgoing> insertRepliesAtOnce(List<Outgoing> replies) throws SQLException {
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

    /** Every reply committed but not sent yet (the last run stopped first), oldest first. */
    public synchronized List<Outgoing> unsent() throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT id, chat_id, payload FROM outgoing ORDER BY id");
                ResultSet r = s.executeQuery()) {
            List<Outgoing> unsent = new ArrayList<>();
            while (r.next()) {
                unsent.add(new Outgoing(r.getLong(1), r.getLong(2), r.getString(3)));
            }
            return unsent;
        } catch (SQLException e) {
            throw failure("read the unsent replies", e);
        }
    }

    /**
     * A reply was sent (or given up on): it leaves the queue, and when it showed a question the
     * message id is kept so an edit after a restart still finds it. Written without a full disk
     * flush: these rows come one per message sent; a crash of the process loses none of them, and
     * a power cut at worst repeats the last few messages or skips an edit. (SQLite: synchronous=NORMAL
     * for this commit; PostgreSQL: synchronous_commit off for this transaction, the same promise.)
     */
    public synchronized void sent(Outgoing reply, Optional<QuestionMessage> shows) throws StoreException {
        String what = "mark reply " + reply.id() + " to chat " + reply.chatId() + " sent";
        synchronous("NORMAL", what);
        try {
            inTransaction(what, () -> {
                // One batch, which PostgreSQL gets in one round trip where separate statements and the commit took four or five:
                // this runs for every message sent. Only numbers are written into the statements.
                try (Statement batch = connection.createStatement()) {
                    if (dialect == Dialect.POSTGRESQL) {
                        batch.addBatch("SET LOCAL synchronous_commit = off");
                    }
                    batch.addBatch("DELETE FROM outgoing WHERE id = " + reply.id());
                    if (shows.isPresent()) {
                        batch.addBatch("INSERT INTO question_messages (chat_id, step, message_id) VALUES (" + reply.chatId() + ", "
                                + shows.get().step() + ", " + shows.get().messageId() + ") ON CONFLICT (chat_id, step) DO UPDATE"
                                + " SET message_id = excluded.message_id");
                    }
                    if (dialect == Dialect.POSTGRESQL) {
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

    /** SQLite's flush to disk at each commit, set outside any transaction (PostgreSQL sets its own per transaction). */
    private void synchronous(String level, String what) throws StoreException {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        try (Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA synchronous = " + level);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The message that shows a chat's question {@code step}, if one was recorded (and not forgotten). */
    public synchronized Optional<Integer> questionMessage(long chatId, int step) throws StoreException {
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
        } catch (SQLException e) {
            throw failure("find the message of chat " + chatId + " step " + step, e);
        }
    }

    /** The leads completed at or after {@code since}, oldest first. */
    public synchronized List<Lead> leads(Instant since) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads WHERE completed_at >= ? ORDER BY completed_at, id")) {
            s.setString(1, since.toString());
            List<Lead> leads = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    leads.add(LeadJson.fromJson(r.getString(1)));
                }
            }
            return leads;
        } catch (SQLException e) {
            throw failure("read the leads", e);
        }
    }

    /** What the team did with each of these leads (a lead not found counts as new). */
    public synchronized Map<String, Handling> handling(List<String> leadIds) throws StoreException {
        Map<String, Handling> found = new java.util.HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT status, manager, status_at FROM leads WHERE id = ?")) {
            for (String id : leadIds) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    found.put(id, r.next() ? handling(r) : Handling.NEW);
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read the status of " + leadIds.size() + " leads", e);
        }
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
    public synchronized Optional<Move> moveLead(LeadMove move) throws StoreException {
        try {
            return move(move);
        } catch (SQLException e) {
            throw failure("change the status of lead " + move.leadId(), e);
        }
    }

    /** Throws only SQLException, so a batch's transaction is always rolled back on a failure. */
    private Optional<Move> move(LeadMove move) throws SQLException {
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

    /** An owner-chat message Telegram accepted that shows these leads' summaries, so a change of status can be shown in it. */
    public synchronized void ownerMessage(OwnerMessage message) throws StoreException {
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
            insert.executeBatch();
        } catch (SQLException e) {
            throw failure("record owner message " + message.messageId() + " in chat " + message.chatId(), e);
        }
    }

    /** The leads an owner-chat message shows (a manager replied to it), in order; empty for any other message. */
    public synchronized List<String> leadsShownIn(long chatId, int messageId) throws StoreException {
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
        } catch (SQLException e) {
            throw failure("find the leads of owner message " + messageId + " in chat " + chatId, e);
        }
    }

    /** Every owner-chat message that shows the lead, with all the leads each one shows. */
    public synchronized List<OwnerMessage> ownerMessagesShowing(String leadId) throws StoreException {
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
        } catch (SQLException e) {
            throw failure("find the owner messages of lead " + leadId, e);
        }
    }

    /** The {@code limit} leads completed last, newest first. */
    public synchronized List<Lead> latestLeads(int limit) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads ORDER BY completed_at DESC, id DESC LIMIT ?")) {
            s.setInt(1, limit);
            return readLeads(s);
        } catch (SQLException e) {
            throw failure("read the latest leads", e);
        }
    }

    /** The lead with exactly this id, unless it was deleted. */
    public synchronized Optional<Lead> lead(String id) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads WHERE id = ?")) {
            s.setString(1, id);
            return readLeads(s).stream().findFirst();
        } catch (SQLException e) {
            throw failure("read lead " + id, e);
        }
    }

    /** The leads whose id starts with {@code prefix} (an owner types the first characters of an id), at most {@code limit}. */
    public synchronized List<Lead> leadsWithIdStarting(String prefix, int limit) throws StoreException {
        try (PreparedStatement s = connection.prepareStatement("SELECT lead FROM leads WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?")) {
            s.setInt(1, prefix.length());
            s.setString(2, prefix);
            s.setInt(3, limit);
            return readLeads(s);
        } catch (SQLException e) {
            throw failure("find lead " + prefix, e);
        }
    }

    private static List<Lead> readLeads(PreparedStatement s) throws SQLException {
        List<Lead> leads = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                leads.add(LeadJson.fromJson(r.getString(1)));
            }
        }
        return leads;
    }

    /**
     * The funnel's events at or after {@code since}, in the order they happened: Telegram's chats, or with
     * {@code terminal} only the terminal chat's test conversations.
     */
    public synchronized List<FunnelEvent> funnelEvents(Instant since, boolean terminal) throws StoreException {
        List<FunnelEvent> events = new ArrayList<>();
        funnelEvents(since, terminal, events::add);
        return events;
    }

    /** The same, handed to {@code each} as they are read, so a report over a large funnel never holds it all in memory. */
    public synchronized void funnelEvents(Instant since, boolean terminal, Consumer<FunnelEvent> each) throws StoreException {
        if (dialect == Dialect.POSTGRESQL) {
            // pgjdbc fetches rows a thousand at a time only inside a transaction; read-only, as it writes nothing.
            inTransaction("read the funnel", () -> {
                try (Statement readOnly = connection.createStatement()) {
                    readOnly.execute("SET TRANSACTION READ ONLY");
                }
                funnel.since(since, terminal, each);
                return null;
            });
            return;
        }
        try {
            funnel.since(since, terminal, each);
        } catch (SQLException e) {
            throw failure("read the funnel", e);
        }
    }

    /** Up to {@code limit} follow-up timers due at or before {@code now}, the earliest first. */
    public synchronized List<FollowUpTimer> dueFollowUps(Instant now, int limit) throws StoreException {
        if (!followUpMayBeDue(now)) {
            return List.of();
        }
        try {
            List<FollowUpTimer> due = followUps.due(now, limit);
            // None due: the earliest timer is later than now, and none comes before it but what this store commits.
            noFollowUpBefore = due.isEmpty() ? Optional.of(followUps.next().orElse(Instant.MAX)) : Optional.empty();
            return due;
        } catch (SQLException e) {
            throw failure("read the follow-ups due", e);
        }
    }

    /**
     * Whether a follow-up timer may be due at {@code now}; false only when none can be, known without asking the database
     * (nor waiting for a commit under way): what a bot's ticks check before they look.
     */
    public boolean followUpMayBeDue(Instant now) {
        return noFollowUpBefore.map(earliest -> !now.isBefore(earliest)).orElse(true);
    }

    /** When the earliest follow-up timer is due, if any is set. */
    public synchronized Optional<Instant> nextFollowUp() throws StoreException {
        try {
            return followUps.next();
        } catch (SQLException e) {
            throw failure("read the next follow-up", e);
        }
    }

    /** The prospect blocked the bot: nothing more is sent to the chat, so its follow-up goes. */
    public synchronized void cancelFollowUp(long chatId) throws StoreException {
        try {
            followUps.delete(chatId);
        } catch (SQLException e) {
            throw failure("cancel the follow-ups of chat " + chatId, e);
        }
    }

    /**
     * Deletes everything stored about a chat (conversation, question messages, unsent replies, leads with their deliveries,
     * funnel steps, follow-ups) in one transaction; returns how much of each went.
     */
    public synchronized Forgotten forget(long chatId) throws StoreException {
        return inTransaction("forget chat " + chatId, () -> deleteChat(chatId));
    }

    /** Deletes everything stored about a chat inside the caller's transaction. */
    private Forgotten deleteChat(long chatId) throws SQLException {
        // Before the rows go: memory must never hold what the database no longer does, whether this commits or not.
        questionMessages.forget(chatId);
        int steps = funnel.forget(chatId);
        int timers = followUps.delete(chatId);
        int deliveries;
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM deliveries WHERE lead_id IN"
                + " (SELECT id FROM leads WHERE chat_id = ?)")) {
            s.setLong(1, chatId);
            try (ResultSet rows = s.executeQuery()) {
                deliveries = rows.next() ? rows.getInt(1) : 0;
            }
        }
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM dialogs WHERE prospect_chat_id = ?")) {
            s.setLong(1, chatId);
            s.executeUpdate();
        }
        // Deliveries, owner messages and the conversations with managers go with their leads (ON DELETE CASCADE).
        Map<String, Integer> removed = new java.util.HashMap<>();
        for (String table : new String[] {"conversations", "question_messages", "outgoing", "leads"}) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE chat_id = ?")) {
                s.setLong(1, chatId);
                removed.put(table, s.executeUpdate());
            }
        }
        return new Forgotten(removed.get("conversations"), removed.get("leads"), deliveries,
                removed.get("question_messages") + removed.get("outgoing"), steps, timers);
    }

    /**
     * What {@link #forget} deleted about one chat.
     *
     * @param messages records of the bot's messages to the chat: which question each showed, and replies not yet sent
     * @param steps    the chat's steps in the funnel
     * @param followUps the chat's pending follow-up (a reminder or its abandonment), 0 or 1
     */
    public record Forgotten(int conversations, int leads, int deliveries, int messages, int steps, int followUps) {

        public int total() {
            return conversations + leads + deliveries + messages + steps + followUps;
        }
    }

    @Override
    public synchronized void close() {
        questionMessages.clear();
        if (database instanceof Database.Postgres postgres) {
            if (connected) {
                connected = false;
                PostgresSchema.close(connection, postgres);
            }
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing " + database + ": " + e.getMessage(), e);
        } finally {
            lock.ifPresent(Store::release);
        }
    }

    private StoreException failure(String what, SQLException e) {
        StoreException failure = failure(database, what, e);
        // Not connected: an earlier reconnect failed, and this connection (closed) answers only "Connection is closed".
        if (database instanceof Database.Postgres postgres && (!connected || PostgresSchema.gone(e))) {
            return new StoreException(failure.getMessage() + reconnect(postgres), e);
        }
        return failure;
    }

    /**
     * PostgreSQL ended this store's session (restarted, or the network was cut): the call that met it failed and says so;
     * the next one runs on a new session, the instance lock taken again. While the server stays away each call fails, and
     * tries again. Returns what became of the new session, in words for the failure's message.
     */
    private String reconnect(Database.Postgres postgres) {
        if (connected) {
            connected = false;
            PostgresSchema.close(connection, postgres);
        }
        try {
            connection = forTools ? PostgresSchema.openExisting(postgres) : PostgresSchema.open(postgres);
        } catch (StoreException e) {
            if (e.inUse()) {
                takenOver.run();
                return "; meanwhile another leadbot instance took over " + postgres.schema() + ", so this one can no longer write"
                        + " to it: stop one of the two";
            }
            return "; a new session could not be opened either (" + e.getMessage() + "); each call tries again";
        }
        connected = true;
        // Another instance may have run the bot meanwhile.
        noFollowUpBefore = Optional.empty();
        questionMessages.clear();
        deliveries = new Deliveries(connection, dialect, claimant, this::failure);
        funnel = new FunnelLog(connection);
        followUps = new FollowUpLog(connection);
        return "; the next call runs on a new session";
    }

    /** A failed statement, in words naming the database (never its password). */
    static StoreException failure(Database database, String what, SQLException e) {
        String message = database instanceof Database.Postgres postgres ? postgres.hide(reason(e)) : reason(e);
        return new StoreException("cannot " + what + " in " + database + ": " + message, e);
    }

    /**
     * What the database said, never the data a statement carried: a failed batch names its failing statement's error and
     * SQLState (pgjdbc's own message for it says only "Batch entry 0 &lt;unknown&gt; was aborted", its parameters left out
     * as the pool asks), and PostgreSQL's errors come without their DETAIL (a failing row, a duplicate key's value).
     */
    private static String reason(SQLException e) {
        if (e instanceof java.sql.BatchUpdateException && e.getNextException() != null) {
            SQLException failed = e.getNextException();
            return "a statement of a batch failed: " + failed.getMessage() + " (SQLState " + failed.getSQLState() + ")";
        }
        return e.getMessage();
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The transaction failed already and is reported; SQLite rolls back an unfinished one on close anyway.
        }
    }

    /**
     * Back to one statement, one transaction. On a connection that is gone the failure has already
     * been reported by the statement that met it, so it must not be masked here by a second one.
     */
    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (!isClosed()) {
                throw new IllegalStateException("resetting autocommit on " + database + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true; // a connection that cannot even answer this is gone
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            throw new IllegalStateException("releasing the lock: " + e.getMessage(), e);
        }
    }
}
