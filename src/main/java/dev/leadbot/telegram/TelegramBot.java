package dev.leadbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.console.OwnerMenu;
import dev.leadbot.lead.Answer;
import dev.leadbot.routing.ChatPort;
import dev.leadbot.routing.FlowReloads;
import dev.leadbot.routing.UpdateConsumer;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.OwnerMessageStore;
import dev.leadbot.store.ReplyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * One bot in Telegram: the Bot API client, the outbox and its flood limits, the long poll, and the threads named after the
 * bot. What the bot does with an update is the routing's; this only carries updates in and calls out, and owns every
 * thread and HTTP client it starts (the shared ones are {@link BotThreads}'s).
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    /** The first call's limit: a silent Bot API is reported after this, not after a long poll's half minute. */
    private static final Duration FIRST_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final TelegramSettings settings;
    private final BotThreads threads;
    private final TelegramUrl url;
    private final BotApi api;
    private final String username;
    private final BotTasks tasks;
    private final ScheduledExecutorService sendThreads;
    private final OkHttpClient pollHttp;
    /** The long poll blocks its thread for up to 30 s: every bot has one of its own (and no other thread of its own but its sinks'). */
    private final ScheduledExecutorService pollThread;
    private final PollingFailures pollGate;
    private final Outbox outbox;
    private final CompletableFuture<List<Long>> ownersChecked;
    private TelegramBotsLongPollingApplication polling;

    private TelegramBot(TelegramSettings settings, BotThreads threads, Runnable revoked, LongConsumer blocked)
            throws TelegramApiException, InterruptedException {
        this.settings = settings;
        this.threads = threads;
        url = new TelegramUrl(settings.apiUrl().getScheme(), settings.apiUrl().getHost(), port(settings), false);
        api = new BotApi(new OkHttpTelegramClient(threads.sendHttp, settings.token(), url), settings.token());
        // A Bot API that does not answer is said within seconds, with its cause, and tried again until it does.
        BotApi firstCall = new BotApi(new OkHttpTelegramClient(threads.sendHttp.newBuilder().callTimeout(FIRST_CALL_TIMEOUT).build(),
                settings.token(), url), settings.token());
        username = FirstContact.username(firstCall, settings.apiUrl(), FirstContact.Pause.ofThisThread(), LOG::warn);
        // From here each line this bot logs names it: its thread is named after it (start() gives the name back).
        BotTasks.nameCallingThread(username);
        tasks = BotTasks.of(username, threads.work);
        sendThreads = BotTasks.of(username, threads.send);
        pollThread = Executors.newSingleThreadScheduledExecutor(BotThreads.named(BotTasks.botName(username) + "/telegram-poll"));
        // Its own dispatcher, so that stopping this bot cancels its long poll and no other bot's.
        pollGate = new PollingFailures(settings.token(), revoked);
        pollHttp = threads.pollHttp.newBuilder().dispatcher(new Dispatcher()).addInterceptor(pollGate).build();
        api.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        // The commands menu and the owner check need not hold up the first poll: they run beside the rest of the start.
        ownersChecked = CompletableFuture.supplyAsync(this::menusAndOwners, sendThreads);
        outbox = new Outbox(api, Scheduler.of(sendThreads), settings.limits(), blocked);
    }

    /**
     * Connects, checks the token with getMe and starts setting the commands menus; polling starts with {@link #poll}.
     *
     * @param revoked told once, on the poller's thread, when Telegram answers getUpdates with 401: the token was revoked
     * @param blocked told of each chat whose prospect blocked the bot, as a call to it is refused
     * @throws BotStartException when the Bot API refuses the token or cannot be reached
     */
    public static TelegramBot connect(TelegramSettings settings, BotThreads threads, Runnable revoked, LongConsumer blocked)
            throws BotStartException {
        try {
            return new TelegramBot(settings, threads, revoked, blocked);
        } catch (TelegramApiException e) {
            throw failed(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotStartException("the start was called off while waiting for the Bot API at " + settings.apiUrl());
        }
    }

    private static BotStartException failed(TelegramSettings settings, TelegramApiException e) {
        String reason = String.valueOf(e.getMessage()).replace(settings.token(), "<token>");
        boolean refused = e instanceof TelegramApiRequestException request ? FirstContact.tokenRefused(request)
                : reason.contains("401") || reason.contains("Unauthorized");
        return new BotStartException(refused
                ? "Telegram refused the token (401 Unauthorized); check TELEGRAM_BOT_TOKEN against the one @BotFather gave you"
                : "cannot reach the Bot API at " + settings.apiUrl() + ": " + reason, refused);
    }

    private List<Long> menusAndOwners() {
        List<BotCommand> prospects = List.of(new BotCommand("start", "Начать / start"),
                new BotCommand("back", "Шаг назад / one step back"), new BotCommand("restart", "Начать заново / start over"),
                new BotCommand("forget", "Удалить мои данные / delete my data"));
        try {
            api.execute(SetMyCommands.builder().commands(prospects).build());
        } catch (TelegramApiException e) {
            LOG.warn("the commands menu was not set: {}", e.getMessage());
        }
        List<Long> unreachable = checkOwners(settings.ownerChatIds());
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
    }

    /** Owner chats Telegram does not know for this bot: the owner never pressed Start, or blocked the bot. */
    private List<Long> checkOwners(List<Long> owners) {
        if (owners.isEmpty()) {
            LOG.warn("no owner chat configured: set LEADBOT_OWNER_CHAT_IDS to receive lead summaries in Telegram");
        }
        List<Long> unreachable = new ArrayList<>();
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

    public String username() {
        return username;
    }

    /**
     * @param asked the words of the question that asked an answer, as the running flow has them: a summary's titles
     * @param store which message shows which step of a chat
     */
    public ChatPort chats(Function<Answer, String> asked, ReplyStore store) {
        return new TelegramChats(outbox, api, asked, new ReplyLog(store));
    }

    /** Where committed replies go: each chat's in order; each leaves the store once sent or given up on. */
    public Consumer<List<Outgoing>> replies(ReplyStore store) {
        return new Replies(outbox, new ReplyLog(store))::send;
    }

    /** Every lead's summary in an owner chat, several gathered into a digest; {@code shown} records which leads a message shows. */
    public LeadSink ownerChat(long owner, Consumer<OwnerMessageStore.OwnerMessage> shown, Function<Answer, String> asked) {
        return new OwnerChatSink(outbox, owner, shown, asked);
    }

    /** A delivery alert to an owner chat, from the bot: the bulk lane; one that cannot be sent is let go. */
    public void alert(long owner, String text) {
        outbox.enqueue(Outbox.Job.fromBot(owner, "sendMessage delivery alert", SendMessage.builder()
                .chatId(owner).text(Html.escape(text)).parseMode(Replies.HTML).build(), id -> { }, failure -> { }));
    }

    /** The chat wrote: the bot's messages to it are replies, not bulk. */
    public void heard(long chat) {
        outbox.heard(chat);
    }

    /** The bot's share of the threads for its chats' updates, each task on a thread named after the bot. */
    public ExecutorService chatThreads() {
        return BotTasks.of(username, threads.chat);
    }

    /** A thread of the bot's own: its tasks run one at a time, in order, on the shared work threads. */
    public ExecutorService serialThread() {
        return new SerialLane(tasks);
    }

    /** The bot's share of the scheduled threads (the outbox's and the follow-ups'). */
    public ScheduledExecutorService scheduledThreads() {
        return sendThreads;
    }

    /** The bot's share of the sinks' delivery threads. */
    public ScheduledExecutorService deliveryThreads() {
        return BotTasks.of(username, threads.deliveries);
    }

    /** Changes of a file on disk, heard by the watcher all bots share and read under this bot's name. */
    public FlowReloads.Watch fileWatch() {
        return (file, changed) -> threads.flowWatch.watch(file, tasks.named(changed));
    }

    /** Starts the long poll: each batch of updates goes to {@code consumer}; each poll beats the heartbeat file. */
    public void poll(UpdateConsumer consumer, Clock clock) throws BotStartException {
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollThread, PollingBackOff::new);
        Heartbeat heartbeat = new Heartbeat(settings.heartbeatFile(), clock);
        BotSession session;
        try {
            session = polling.registerBot(settings.token(), () -> url, offset -> {
                heartbeat.beat();
                return GetUpdates.builder().offset(offset + 1).limit(100).timeout(BotThreads.POLL_SECONDS)
                        .allowedUpdates(List.of("message", "callback_query")).build();
            }, new PolledUpdates(consumer));
        } catch (TelegramApiException e) {
            throw failed(settings, e);
        }
        // After a failed commit the poller must fetch the same updates again, past its own "already received" filter.
        consumer.rewindWith(offset -> session.getLastReceivedUpdate().set(offset));
    }

    /** Owner chats found at start-up that cannot receive summaries yet; each was logged with how to fix it. */
    public List<Long> unreachableOwners() {
        return ownersChecked.join();
    }

    /** Calls to Telegram queued or under way, across all chats: none once what was committed has been sent or given up. */
    public int pendingCalls() {
        return outbox.pending();
    }

    /**
     * Stops polling at once, without waiting for anything: the long poll under way is cancelled and no other getUpdates leaves.
     * What was received is still handled; {@link #stopPolling()} and {@link #close()} finish the stop.
     */
    public void cutPolling() {
        pollGate.cut();
        pollHttp.dispatcher().cancelAll();
    }

    /** Stops the long poll and waits (up to 15 s) until its thread has really stopped; updates received are still handled. */
    public void stopPolling() {
        try {
            if (polling != null) {
                polling.close();
            }
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
        BotThreads.stop(pollThread);
    }

    /** Sends what is queued (up to 10 s), then lets the poll's HTTP threads go. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            sleep();
        }
        if (outbox.pending() > 0) {
            LOG.warn("bot=@{}: {} messages not sent at shutdown", username, outbox.pending());
        }
        pollHttp.dispatcher().executorService().shutdown();
    }

    static int port(TelegramSettings settings) {
        int port = settings.apiUrl().getPort();
        return port > 0 ? port : "http".equals(settings.apiUrl().getScheme()) ? 80 : 443;
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
