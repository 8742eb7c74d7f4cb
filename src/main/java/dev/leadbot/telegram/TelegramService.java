package dev.leadbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.console.OpenDialogs;
import dev.leadbot.console.OwnerChats;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.console.OwnerMenu;
import dev.leadbot.console.ProspectDialog;
import dev.leadbot.delivery.DeliveryWorker;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Answer;
import dev.leadbot.sink.JsonlFileSink;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.OwnerMessageStore;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot in Telegram: long polling in, the engine in the middle, the outbox out. Owns every
 * thread and HTTP client it starts and stops them all on {@link #close()}.
 */
public final class TelegramService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramService.class);
    private static final int POLL_SECONDS = BotThreads.POLL_SECONDS;

    /** The threads this bot runs on: its own when it runs alone, else shared with the other bots of the process. */
    private final BotThreads threads;
    private final boolean ownThreads;
    private final OkHttpClient pollHttp;
    /** The long poll blocks its thread for up to 30 s: every bot has one of its own (and no other thread of its own but its sinks'). */
    private final ScheduledExecutorService pollThread;
    private final ChatLanes lanes;
    private final ExecutorService fileThread;
    private final ExecutorService statsThread;
    private final ExecutorService consoleThread;
    private final List<DeliveryWorker> workers;
    private final FlowReloads reloads;
    private final Outbox outbox;
    private final FollowUpTicks followUps;
    private final String username;
    private final List<Long> unreachableOwners;
    private final TelegramBotsLongPollingApplication polling;
    private final PollingFailures pollGate;

    private TelegramService(TelegramSettings settings, Path flowFile, Flow flow, Store store, List<LeadSink> crmSinks, Clock clock,
            BotThreads threads, boolean ownThreads, Runnable revoked) throws TelegramApiException, StoreException {
        this.threads = threads;
        this.ownThreads = ownThreads;
        TelegramUrl url = new TelegramUrl(settings.apiUrl().getScheme(), settings.apiUrl().getHost(), port(settings), false);
        BotApi api = new BotApi(new OkHttpTelegramClient(threads.sendHttp, settings.token(), url), settings.token());
        username = api.execute(new GetMe()).getUserName();
        // From here each line this bot logs names it: its thread is named after it (start() gives the name back).
        BotTasks.nameCallingThread(username);
        ScheduledExecutorService sendThreads = BotTasks.of(username, threads.send);
        ExecutorService work = BotTasks.of(username, threads.work);
        lanes = new ChatLanes(BotTasks.of(username, threads.chat));
        fileThread = new SerialLane(work);
        statsThread = new SerialLane(work);
        consoleThread = new SerialLane(work);
        pollThread = Executors.newSingleThreadScheduledExecutor(BotThreads.named(BotTasks.botName(username) + "/telegram-poll"));
        // Its own dispatcher, so that stopping this bot cancels its long poll and no other bot's.
        pollGate = new PollingFailures(settings.token(), revoked);
        pollHttp = threads.pollHttp.newBuilder().dispatcher(new Dispatcher()).addInterceptor(pollGate).build();
        LOG.info("bot=@{} api={} flow={} owners={}", username, settings.apiUrl(), flow.id(), settings.ownerChatIds().size());
        api.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        // The commands menu and the owner check need not hold up the first poll: they run beside the rest of the start.
        CompletableFuture<List<Long>> ownersChecked = CompletableFuture.supplyAsync(() -> {
            List<BotCommand> prospects = List.of(new BotCommand("start", "Начать / start"),
                    new BotCommand("back", "Шаг назад / one step back"), new BotCommand("restart", "Начать заново / start over"),
                    new BotCommand("forget", "Удалить мои данные / delete my data"));
            try {
                api.execute(SetMyCommands.builder().commands(prospects).build());
            } catch (TelegramApiException e) {
                LOG.warn("the commands menu was not set: {}", e.getMessage());
            }
            List<Long> unreachable = checkOwners(api, settings.ownerChatIds());
            // Owners' menus show their commands too; everyone else's menu shows only a prospect's.
            List<BotCommand> ownerMenu = new ArrayList<>(OwnerMenu.COMMANDS.stream().map(c -> new BotCommand(c.command(), c.description()))
                    .toList());
            ownerMenu.addAll(prospects);
            for (long owner : settings.ownerChatIds()) {
                if (!unreachable.contains(owner)) {
                    try {
                        api.execute(SetMyCommands.builder().scope(new BotCommandScopeChat(String.valueOf(owner))).commands(ownerMenu).build());
                    } catch (TelegramApiException e) {
                        LOG.warn("owner chat {}: the owner commands menu was not set: {}", owner, e.getMessage());
                    }
                }
            }
            return unreachable;
        }, sendThreads);

        // Chats whose prospect blocked the bot: the outbox marks them, the router clears them when the prospect writes again.
        Set<Long> closedChats = ConcurrentHashMap.newKeySet();
        // Nothing more goes to a prospect who blocked the bot, until they write again: their follow-up becomes the
        // abandonment at once (a partial lead, if owed, for the owners), fired on the follow-ups' thread.
        Queue<Long> justBlocked = new ConcurrentLinkedQueue<>();
        outbox = new Outbox(api, Scheduler.of(sendThreads), settings.limits(), chat -> {
            closedChats.add(chat);
            justBlocked.add(chat);
        });
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
        // A summary titles each answer with the words of the question that asked it, as the running flow has them.
        Function<Answer, String> asked = answer -> live.current().flow().question(answer.node()).orElse(answer.variable());
        settings.ownerChatIds().forEach(owner -> sinks.add(new OwnerChatSink(outbox, owner, shown, asked)));
        sinks.add(leadsFile);
        sinks.addAll(crmSinks);
        // One worker per sink: a slow or broken sink never holds up another, nor the conversations.
        Consumer<String> alert = text -> settings.ownerChatIds().stream().filter(owner -> !closedChats.contains(owner)).forEach(owner ->
                outbox.enqueue(Outbox.Job.fromBot(owner, "sendMessage delivery alert", SendMessage.builder()
                        .chatId(owner).text(Html.escape(text)).parseMode(Replies.HTML).build(), id -> { }, failure -> { })));
        workers = sinks.stream().map(sink -> new DeliveryWorker(store, sink, clock, alert,
                BotTasks.of(username, threads.deliveries))).toList();
        Conversations conversations = new Conversations(store);
        // Deletions of a prospect's leads from the file happen on one thread, so they never race each other.
        Replies replies = new Replies(outbox, new ReplyLog(store));
        reloads = new FlowReloads(flowFile, live, store, outbox, settings.ownerChatIds(), threads.flowWatch,
                BotTasks.of(username, threads.work));
        ConsoleChat console = new ConsoleChat(new OwnerConsole(store, live::ownersZone),
                new OwnerStats(store.database(), flow.id(), api, statsThread, clock), outbox, api, consoleThread, clock, reloads, asked);
        // Managers' conversations with prospects, open across restarts.
        OpenDialogs dialogs = new OpenDialogs(store.dialogs().open());
        DialogRelay relay = new DialogRelay(new ProspectDialog(OwnerChats.of(settings.ownerChatIds()), dialogs, new ProspectDialog.Leads() {
            @Override
            public java.util.Optional<dev.leadbot.lead.Lead> lead(String id) throws StoreException {
                return store.leads().lead(id);
            }

            @Override
            public List<String> shownIn(long ownerChat, int messageId) throws StoreException {
                return store.ownerMessages().leadsShownIn(ownerChat, messageId);
            }
        }), dialogs, store.dialogs()::open);
        ChatRouter router = new ChatRouter(live, conversations, replies,
                lead -> workers.forEach(DeliveryWorker::wake), chat -> fileThread.execute(() -> forget(leadsFile, chat)),
                clock, closedChats, OwnerChats.of(settings.ownerChatIds()), console, relay);
        UpdateConsumer consumer = new UpdateConsumer(lanes, router, conversations, store, replies::send, outbox::heard, flow.id(),
                sinks.stream().map(LeadSink::name).toList(), Duration.ofSeconds(5), relay::reload);
        // Replies committed by an earlier run that stopped before sending them go first, in order.
        List<Outgoing> unsent = store.replies().unsent();
        if (!unsent.isEmpty()) {
            LOG.info("{} replies committed before the last stop were not sent yet; sending them now", unsent.size());
            replies.send(unsent);
        }
        // Deliveries left pending by an earlier run (a crash, a CRM down) go out now.
        workers.forEach(DeliveryWorker::wake);
        followUps = new FollowUpTicks(store, consumer, clock, justBlocked);
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollThread, PollingBackOff::new);
        Heartbeat heartbeat = new Heartbeat(settings.heartbeatFile(), clock);
        BotSession session = polling.registerBot(settings.token(), () -> url, offset -> {
            heartbeat.beat();
            return GetUpdates.builder().offset(offset + 1).limit(100).timeout(POLL_SECONDS)
                    .allowedUpdates(List.of("message", "callback_query")).build();
        }, consumer);
        // After a failed commit the poller must fetch the same updates again, past its own "already received" filter.
        consumer.rewindWith(offset -> session.getLastReceivedUpdate().set(offset));
        unreachableOwners = ownersChecked.join();
        // Reminders due while the bot was down go now (or are dropped when too late), then each at its time.
        followUps.start(sendThreads);
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
        } catch (TelegramApiException e) {
            String reason = String.valueOf(e.getMessage()).replace(settings.token(), "<token>");
            boolean refused = reason.contains("401") || reason.contains("Unauthorized");
            throw new BotStartException(refused
                    ? "Telegram refused the token (401 Unauthorized); check TELEGRAM_BOT_TOKEN against the one @BotFather gave you"
                    : "cannot reach the Bot API at " + settings.apiUrl() + ": " + reason, refused);
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
        return outbox.pending();
    }

    public String username() {
        return username;
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
        pollGate.cut();
        pollHttp.dispatcher().cancelAll();
    }

    /** Stops polling, lets in-flight updates finish, sends what is queued (up to 10 s), then stops every thread. */
    @Override
    public void close() {
        try {
            polling.close();
        } catch (Exception e) {
            LOG.warn("bot=@{}: stopping long polling: {}", username, e.toString());
        }
        // A socket read ignores thread interrupts; cancelling the call ends a long poll at once. The loop may
        // be just about to start its next poll, so keep cancelling until its thread has really stopped.
        pollThread.shutdown();
        long pollDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!pollThread.isTerminated() && System.nanoTime() < pollDeadline) {
            pollHttp.dispatcher().cancelAll();
            awaitQuietly(pollThread);
        }
        stop(pollThread);
        followUps.stop();
        try {
            if (!lanes.awaitIdle(TimeUnit.SECONDS.toMillis(15))) {
                LOG.warn("bot=@{}: updates still being handled at shutdown", username);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(fileThread);
        reloads.close();
        stop(consoleThread);
        statsThread.shutdownNow();
        workers.forEach(DeliveryWorker::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            sleep();
        }
        if (outbox.pending() > 0) {
            LOG.warn("bot=@{}: {} messages not sent at shutdown", username, outbox.pending());
        }
        pollHttp.dispatcher().executorService().shutdown();
        if (ownThreads) {
            threads.close();
        }
        LOG.info("bot=@{} stopped", username);
    }

    /** The store forgot the chat in the transaction of its /forget; the leads file follows (rewriting it again would change nothing). */
    private static void forget(JsonlFileSink leadsFile, long chat) {
        try {
            LOG.info("chat={} forgotten in the store, {} leads deleted from the leads file", chat, leadsFile.forget(chat));
        } catch (IOException e) {
            LOG.error("chat={} could not delete all its data: {}", chat, e.getMessage());
        }
    }

    /** Owner chats Telegram does not know for this bot: the owner never pressed Start, or blocked the bot. */
    private List<Long> checkOwners(BotApi api, List<Long> owners) {
        if (owners.isEmpty()) {
            LOG.warn("no owner chat configured: set LEADBOT_OWNER_CHAT_IDS to receive lead summaries in Telegram");
        }
        List<Long> unreachable = new java.util.ArrayList<>();
        for (long owner : owners) {
            try {
                api.execute(GetChat.builder().chatId(owner).build());
            } catch (TelegramApiException e) {
                unreachable.add(owner);
                LOG.warn("owner chat {} cannot receive lead summaries ({}): open @{} in Telegram from that account and press Start",
                        owner, e.getMessage(), username);
            }
        }
        return List.copyOf(unreachable);
    }

    static int port(TelegramSettings settings) {
        int port = settings.apiUrl().getPort();
        return port > 0 ? port : "http".equals(settings.apiUrl().getScheme()) ? 80 : 443;
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("threads still busy at shutdown: {}", executor);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
