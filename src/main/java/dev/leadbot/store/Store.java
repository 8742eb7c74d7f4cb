package dev.leadbot.store;

import dev.leadbot.engine.Conversation;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One bot's durable state, in an SQLite file (the embedded default) or a schema of a PostgreSQL database, with the same
 * transactions on both: one store per table or two (conversations, replies, leads, owner messages, dialogs, deliveries,
 * the funnel, follow-ups), all on one session, which they take turns on; safe to share between threads. Opens and closes
 * them, and commits what spans them: a {@link Batch}, and {@link #forget}.
 */
public final class Store implements BatchLog, AutoCloseable {

    private final Session session;
    private final Optional<FileLock> lock;
    private final ConversationStore conversations;
    private final ReplyStore replies;
    private final LeadStore leads;
    private final OwnerMessageStore ownerMessages;
    private final DialogStore dialogs;
    private final Deliveries deliveries;
    private final FunnelLog funnel;
    private final FollowUpLog followUps;

    private Store(Database database, Optional<FileLock> lock, boolean forTools, Connection connection, Clock clock) {
        this.session = new Session(database, forTools, connection, clock);
        this.lock = lock;
        this.conversations = new ConversationStore(session);
        this.replies = new ReplyStore(session);
        this.leads = new LeadStore(session);
        this.ownerMessages = new OwnerMessageStore(session);
        this.dialogs = new DialogStore(session);
        this.deliveries = new Deliveries(session);
        this.funnel = new FunnelLog(session);
        this.followUps = new FollowUpLog(session);
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
            store.deliveries.releaseAll(store.connection());
            return store;
        } catch (SQLException e) {
            StoreException failure = store.session.failure("give back the delivery claims of a stopped instance", e);
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

    /** The store's own connection, for {@link StoreTransfer}, which holds both stores whole while it copies. */
    Connection connection() {
        return session.connection();
    }

    /**
     * Runs {@code action} when this store finds, reconnecting after PostgreSQL ended its session, that another instance took
     * its schema meanwhile: from then on it can no longer write, so the bot must stop. Runs on the thread of the call that
     * found it, once per such call; the action should hand the stopping to another thread.
     */
    public void whenTakenOver(Runnable action) {
        session.whenTakenOver(action);
    }

    /** Where the state is: its text names it in messages, a password masked. */
    public Database database() {
        return session.database();
    }

    /** Conversations and the polling offset. */
    public ConversationStore conversations() {
        return conversations;
    }

    /** Replies not sent yet, and the messages that show questions. */
    public ReplyStore replies() {
        return replies;
    }

    public LeadStore leads() {
        return leads;
    }

    /** The owner-chat messages that show leads. */
    public OwnerMessageStore ownerMessages() {
        return ownerMessages;
    }

    /** Managers' conversations with prospects. */
    public DialogStore dialogs() {
        return dialogs;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public FunnelLog funnel() {
        return funnel;
    }

    public FollowUpLog followUps() {
        return followUps;
    }

    /** The last update id committed, so a redelivered update is recognised and polling resumes after it. */
    @Override
    public OptionalLong lastUpdateId() throws StoreException {
        return conversations.lastUpdateId();
    }

    /**
     * Commits a batch in one transaction: all of it is on disk afterwards, or none of it. Once
     * {@link ConversationStore#changedElsewhere()} was asked, a batch is refused (nothing committed,
     * {@link StoreException#changedElsewhere()}) when another program committed since: the batch was worked out from what
     * memory held, which may bring back what an owner's {@code leadbot forget} deleted.
     */
    @Override
    public List<Outgoing> commit(String flow, Batch batch) throws StoreException {
        Map<LeadMove, Optional<LeadStore.Move>> moved = new IdentityHashMap<>();
        List<Outgoing> committed = session.inTransaction("commit " + batch.conversations().size() + " conversations", connection -> {
            session.refuseIfChangedElsewhere(batch.chats().size() + " chats were handled");
            // A forgotten chat's data goes first, so what the batch stores for it after the /forget stays.
            for (long chat : batch.forgotten()) {
                deleteChat(connection, chat);
            }
            for (Map.Entry<Long, Optional<Conversation>> change : batch.conversations().entrySet()) {
                if (change.getValue().isEmpty()) {
                    conversations.delete(connection, change.getKey());
                    // Nothing is kept of a removed conversation: its funnel steps go in the same transaction.
                    funnel.forget(connection, change.getKey());
                }
            }
            conversations.put(connection, flow, batch.conversations());
            leads.insert(connection, batch.leads());
            deliveries.pending(connection, batch.leads(), batch.sinks());
            // The batch dropped the steps a chat took before its removal or /forget.
            funnel.insert(connection, batch.events());
            followUps.apply(connection, batch.followUps());
            List<Outgoing> stored = replies.insert(connection, batch.replies());
            dialogs.apply(connection, batch.dialogs());
            // A press is applied with its update's offset: a crash keeps both or neither, so no press is lost.
            for (LeadMove move : batch.moves()) {
                moved.put(move, leads.move(connection, move));
            }
            if (batch.lastUpdateId().isPresent()) {
                conversations.handled(connection, batch.lastUpdateId().getAsLong());
            }
            return stored;
        });
        batch.settled(moved);
        return committed;
    }

    /**
     * Deletes everything stored about a chat (conversation, question messages, unsent replies, leads with their deliveries,
     * funnel steps, follow-ups) in one transaction; returns how much of each went.
     */
    public Forgotten forget(long chatId) throws StoreException {
        return session.inTransaction("forget chat " + chatId, connection -> deleteChat(connection, chatId));
    }

    /** Deletes everything stored about a chat inside the caller's transaction. */
    private Forgotten deleteChat(Connection connection, long chatId) throws SQLException {
        // Before the rows go: memory must never hold what the database no longer does, whether this commits or not.
        replies.forgetShown(chatId);
        int steps = funnel.forget(connection, chatId);
        int timers = followUps.delete(connection, chatId);
        int delivered = deliveries.ofChat(connection, chatId);
        dialogs.close(connection, chatId);
        int conversation = conversations.delete(connection, chatId);
        int messages = replies.delete(connection, chatId);
        // Deliveries, owner messages and the conversations with managers go with their leads (ON DELETE CASCADE).
        int leadsGone = leads.delete(connection, chatId);
        return new Forgotten(conversation, leadsGone, delivered, messages, steps, timers);
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
    public void close() {
        try {
            session.close();
        } finally {
            lock.ifPresent(Store::release);
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
