package dev.leadbot.service;

import dev.leadbot.console.OpenDialogs;
import dev.leadbot.console.OwnerChats;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.console.ProspectDialog;
import dev.leadbot.delivery.DeliveryWorker;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Answer;
import dev.leadbot.routing.ChatLanes;
import dev.leadbot.routing.ChatPort;
import dev.leadbot.routing.ChatRouter;
import dev.leadbot.routing.ConsoleChat;
import dev.leadbot.routing.Conversations;
import dev.leadbot.routing.DialogRelay;
import dev.leadbot.routing.FlowReloads;
import dev.leadbot.routing.FollowUpTicks;
import dev.leadbot.routing.LiveFlow;
import dev.leadbot.routing.OwnerStats;
import dev.leadbot.routing.UpdateConsumer;
import dev.leadbot.sink.JsonlFileSink;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Database;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.OwnerMessageStore;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.BotStartException;
import dev.leadbot.telegram.BotThreads;
import dev.leadbot.telegram.TelegramBot;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot, assembled: its store, the Telegram adapter, the routing between them (the engine, the console, the managers'
 * conversations, follow-ups, flow reloads) and a delivery worker per sink. Owns every thread it starts and stops them all
 * on {@link #close()}.
 */
public final class TelegramService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramService.class);

    /** The threads this bot runs on: its own when it runs alone, else shared with the other bots of the process. */
    private final BotThreads threads;
    private final boolean ownThreads;
    private final TelegramBot bot;
    private final ChatLanes lanes;
    private final ExecutorService fileThread;
    private final ExecutorService statsThread;
    private final ExecutorService consoleThread;
    private final List<DeliveryWorker> workers;
    private final FlowReloads reloads;
    private final FollowUpTicks followUps;
    private final List<Long> unreachableOwners;

    private TelegramService(TelegramSettings settings, Path flowFile, Flow flow, Store store, List<LeadSink> crmSinks, Clock clock,
            BotThreads threads, boolean ownThreads, Runnable revoked) throws BotStartException, StoreException {
        this.threads = threads;
        this.ownThreads = ownThreads;
        // Chats whose prospect blocked the bot: the outbox marks them, the router clears them when the prospect writes again.
        Set<Long> closedChats = ConcurrentHashMap.newKeySet();
        // Nothing more goes to a prospect who blocked the bot, until they write again: their follow-up becomes the
        // abandonment at once (a partial lead, if owed, for the owners), fired on the follow-ups' thread.
        Queue<Long> justBlocked = new ConcurrentLinkedQueue<>();
        bot = TelegramBot.connect(settings, threads, revoked, chat -> {
            closedChats.add(chat);
            justBlocked.add(chat);
        });
        LOG.info("bot=@{} api={} flow={} owners={}", bot.username(), settings.apiUrl(), flow.id(), settings.ownerChatIds().size());
        lanes = new ChatLanes(bot.chatThreads());
        fileThread = bot.serialThread();
        statsThread = bot.serialThread();
        consoleThread = bot.serialThread();
        JsonlFileSink leadsFile = new JsonlFileSink(settings.leadsFile());
        List<LeadSink> sinks = new ArrayList<>();
        Consumer<OwnerMessageStore.OwnerMessage> shown = message -> {
            try {
                store.ownerMessages().record(message);
            } catch (StoreException e) {
                LOG.error("chat={} message={} shows leads {} but was not recorded; a status change will not show in it: {}",
                        message.chatId(), message.messageId(), message.leadIds(), e.getMessage());
            }
        };
        // /reload and the file watcher switch the running flow; each update runs wholly on the flow it started with.
        LiveFlow live = new LiveFlow(flow, settings.timeZone());
        // A summary titles each answer with the title of the question that asked it, as the running flow has them.
        Function<Answer, String> asked = answer -> live.current().flow().title(answer.node(), live.current().flow().defaultLanguage())
                .orElse(answer.variable());
        settings.ownerChatIds().forEach(owner -> sinks.add(bot.ownerChat(owner, shown, asked)));
        sinks.add(leadsFile);
        sinks.addAll(crmSinks);
        // One worker per sink: a slow or broken sink never holds up another, nor the conversations.
        Consumer<String> alert = text -> settings.ownerChatIds().stream().filter(owner -> !closedChats.contains(owner))
                .forEach(owner -> bot.alert(owner, text));
        workers = sinks.stream().map(sink -> new DeliveryWorker(store.deliveries(), sink, clock, alert, bot.deliveryThreads())).toList();
        Conversations conversations = new Conversations(store.conversations());
        ChatPort chats = bot.chats(asked, store.replies());
        Consumer<List<Outgoing>> replies = bot.replies(store.replies());
        reloads = new FlowReloads(flowFile, live, store.conversations(), chats, settings.ownerChatIds(), bot.fileWatch());
        ConsoleChat console = new ConsoleChat(new OwnerConsole(store.leads(), store.ownerMessages(), live::ownersZone),
                new OwnerStats(funnel(store.database(), clock), flow.id(), chats, statsThread, clock), chats, consoleThread, clock, reloads);
        // Managers' conversations with prospects, open across restarts.
        OpenDialogs dialogs = new OpenDialogs(store.dialogs().open());
        DialogRelay relay = new DialogRelay(new ProspectDialog(OwnerChats.of(settings.ownerChatIds()), dialogs, ProspectDialog.Leads.of(store.leads(), store.ownerMessages())), dialogs, store.dialogs()::open, chats);
        // Deletions of a prospect's leads from the file happen on one thread, so they never race each other.
        ChatRouter router = new ChatRouter(live, conversations, chats,
                lead -> workers.forEach(DeliveryWorker::wake), chat -> fileThread.execute(() -> forget(leadsFile, chat)),
                clock, closedChats, OwnerChats.of(settings.ownerChatIds()), console, relay);
        UpdateConsumer consumer = new UpdateConsumer(lanes, router, conversations, store, replies, bot::heard, flow.id(),
                sinks.stream().map(LeadSink::name).toList(), Duration.ofSeconds(5), relay::reload);
        // Replies committed by an earlier run that stopped before sending them go first, in order.
        List<Outgoing> unsent = store.replies().unsent();
        if (!unsent.isEmpty()) {
            LOG.info("{} replies committed before the last stop were not sent yet; sending them now", unsent.size());
            replies.accept(unsent);
        }
        // Deliveries left pending by an earlier run (a crash, a CRM down) go out now.
        workers.forEach(DeliveryWorker::wake);
        followUps = new FollowUpTicks(store.followUps(), consumer, clock, justBlocked);
        bot.poll(consumer, clock);
        unreachableOwners = bot.unreachableOwners();
        // Reminders due while the bot was down go now (or are dropped when too late), then each at its time.
        followUps.start(bot.scheduledThreads());
    }

    /**
     * Connects, checks the token with getMe, registers the commands and starts polling. Every lead goes
     * to each owner chat, the leads file and {@code crmSinks}, each through its own delivery worker.
     *
     * @param flowFile where {@code flow} was read from: /reload and changes on disk read it again
     * @throws BotStartException when the Bot API refuses the token or cannot be reached
     */
    public static TelegramService start(TelegramSettings settings, Path flowFile, Flow flow, Store store, List<LeadSink> crmSinks,
            Clock clock)
            throws BotStartException {
        BotThreads own = BotThreads.forBots(1);
        try {
            return start(settings, flowFile, flow, store, crmSinks, clock, own, true, () -> { });
        } catch (BotStartException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * The same, as one of several bots of the process, on {@code threads} shared with them.
     *
     * @param revoked told once, on the poller's thread, when Telegram answers getUpdates with 401: the
     *                token was revoked; whoever started the bot stops it (polling again would only fail)
     */
    public static TelegramService start(TelegramSettings settings, Path flowFile, Flow flow, Store store, List<LeadSink> crmSinks,
            Clock clock, BotThreads threads, Runnable revoked) throws BotStartException {
        return start(settings, flowFile, flow, store, crmSinks, clock, threads, false, revoked);
    }

    private static TelegramService start(TelegramSettings settings, Path flowFile, Flow flow, Store store, List<LeadSink> crmSinks,
            Clock clock, BotThreads threads, boolean ownThreads, Runnable revoked) throws BotStartException {
        String starter = Thread.currentThread().getName();
        try {
            return new TelegramService(settings, flowFile, flow, store, crmSinks, clock, threads, ownThreads, revoked);
        } catch (StoreException e) {
            throw new BotStartException(e.getMessage());
        } finally {
            Thread.currentThread().setName(starter); // named after the bot while it started
        }
    }

    /** Fires the follow-ups due by the clock's now, as the service does four times a second; returns how many. */
    int followUpsDue() {
        return followUps.tick();
    }

    /** Calls to Telegram queued or under way, across all chats: none once what was committed has been sent or given up. */
    int pendingCalls() {
        return bot.pendingCalls();
    }

    public String username() {
        return bot.username();
    }

    /** Owner chats found at start-up that cannot receive summaries yet; each was logged with how to fix it. */
    public List<Long> unreachableOwners() {
        return unreachableOwners;
    }

    /**
     * Stops polling at once, without waiting for anything: the long poll under way is cancelled and no other getUpdates leaves.
     * What was received is still handled; {@link #close()} finishes the stop.
     */
    public void cutPolling() {
        bot.cutPolling();
    }

    /** Stops polling, lets in-flight updates finish, sends what is queued (up to 10 s), then stops every thread. */
    @Override
    public void close() {
        bot.stopPolling();
        followUps.stop();
        try {
            if (!lanes.awaitIdle(TimeUnit.SECONDS.toMillis(15))) {
                LOG.warn("bot=@{}: updates still being handled at shutdown", bot.username());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BotThreads.stop(fileThread);
        reloads.close();
        BotThreads.stop(consoleThread);
        statsThread.shutdownNow();
        workers.forEach(DeliveryWorker::close);
        bot.close();
        if (ownThreads) {
            threads.close();
        }
        LOG.info("bot=@{} stopped", bot.username());
    }

    /** The funnel read for /stats over a connection of its own, opened as an owner's tool's, so the bot's is never held up. */
    private static OwnerStats.FunnelSource funnel(Database database, Clock clock) {
        return (since, each) -> {
            try (Store tools = Store.openForTools(database, clock)) {
                tools.funnel().events(since, false, each);
            }
        };
    }

    /** The store forgot the chat in the transaction of its /forget; the leads file follows (rewriting it again would change nothing). */
    private static void forget(JsonlFileSink leadsFile, long chat) {
        try {
            LOG.info("chat={} forgotten in the store, {} leads deleted from the leads file", chat, leadsFile.forget(chat));
        } catch (IOException e) {
            LOG.error("chat={} could not delete all its data: {}", chat, e.getMessage());
        }
    }
}
