package dev.leadbot.service;

import dev.leadbot.flow.Flow;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.store.StoreTransfer;
import dev.leadbot.telegram.BotStartException;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.OwnerChat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The real service against the fake Bot API, with one owner chat that has started the bot. */
final class BotHarness implements AutoCloseable {

    static final long OWNER = 1000;
    /**
     * Telegram's flood control with its clock ten times faster, on both sides: the same bursts, 429s
     * and pauses, but a conversation clicked through at test speed takes seconds, not minutes.
     */
    static final FloodLimits FAST_FLOOD = new FloodLimits(5, Duration.ofMillis(100), 300, Duration.ofMillis(100));

    final FakeBotApi api;
    final Path leads;
    private Database db;
    private Flow flow;
    private final Path flowFile;
    private final TelegramSettings settings;
    private final List<LeadSink> sinks;
    private final Clock clock;
    Store store;
    TelegramService service;

    BotHarness(Path dir) throws IOException, BotStartException, StoreException {
        this(dir, Flows.qualification(), List.of(OWNER));
    }

    BotHarness(Path dir, Flow flow, List<Long> owners) throws IOException, BotStartException, StoreException {
        this(dir, flow, owners, List.of());
    }

    /** With CRM sinks besides the owner chat and the leads file. */
    BotHarness(Path dir, List<LeadSink> sinks) throws IOException, BotStartException, StoreException {
        this(dir, Flows.qualification(), List.of(OWNER), sinks);
    }

    /** With CRM sinks, its state in {@code database} (a PostgreSQL schema, say) instead of a file in {@code dir}. */
    BotHarness(Path dir, Database database, List<LeadSink> sinks) throws IOException, BotStartException, StoreException {
        this(dir, Flows.qualification(), List.of(OWNER), sinks, Flows.QUALIFICATION, database);
    }

    private BotHarness(Path dir, Flow flow, List<Long> owners, List<LeadSink> sinks) throws IOException, BotStartException, StoreException {
        // The shipped flow is read again from its file; a flow written in a test has none (a /reload finds no file).
        this(dir, flow, owners, sinks, flow.id().equals("qualification") ? Flows.QUALIFICATION : dir.resolve("flow.yaml"),
                new Database.SqliteFile(dir.resolve("leadbot.db")));
    }

    /** Running the flow in {@code flowFile}, which /reload and the file watcher read again. */
    BotHarness(Path dir, Path flowFile, List<Long> owners) throws IOException, BotStartException, StoreException {
        this(dir, Flows.load(flowFile), owners, List.of(), flowFile, new Database.SqliteFile(dir.resolve("leadbot.db")));
    }

    private BotHarness(Path dir, Flow flow, List<Long> owners, List<LeadSink> sinks, Path flowFile, Database database)
            throws IOException, BotStartException, StoreException {
        this(dir, flow, owners, sinks, flowFile, database, Clock.systemUTC());
    }

    /** The customer's flow on {@code clock}: the bot's "now" is the test's to move (follow-ups come due as it moves). */
    BotHarness(Path dir, Clock clock) throws IOException, BotStartException, StoreException {
        this(dir, Flows.qualification(), List.of(OWNER), List.of(), Flows.QUALIFICATION, new Database.SqliteFile(dir.resolve("leadbot.db")),
                clock);
    }

    private BotHarness(Path dir, Flow flow, List<Long> owners, List<LeadSink> sinks, Path flowFile, Database database, Clock clock)
            throws IOException, BotStartException, StoreException {
        this.clock = clock;
        this.flowFile = flowFile;
        this.sinks = List.copyOf(sinks);
        api = new FakeBotApi();
        api.floodLimits(FAST_FLOOD.chatBurst(), FAST_FLOOD.chatRefill(), FAST_FLOOD.bulkPerSecond(), FAST_FLOOD.second());
        owners.forEach(api::startedEarlier);
        leads = dir.resolve("leads.jsonl");
        db = database;
        this.flow = flow;
        settings = new TelegramSettings(FakeBotApi.TOKEN, owners, api.url(), leads, FAST_FLOOD);
        start();
    }

    /** Restarts with an edited flow, as an owner does after changing the YAML. */
    void restart(Flow edited) throws StoreException, BotStartException {
        flow = edited;
        restart();
    }

    /** Stops the service as SIGTERM would and starts a new one on the same database and the same fake Telegram. */
    void restart() throws StoreException, BotStartException {
        service.close();
        store.close();
        start();
    }

    /** Something done to the database while the bot is down, as a crashed run would have left it. */
    interface WhileDown {
        void apply(Store store, Flow flow) throws StoreException;
    }

    /** Stops the service, lets {@code crashed} change the database, and starts again on it. */
    void restart(WhileDown crashed) throws StoreException, BotStartException {
        service.close();
        crashed.apply(store, flow);
        store.close();
        start();
    }

    /** Stops the bot, moves its SQLite file into {@code target} as 'leadbot migrate' does, and starts it there. */
    void moveTo(Database.Postgres target) throws StoreException, BotStartException {
        service.close();
        store.close();
        StoreTransfer.copy((Database.SqliteFile) db, target, false, clock);
        db = target;
        start();
    }

    private void start() throws StoreException, BotStartException {
        store = Store.open(db, clock);
        service = TelegramService.start(settings, flowFile, flow, store, sinks, clock);
    }

    /**
     * Waits until the bot has nothing left to do with what has happened so far: every update handled and confirmed, a
     * follow-up look under way finished, and every committed reply sent or given up. Only then can a test say that
     * nothing more was sent: a check made before would pass however the bot went on, or fail when the machine is slow.
     */
    void awaitSettled() {
        api.awaitAllUpdatesConfirmed();
        // A look for due follow-ups on the service's own thread may be committing now; this one waits for it to end.
        service.followUpsDue();
        api.awaitState(() -> {
            try {
                return service.pendingCalls() == 0 && store.replies().unsent().isEmpty();
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the chat has at least {@code count} bot messages; returns them all. */
    List<BotMessage> awaitCount(long chat, int count) {
        return api.await(chat, messages -> messages.size() >= count);
    }

    /** Waits until some bot message in the chat satisfies {@code test}. */
    List<BotMessage> awaitAny(long chat, Predicate<BotMessage> test) {
        return api.await(chat, messages -> messages.stream().anyMatch(test));
    }

    /** Waits until some bot message in the chat satisfies {@code test}; returns the first that does. */
    BotMessage awaitFirst(long chat, Predicate<BotMessage> test) {
        return awaitAny(chat, test).stream().filter(test).findFirst().orElseThrow();
    }

    static Predicate<BotMessage> saying(String part) {
        return message -> message.text().contains(part);
    }

    /** How many lead summaries the owner's messages carry (a digest carries several). */
    static long leadsIn(List<BotMessage> ownerMessages) {
        return OwnerChat.leadsIn(ownerMessages);
    }

    static BotMessage last(List<BotMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    @Override
    public void close() {
        service.close();
        store.close();
        api.close();
    }
}
