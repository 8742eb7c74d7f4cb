package dev.leadbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A local Telegram Bot API on loopback for end-to-end tests: the methods leadbot uses, with the
 * checks real Telegram makes (text length, HTML, callback data, "not modified", flood control,
 * blocked chats) and its JSON error shape, plus switches to inject 429s, 5xx and slow answers.
 * Tests act as users through {@link #user}.
 *
 * <p>Flood control as Telegram describes it (Bot FAQ; its engineer on tdlib/td#3034 and
 * tdlib/telegram-bot-api#648): each chat takes a short burst (5 messages) and then about one a
 * second, sends and edits alike; messages the bot starts itself, which the fake recognises as
 * messages to a chat whose user has not written (sent a message or pressed a button) in the last
 * {@link #RECENT}, are also capped at 30 a second across all chats; replies to chats in
 * conversation have no overall cap; {@code answerCallbackQuery} and {@code sendChatAction} are
 * free. Above a limit the call gets a 429 with a {@code retry_after} of the whole seconds until it
 * would pass (at least 1). Telegram's accounting is not exact to the millisecond, and neither is the
 * network between: a call passes when it is within a tenth of a refill of its turn. Tests of whole
 * conversations may speed the clock of these limits up ({@link #floodLimits}); benchmarks keep them.
 *
 * <p>One long poll per token, as Telegram's Bot API server keeps it ({@code Client::do_get_updates} in
 * tdlib/telegram-bot-api): a getUpdates arriving while another waits for the same bot ends the older one at once with
 * {@code 409 Conflict: terminated by other getUpdates request; make sure that only one bot instance is running}, and the
 * newer one waits in its place. The fake counts every such {@link Conflict}, naming the {@link #entrance} each poll came
 * through. Like Telegram, it cannot know whether anybody still waits for the older poll's answer: a poll left behind by a
 * killed process, or cancelled by a bot stopped cleanly, is ended with the same 409, which only nobody reads.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "1234567:AAFakeTokenForLocalTestsOnly_abcdefghij";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;
    /** How long the seconds of a 429's retry_after last: a second, unless a test speeds the clock up. */
    private long second = SECOND;
    static final Duration RECENT = Duration.ofSeconds(60);

    /** Hears what happens in the fake, for benchmarks; called under the fake's lock, so it must be quick. */
    public interface Watcher {
        /** The bot asked for updates. */
        default void polled(long nanos) {
        }

        /** The bot asked for updates through this {@link #entrance} ({@link #URL} for {@link #url}); by default {@link #polled(long)}. */
        default void polled(String entrance, long nanos) {
            polled(nanos);
        }

        /** An update of this chat was handed to the bot for the first time. */
        default void handedOver(long chatId, long nanos) {
        }

        /** The bot's message call (a send or an edit) in this chat was accepted; {@code message} is as it stands now. */
        default void accepted(long chatId, String method, BotMessage message, long nanos) {
        }
    }

    /** The name of the entrance {@link #url} is: calls made there come "through the url". */
    public static final String URL = "url";
    private static final String CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    /** A getUpdates ended with 409 because another came for the same bot: the entrances the older and the newer came through. */
    public record Conflict(String superseded, String by) {
    }

    /** A getUpdates waiting for updates, and whether a newer one for the same bot ended it. */
    private static final class Poll {
        private final String entrance;
        private boolean superseded;

        private Poll(String entrance) {
            this.entrance = entrance;
        }
    }

    private final HttpServer server;
    /** The further addresses of this server, by name ({@link #entrance}); shared by every bot it serves. */
    private final Map<String, HttpServer> entrances;
    private final ExecutorService threads;
    /** Every bot this server answers for, by token: this one and those added with {@link #anotherBot}. Shared by them all. */
    private final Map<String, FakeBotApi> served;
    private final boolean ownsServer;
    private final String token;
    private final String username;
    private final long botId;
    /** The token was revoked in @BotFather: every call with it is answered 401. */
    private boolean revoked;
    /** The long poll Telegram holds for this bot, if one waits. */
    private Poll waiting;
    private final List<Conflict> conflicts = new ArrayList<>();
    private String lastPolledThrough;
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<ObjectNode> history = new ArrayList<>();
    private final Map<Long, List<BotMessage>> chats = new HashMap<>();
    private final Map<Long, List<BotPhoto>> photos = new HashMap<>();
    private final Map<Long, List<BotDocument>> documents = new HashMap<>();
    private final Map<Long, List<String>> chatCommands = new HashMap<>();
    private final Map<String, Optional<String>> callbacks = new HashMap<>();
    private final Set<Long> startedChats = new HashSet<>();
    private final Set<Long> blocked = new HashSet<>();
    /** Flood budgets as {nanoseconds of credit, last refill}: a call costs one refill of its chat, and of the bulk lane. */
    private final Map<Long, long[]> chatBudgets = new HashMap<>();
    private long[] bulkBudget;
    private int chatBurst;
    private long chatCost;
    private long bulkCost;
    private int bulkBurst;
    private final Map<Long, Long> lastWrote = new HashMap<>();
    private final Map<Integer, Long> updateChats = new HashMap<>();
    private final Set<Integer> handedOver = new HashSet<>();
    private Watcher watcher = new Watcher() { };
    private int messageCalls;
    /** The clock of flood control alone; a test may stop it, so that no budget refills while it runs. */
    private LongSupplier floodClock = System::nanoTime;
    private final List<String> calls = new ArrayList<>();
    private final List<Hold> holds = new ArrayList<>();
    private int nextUpdateId = 1;
    private int nextMessageId = 1;
    private int failures;
    private int failureCode;
    private int forcedRateLimits;
    private long slowMillis;
    private int rateLimited;
    private int forbidden;
    private List<String> commands = List.of();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs
        // every small exchange would stall ~40 ms, and the fake, not the bot, would set the pace.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeBotApi() throws IOException {
        this(0);
    }

    /** Served on this loopback port (0: any free one), as {@link FakeBotApiServer} serves on the port it is given. */
    FakeBotApi(int port) throws IOException {
        threads = Executors.newCachedThreadPool();
        served = new java.util.concurrent.ConcurrentHashMap<>();
        entrances = new java.util.concurrent.ConcurrentHashMap<>();
        ownsServer = true;
        token = TOKEN;
        username = "test_lead_bot";
        botId = 123456789L;
        served.put(token, this);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> route(exchange, URL));
        server.setExecutor(threads);
        floodLimits(5, Duration.ofSeconds(1), 30);
        server.start();
    }

    private FakeBotApi(FakeBotApi host, String token, String username, long botId) {
        this.server = host.server;
        this.entrances = host.entrances;
        this.threads = host.threads;
        this.served = host.served;
        this.ownsServer = false;
        this.token = token;
        this.username = username;
        this.botId = botId;
        floodLimits(5, Duration.ofSeconds(1), 30);
    }

    /**
     * Another bot served at the same address, as Telegram serves every bot: calls with its token
     * ({@code /bot<token>/method}) reach its own chats, updates and flood budgets, and nothing of this one's.
     */
    public FakeBotApi anotherBot(String token, String username) {
        FakeBotApi bot = new FakeBotApi(this, token, username, 100_000_000L + served.size());
        if (served.putIfAbsent(token, bot) != null) {
            throw new IllegalArgumentException("the fake already serves a bot with this token");
        }
        return bot;
    }

    /** The bot's own user id, as getMe tells it: the sender of its messages. */
    long botId() {
        return botId;
    }

    /** The token of this bot, as @BotFather gave it. */
    public String token() {
        return token;
    }

    /** The token is revoked in @BotFather: from now on every call with it is answered 401 Unauthorized. */
    public synchronized void revoke() {
        revoked = true;
        notifyAll();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Another address of this server (a port of its own on loopback), serving every bot as {@link #url} does, so that the
     * fake knows which client made a call: Telegram sees each machine's connections come from its own address, and a test
     * running several instances of the service on one machine gives each its own entrance, named after it. The same name
     * gives the same address.
     */
    public URI entrance(String name) throws IOException {
        if (name.equals(URL)) {
            throw new IllegalArgumentException("'" + URL + "' is the name of url() itself");
        }
        synchronized (entrances) {
            HttpServer door = entrances.get(name);
            if (door == null) {
                door = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                door.createContext("/", exchange -> route(exchange, name));
                door.setExecutor(threads);
                door.start();
                entrances.put(name, door);
            }
            return URI.create("http://127.0.0.1:" + door.getAddress().getPort());
        }
    }

    public FakeUser user(long id, String firstName) {
        return new FakeUser(this, id, firstName);
    }

    // ---- switches for bad conditions ----

    /** The next {@code count} calls of any method answer {@code code} (502, 500…). */
    public synchronized void failNext(int count, int code) {
        failures = count;
        failureCode = code;
    }

    /** The next {@code count} counted sends answer 429 with retry_after 1, as in a flood. */
    public synchronized void rateLimitNext(int count) {
        forcedRateLimits = count;
    }

    /**
     * Telegram's flood control with its clock sped up or not: {@code chatBurst} messages at once to a
     * chat, then one per {@code chatRefill}; {@code bulkPerSecond} for bulk. Telegram's: 5, 1 s, 30.
     */
    public synchronized void floodLimits(int chatBurst, Duration chatRefill, int bulkPerSecond) {
        floodLimits(chatBurst, chatRefill, bulkPerSecond, Duration.ofSeconds(1));
    }

    /** The same, with the seconds a 429's {@code retry_after} counts lasting {@code second}: the whole clock sped up. */
    public synchronized void floodLimits(int chatBurst, Duration chatRefill, int bulkPerSecond, Duration second) {
        this.second = second.toNanos();
        this.chatBurst = chatBurst;
        this.chatCost = chatRefill.toNanos();
        this.bulkBurst = bulkPerSecond;
        this.bulkCost = SECOND / bulkPerSecond;
        this.bulkBudget = new long[] {bulkBurst * bulkCost, floodClock.getAsLong()};
        chatBudgets.clear();
    }

    /** Flood control reads this clock from now on (a stopped one: budgets never refill). */
    public synchronized void floodClock(LongSupplier nanos) {
        floodClock = nanos;
        floodLimits(chatBurst, Duration.ofNanos(chatCost), bulkBurst);
    }

    /** Hears handed-over updates and accepted calls from now on. */
    public synchronized void watch(Watcher watcher) {
        this.watcher = watcher;
    }

    /** Every answer waits this long first. */
    public synchronized void slowDown(Duration delay) {
        slowMillis = delay.toMillis();
    }

    /** Queues every update ever sent again, with its original id, as Telegram does when it was never confirmed. */
    public synchronized void redeliverEverything() {
        updates.clear();
        updates.addAll(history);
        notifyAll();
    }

    /** How many bot-sent messages there are in all chats. */
    public synchronized int botMessageCount() {
        return (int) chats.values().stream().flatMap(List::stream).filter(BotMessage::fromBot).count();
    }

    /**
     * Update ids go on from {@code first}: a bot that kept its polling offset from an earlier run of the fake (in its database)
     * confirms only ids below it, so a new run numbering above it is heard.
     */
    synchronized void numberUpdatesFrom(int first) {
        nextUpdateId = first;
    }

    /** This chat opened the bot and pressed Start some time ago, so getChat knows it. */
    public synchronized void startedEarlier(long chatId) {
        startedChats.add(chatId);
    }

    public synchronized void block(long chatId) {
        blocked.add(chatId);
    }

    /**
     * A call held unanswered and unrecorded, as one the network has not delivered yet: a test kills the bot while it
     * waits, and knows Telegram never saw it.
     */
    public final class Hold {
        private final String method;
        private final long chatId;
        private boolean arrived;
        private boolean released;

        private Hold(String method, long chatId) {
            this.method = method;
            this.chatId = chatId;
        }

        /** Waits until the bot made the call. */
        public void awaitArrived() {
            synchronized (FakeBotApi.this) {
                long deadline = System.nanoTime() + 60 * SECOND;
                while (!arrived) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(method + " to chat " + chatId + " never came");
                    }
                    waitQuietly(100);
                }
            }
        }

        /** Lets the held call end, unrecorded, with a 502: its caller is gone by then. */
        public void release() {
            synchronized (FakeBotApi.this) {
                released = true;
                FakeBotApi.this.notifyAll();
            }
        }
    }

    /** Holds the next call of {@code method} to {@code chatId} (see {@link Hold}). */
    public synchronized Hold hold(String method, long chatId) {
        Hold hold = new Hold(method.toLowerCase(Locale.ROOT), chatId);
        holds.add(hold);
        return hold;
    }

    /** If a hold waits for this call: marks it arrived and keeps the call until the hold is released; then true. */
    private synchronized boolean held(String method, JsonNode body) throws InterruptedException {
        long chatId = body == null ? 0 : body.path("chat_id").asLong();
        Optional<Hold> hold = holds.stream().filter(h -> !h.arrived && h.method.equals(method) && h.chatId == chatId).findFirst();
        if (hold.isEmpty()) {
            return false;
        }
        hold.get().arrived = true;
        notifyAll();
        while (!hold.get().released) {
            wait(100);
        }
        return true;
    }

    // ---- what tests look at ----

    public synchronized List<BotMessage> messages(long chatId) {
        return List.copyOf(chats.getOrDefault(chatId, List.of()));
    }

    public synchronized List<BotMessage> botMessages(long chatId) {
        return chats.getOrDefault(chatId, List.of()).stream().filter(BotMessage::fromBot).toList();
    }

    /** Photos the bot sent to the chat, in order. */
    public synchronized List<BotPhoto> photos(long chatId) {
        return List.copyOf(photos.getOrDefault(chatId, List.of()));
    }

    public synchronized Optional<String> callbackAnswer(String queryId) {
        return callbacks.getOrDefault(queryId, Optional.empty());
    }

    public synchronized boolean callbackAnswered(String queryId) {
        return callbacks.containsKey(queryId);
    }

    /** The command menu everyone sees who has none of their own. */
    public synchronized List<String> commands() {
        return commands;
    }

    /** The command menu a chat sees: its own (setMyCommands with a chat scope), or everyone's. */
    public synchronized List<String> commands(long chatId) {
        return chatCommands.getOrDefault(chatId, commands);
    }

    /** Documents the bot sent to the chat, in order. */
    public synchronized List<BotDocument> documents(long chatId) {
        return List.copyOf(documents.getOrDefault(chatId, List.of()));
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** How many sends were refused with 403 because the chat blocked the bot. */
    public synchronized int forbidden() {
        return forbidden;
    }

    /** Waits until {@code condition} holds of the fake as a whole. */
    public synchronized void awaitState(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60 * SECOND;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake Bot API never reached the expected state");
            }
            waitQuietly(100);
        }
    }

    /** Every getUpdates of this bot ended by a newer one (409 Conflict), in order. */
    public synchronized List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    /** The entrance this bot's latest getUpdates came through ({@link #URL}, or a name given to {@link #entrance}); empty before any. */
    public synchronized Optional<String> lastPolledThrough() {
        return Optional.ofNullable(lastPolledThrough);
    }

    /** How many 429s the fake has answered, forced or earned. */
    public synchronized int rateLimited() {
        return rateLimited;
    }

    /** How many message calls (sends and edits) reached the flood check, 429s included. */
    public synchronized int messageCalls() {
        return messageCalls;
    }

    /** Waits until the chat's bot messages satisfy {@code condition}; the timeout only guards against a hang. */
    public synchronized List<BotMessage> await(long chatId, Predicate<List<BotMessage>> condition) {
        long deadline = System.nanoTime() + 60 * SECOND;
        while (!condition.test(botMessages(chatId))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("chat " + chatId + " never got there; bot messages: " + botMessages(chatId));
            }
            waitQuietly(Math.max(1, left / 1_000_000));
        }
        return botMessages(chatId);
    }

    /** Waits until every update was fetched and confirmed by the bot's next getUpdates. */
    public synchronized void awaitAllUpdatesConfirmed() {
        long deadline = System.nanoTime() + 60 * SECOND;
        while (!updates.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("updates never confirmed: " + updates.size());
            }
            waitQuietly(100);
        }
    }

    // ---- users' side, used by FakeUser ----

    synchronized void addUpdate(ObjectNode update, long chatId, BotMessage userMessage) {
        update.put("update_id", nextUpdateId++);
        updateChats.put(update.path("update_id").asInt(), chatId);
        lastWrote.put(chatId, floodClock.getAsLong());
        updates.add(update);
        history.add(update);
        if (userMessage != null) {
            chats.computeIfAbsent(chatId, c -> new ArrayList<>()).add(userMessage);
        }
        startedChats.add(chatId);
        blocked.remove(chatId);
        notifyAll();
    }

    synchronized int nextMessageId() {
        return nextMessageId++;
    }

    synchronized void expectCallback(String queryId) {
        callbacks.remove(queryId);
    }

    // ---- the HTTP side ----

    /** Hands the call to the bot whose token it carries; an unknown or revoked token gets Telegram's 401. */
    private void route(HttpExchange exchange, String entrance) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        FakeBotApi bot = path.length == 3 && path[1].startsWith("bot") ? served.get(path[1].substring(3)) : null;
        if (bot == null || bot.isRevoked()) {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 401, error(401, "Unauthorized", 0));
            }
            return;
        }
        bot.serve(exchange, path, entrance);
    }

    private synchronized boolean isRevoked() {
        return revoked;
    }

    private void serve(HttpExchange exchange, String[] path, String entrance) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Optional<FakeMultipart> upload = FakeMultipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), bytes);
            JsonNode body = upload.isPresent() ? JSON.valueToTree(upload.get().fields()) : JSON.readTree(bytes);
            String method = path[2].toLowerCase(Locale.ROOT);
            long slow;
            synchronized (this) {
                calls.add(method);
                slow = slowMillis;
            }
            if (slow > 0 && !method.equals("getupdates")) {
                Thread.sleep(slow);
            }
            if (held(method, body)) {
                respond(exchange, 502, error(502, "Bad Gateway", 0));
                return;
            }
            ObjectNode answer = upload.isPresent() && method.equals("sendphoto") ? sendPhoto(upload.get())
                    : upload.isPresent() && method.equals("senddocument") ? sendDocument(upload.get())
                    : answer(method, body == null || body.isMissingNode() ? JSON.createObjectNode() : body, entrance);
            respond(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode answer(String method, JsonNode body, String entrance) throws InterruptedException {
        synchronized (this) {
            if (failures > 0) {
                failures--;
                return error(failureCode, failureCode == 502 ? "Bad Gateway" : "Internal Server Error", 0);
            }
        }
        return switch (method) {
            case "getme" -> ok(JSON.createObjectNode().put("id", botId).put("is_bot", true).put("first_name", "Lead Bot")
                    .put("username", username));
            case "deletewebhook" -> ok(JSON.getNodeFactory().booleanNode(true));
            case "setmycommands" -> setCommands(body);
            case "getchat" -> getChat(body.path("chat_id").asLong());
            case "getupdates" -> getUpdates(body.path("offset").asInt(0), body.path("limit").asInt(100), body.path("timeout").asInt(0),
                    entrance);
            case "sendmessage" -> send(body);
            case "copymessage" -> copy(body);
            case "editmessagetext", "editmessagereplymarkup" -> edit(method, body);
            case "answercallbackquery" -> answerCallback(body);
            case "sendchataction" -> ok(JSON.getNodeFactory().booleanNode(true));
            default -> error(404, "Not Found", 0);
        };
    }

    /** Everyone's menu, or with {@code scope: {type: chat}} one chat's. */
    private synchronized ObjectNode setCommands(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("commands").forEach(c -> names.add(c.path("command").asText()));
        JsonNode scope = body.path("scope");
        String type = scope.path("type").asText("default");
        if (type.equals("chat")) {
            chatCommands.put(scope.path("chat_id").asLong(), List.copyOf(names));
        } else if (type.equals("default")) {
            commands = List.copyOf(names);
        } else {
            return error(400, "Bad Request: scope " + type + " is not modelled by the fake", 0);
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private synchronized ObjectNode getChat(long chatId) {
        return startedChats.contains(chatId) ? ok(JSON.createObjectNode().put("id", chatId).put("type", "private"))
                : error(400, "Bad Request: chat not found", 0);
    }

    private synchronized ObjectNode getUpdates(int offset, int limit, int timeoutSeconds, String entrance) throws InterruptedException {
        watcher.polled(entrance, System.nanoTime());
        lastPolledThrough = entrance;
        if (waiting != null) {
            waiting.superseded = true;
            conflicts.add(new Conflict(waiting.entrance, entrance));
            notifyAll();
        }
        Poll poll = new Poll(entrance);
        waiting = poll;
        updates.removeIf(u -> u.path("update_id").asInt() < offset);
        long deadline = System.nanoTime() + Math.min(timeoutSeconds, 25) * SECOND;
        while (updates.isEmpty() && !revoked && !poll.superseded && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        if (waiting == poll) {
            waiting = null;
        }
        if (poll.superseded) {
            return error(409, CONFLICT, 0);
        }
        ArrayNode result = JSON.createArrayNode();
        long now = System.nanoTime();
        updates.stream().limit(Math.max(1, limit)).forEach(update -> {
            result.add(update);
            int id = update.path("update_id").asInt();
            if (handedOver.add(id)) {
                watcher.handedOver(updateChats.getOrDefault(id, 0L), now);
            }
        });
        notifyAll();
        return ok(result);
    }

    private synchronized ObjectNode send(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        Optional<ObjectNode> refused = refuse(chatId, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        String html = body.path("text").asText();
        String text;
        try {
            text = FakeHtml.visibleText(html);
        } catch (FakeHtml.ParseError e) {
            return error(400, e.getMessage(), 0);
        }
        if (text.isEmpty() || text.length() > 4096) {
            return error(400, text.isEmpty() ? "Bad Request: message text is empty" : "Bad Request: message is too long", 0);
        }
        BotMessage message = new BotMessage(nextMessageId++, true, text, html, markup(body), 0, System.nanoTime());
        chats.computeIfAbsent(chatId, c -> new ArrayList<>()).add(message);
        watcher.accepted(chatId, "sendmessage", message, message.sentAtNanos());
        notifyAll();
        return ok(JSON.createObjectNode().put("message_id", message.id()).put("date", 1_700_000_000)
                .put("text", text).set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private")));
    }

    /**
     * Telegram's copyMessage: a message of {@code from_chat_id} (a user's or the bot's) appears in {@code chat_id} as the
     * bot's, with the same content and the buttons given, if any; the answer is only its id.
     */
    private synchronized ObjectNode copy(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        long from = body.path("from_chat_id").asLong();
        int id = body.path("message_id").asInt();
        Optional<BotMessage> original = chats.getOrDefault(from, List.of()).stream().filter(m -> m.id() == id).findFirst();
        if (original.isEmpty()) {
            return error(400, "Bad Request: message to copy not found", 0);
        }
        Optional<ObjectNode> refused = refuse(chatId, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        BotMessage copy = new BotMessage(nextMessageId++, true, original.get().text(), original.get().html(), markup(body), 0,
                System.nanoTime());
        chats.computeIfAbsent(chatId, c -> new ArrayList<>()).add(copy);
        watcher.accepted(chatId, "copymessage", copy, copy.sentAtNanos());
        notifyAll();
        return ok(JSON.createObjectNode().put("message_id", copy.id()));
    }

    /** Where an accepted upload is kept: its message id, its file and file name, and its caption as read and as sent. */
    private interface Kept {
        void keep(long chatId, int id, byte[] file, String fileName, String caption, String html);
    }

    private synchronized ObjectNode sendPhoto(FakeMultipart upload) {
        return upload(upload, "photo", "Bad Request: there is no photo in the request", (chatId, id, file, name, caption, html) ->
                photos.computeIfAbsent(chatId, c -> new ArrayList<>()).add(new BotPhoto(id, caption, html, file)));
    }

    private synchronized ObjectNode sendDocument(FakeMultipart upload) {
        return upload(upload, "document", "Bad Request: file must be non-empty", (chatId, id, file, name, caption, html) ->
                documents.computeIfAbsent(chatId, c -> new ArrayList<>()).add(new BotDocument(id, name, file, caption)));
    }

    /** Telegram's checks for an upload: a non-empty file, a caption of at most 1,024 characters in valid HTML. */
    private ObjectNode upload(FakeMultipart upload, String field, String missing, Kept kept) {
        long chatId = Long.parseLong(upload.fields().getOrDefault("chat_id", "0"));
        Optional<ObjectNode> refused = refuse(chatId, JSON.valueToTree(upload.fields()));
        if (refused.isPresent()) {
            return refused.get();
        }
        // The file is its own part, named by "attach://NAME" in the field, or the field itself.
        String value = upload.fields().getOrDefault(field, "");
        String part = value.startsWith("attach://") ? value.substring("attach://".length()) : field;
        byte[] file = upload.files().get(part);
        if (file == null || file.length == 0) {
            return error(400, missing, 0);
        }
        String html = upload.fields().getOrDefault("caption", "");
        String caption;
        try {
            caption = upload.fields().containsKey("parse_mode") ? FakeHtml.visibleText(html) : html;
        } catch (FakeHtml.ParseError e) {
            return error(400, e.getMessage(), 0);
        }
        if (caption.length() > 1024) {
            return error(400, "Bad Request: message caption is too long", 0);
        }
        int id = nextMessageId++;
        kept.keep(chatId, id, file, upload.fileNames().getOrDefault(part, ""), caption, html);
        notifyAll();
        return ok(JSON.createObjectNode().put("message_id", id).put("date", 1_700_000_000).put("caption", caption)
                .set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private")));
    }

    private synchronized ObjectNode edit(String method, JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        Optional<ObjectNode> refused = refuse(chatId, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<BotMessage> chat = chats.getOrDefault(chatId, new ArrayList<>());
        int id = body.path("message_id").asInt();
        int index = -1;
        for (int i = 0; i < chat.size(); i++) {
            if (chat.get(i).id() == id && chat.get(i).fromBot()) {
                index = i;
            }
        }
        if (index < 0) {
            return error(400, "Bad Request: message to edit not found", 0);
        }
        BotMessage old = chat.get(index);
        String html = method.equals("editmessagetext") ? body.path("text").asText() : old.html();
        String text;
        try {
            text = FakeHtml.visibleText(html);
        } catch (FakeHtml.ParseError e) {
            return error(400, e.getMessage(), 0);
        }
        Optional<JsonNode> markup = markup(body);
        if (text.equals(old.text()) && markup.equals(old.markup())) {
            return error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the"
                    + " same as a current content and reply markup of the message", 0);
        }
        BotMessage edited = new BotMessage(id, true, text, html, markup, old.edits() + 1, old.sentAtNanos());
        chat.set(index, edited);
        watcher.accepted(chatId, method, edited, System.nanoTime());
        notifyAll();
        return ok(JSON.createObjectNode().put("message_id", id).put("date", 1_700_000_000).put("text", text)
                .set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private")));
    }

    private synchronized ObjectNode answerCallback(JsonNode body) {
        String id = body.path("callback_query_id").asText();
        if (!id.startsWith("cb")) {
            return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", 0);
        }
        callbacks.put(id, body.hasNonNull("text") ? Optional.of(body.path("text").asText()) : Optional.empty());
        notifyAll();
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    /** 403 for a blocked chat, 400 for bad callback data, 429 over the flood budget; else empty and the call is counted. */
    private Optional<ObjectNode> refuse(long chatId, JsonNode body) {
        if (blocked.contains(chatId)) {
            forbidden++;
            notifyAll();
            return Optional.of(error(403, "Forbidden: bot was blocked by the user", 0));
        }
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                int bytes = button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                if (bytes < 1 || bytes > 64) {
                    return Optional.of(error(400, "Bad Request: BUTTON_DATA_INVALID", 0));
                }
            }
        }
        messageCalls++;
        long now = floodClock.getAsLong();
        long[] chat = chatBudgets.computeIfAbsent(chatId, c -> new long[] {chatBurst * chatCost, now});
        Long wrote = lastWrote.get(chatId);
        boolean bulk = wrote == null || now - wrote > RECENT.toNanos();
        long chatWait = wait(chat, chatCost, chatBurst * chatCost, now);
        long bulkWait = bulk ? wait(bulkBudget, bulkCost, bulkBurst * bulkCost, now) : 0;
        if (forcedRateLimits > 0 || chatWait > 0 || bulkWait > 0) {
            forcedRateLimits = Math.max(0, forcedRateLimits - 1);
            rateLimited++;
            int seconds = (int) Math.max(1, (Math.max(chatWait, bulkWait) + second - 1) / second);
            return Optional.of(error(429, "Too Many Requests: retry after " + seconds, seconds));
        }
        chat[0] -= chatCost;
        if (bulk) {
            bulkBudget[0] -= bulkCost;
        }
        return Optional.empty();
    }

    /** Refills a budget {credit, last} to {@code now}; how long until a call costing {@code cost} passes (within a tenth of it). */
    private static long wait(long[] budget, long cost, long capacity, long now) {
        budget[0] = Math.min(capacity, budget[0] + Math.max(0, now - budget[1]));
        budget[1] = now;
        return Math.max(0, cost - cost / 10 - budget[0]);
    }

    private static Optional<JsonNode> markup(JsonNode body) {
        JsonNode markup = body.path("reply_markup");
        return markup.isMissingNode() || markup.isNull() ? Optional.empty() : Optional.of(markup);
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ok.set("result", result);
        return ok;
    }

    private static ObjectNode error(int code, String description, int retryAfter) {
        ObjectNode error = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter > 0) {
            error.set("parameters", JSON.createObjectNode().put("retry_after", retryAfter));
        }
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.stop(0);
            entrances.values().forEach(door -> door.stop(0));
            threads.shutdownNow();
        }
    }
}
