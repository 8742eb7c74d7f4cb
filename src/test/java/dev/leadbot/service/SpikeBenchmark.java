package dev.leadbot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.BotProcess;
import dev.leadbot.testing.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spike after an ad post, as a user would try it: N prospects arrive within a second and each
 * answers at a person's pace (1–3 s, random with a fixed seed, before every step), against
 * {@link FakeBotApi}, which enforces Telegram's flood control. The bot is the packaged jar in its
 * own process, started with the JVM options of the Dockerfile's entrypoint (its class-data archive
 * built here the same way), so its start and memory are measured as a user runs it. Prints the
 * time to the first poll; the felt latency of every turn (the update handed to the bot → the last
 * reply of that turn accepted) p50/p99; message calls (sends and edits) per lead on each path; the
 * share of 429s; each owner summary's lag behind its lead's last reply; and the bot's RSS. Run:
 * {@code mvn -q -B package -DskipTests && mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.telegram.SpikeBenchmark -Dexec.args=200}
 * (arguments: prospects, then optionally the seed and the seconds within which they arrive, default 1:
 * 200 arriving within 60 s is the "200 leads a minute"). {@code -Dleadbot.jvm="..."} tries other JVM options
 * instead of the Dockerfile's (an archive named in them is built first if missing).
 *
 * <p>A fourth argument runs that many bots in the one process (issue 14: a studio's clients), declared under
 * {@code bots:} in its settings file, each with its own token against the same fake, which serves them all;
 * the prospects are dealt out among the bots, each bot's owner is chat 1000 of that bot, and every bot has
 * Telegram's flood limits of its own. {@code -Dexec.args="1000 42 30 100"}: 100 bots × 10 prospects arriving
 * within 30 s. The report adds how long until every bot polled and the process's threads.
 */
public final class SpikeBenchmark {

    private static final Path JAR = Path.of("target/leadbot.jar");
    private static final Path ARCHIVE = Path.of("target/leadbot.jsa");
    private static final long MS = 1_000_000L;

    /** One move of a prospect and what shows it was answered: a message of the bot, sent or edited. */
    private record Step(Consumer<FakeUser> move, Predicate<BotMessage> answered) {
        static Step send(String text, String reply) {
            return new Step(user -> user.send(text), message -> message.text().contains(reply));
        }

        static Step tap(String label, String reply) {
            return new Step(user -> user.press(label), message -> message.text().contains(reply));
        }

        /** A tick in a checklist: answered when the message shows it ticked. */
        static Step tick(String label) {
            return new Step(user -> user.press(label), message -> message.buttons().stream().anyMatch(b -> b.startsWith("✅")
                    && b.contains(label)));
        }
    }

    private record Route(String name, List<Step> steps) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("owner", List.of(
                    Step.send("/start ad", "какой вариант вас лучше описывает"),
                    Step.tap("Я владелец бизнеса", "В какой сфере"),
                    Step.tap("B2B-компания", "Что для вас сейчас важнее всего?"),
                    Step.tap("Квалифицировать входящие заявки", "Давайте обсудим"),
                    Step.tap("Продолжить", "Как к вам обращаться?"),
                    Step.send("Клиент", "Как вам удобнее связаться?"),
                    Step.tap("Позвоните мне", "Отправить мой номер"),
                    Step.send("+7 999 123-45-67", "Когда вам удобно"),
                    Step.tap("Вечером", "Спасибо, Клиент!"))),
            new Route("expert", List.of(
                    Step.send("/start ad", "какой вариант вас лучше описывает"),
                    Step.tap("Я маркетолог", "Какие конкретно функции"),
                    Step.tick("Интеграция с CRM"),
                    Step.tick("Парсинг данных"),
                    Step.tap("Готово", "опишите, пожалуйста"),
                    Step.send("Бот для сети кофеен: заказы, оплата и баллы", "Давайте обсудим"),
                    Step.tap("Продолжить", "Как к вам обращаться?"),
                    Step.send("Клиент", "Как вам удобнее связаться?"),
                    Step.tap("Напишите мне в Telegram", "Когда вам удобно"),
                    Step.tap("Утром", "Спасибо, Клиент. Заявка принята"))),
            new Route("explorer", List.of(
                    Step.send("/start ad", "какой вариант вас лучше описывает"),
                    Step.tap("Я пока просто изучаю", "Что дальше?"),
                    Step.tap("Показать пример", "стоматологий"),
                    Step.tap("Хочу обсудить", "Давайте обсудим"),
                    Step.tap("Продолжить", "Как к вам обращаться?"),
                    Step.send("Клиент", "Как вам удобнее связаться?"),
                    Step.tap("Напишите мне в Telegram", "Когда вам удобно"),
                    Step.tap("Днём", "Спасибо, Клиент!"))));

    /** One prospect's walk: where it is, when its turns were handed over and last answered. */
    private static final class Walk {
        final FakeUser user;
        final Route route;
        final Random random;
        int step = -1;
        boolean answered = true;
        long handedOver;
        long lastReply;
        long finished;
        int messageCalls;
        /** Why a move could not be made (a button not on the screen), if one could not. */
        Optional<String> stuck = Optional.empty();
        final List<Long> latencies = new ArrayList<>();
        /** Per step: the turn's latency (or -1 if unknown) and its message calls. */
        final Map<Integer, Long> stepLatency = new HashMap<>();
        final Map<Integer, Integer> stepCalls = new HashMap<>();

        /** The bot this prospect talks to: its fake's lock guards the walk's state. */
        final FakeBotApi bot;

        Walk(FakeBotApi bot, FakeUser user, Route path, Random random) {
            this.bot = bot;
            this.user = user;
            this.route = path;
            this.random = random;
        }

        /** The turn before the next move is over: its last reply is known. */
        void closeTurn() {
            if (step >= 0 && handedOver != 0 && lastReply != 0) {
                latencies.add(lastReply - handedOver);
                stepLatency.put(step, lastReply - handedOver);
            }
            handedOver = 0;
            lastReply = 0;
        }
    }

    private final FakeBotApi api;
    /** Every bot the fake serves: {@link #api} first. */
    private final List<FakeBotApi> bots = new ArrayList<>();
    private final Map<FakeBotApi, Long> firstPolls = new ConcurrentHashMap<>();
    private final ScheduledExecutorService people = Executors.newScheduledThreadPool(4);
    private final Map<Long, Walk> walks = new ConcurrentHashMap<>();
    private final Map<Long, Long> summaryAt = new ConcurrentHashMap<>();
    private final List<Integer> leadsPerSummary = new ArrayList<>();
    private volatile long firstPoll;

    private SpikeBenchmark(FakeBotApi api, int bots) {
        this.api = api;
        this.bots.add(api);
        for (int i = 1; i < bots; i++) {
            this.bots.add(api.anotherBot(String.format(Locale.ROOT, "%d:AAbenchmarkToken%024d", 7_000_000 + i, i), "bench" + i + "_bot"));
        }
    }

    public static void main(String[] args) throws Exception {
        int prospects = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int bots = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("no " + JAR + ": run mvn -q -B package -DskipTests first");
        }
        String tried = System.getProperty("leadbot.jvm", "").strip();
        List<String> jvm = tried.isEmpty() ? JvmOptions.fromDockerfile(Path.of("Dockerfile"), ARCHIVE) : List.of(tried.split("\\s+"));
        for (String option : jvm) {
            if (option.startsWith("-XX:SharedArchiveFile=")) {
                JvmOptions.buildArchive(jvm, Path.of(option.substring("-XX:SharedArchiveFile=".length())));
            }
        }
        try (FakeBotApi api = new FakeBotApi()) {
            new SpikeBenchmark(api, bots).run(prospects, seed, window, jvm);
        }
    }

    private void run(int prospects, long seed, int window, List<String> jvm) throws Exception {
        Path dir = Files.createTempDirectory("leadbot-spike");
        warmUp();
        for (FakeBotApi bot : bots) {
            bot.startedEarlier(BotHarness.OWNER);
            bot.watch(watcher(bot));
        }
        Random random = new Random(seed);
        for (int i = 0; i < prospects; i++) {
            long chat = 100_000 + i;
            FakeBotApi bot = bots.get(i % bots.size());
            walks.put(chat, new Walk(bot, bot.user(chat, "Klient"), ROUTES.get(i / bots.size() % ROUTES.size()),
                    new Random(random.nextLong())));
        }
        // -Dleadbot.store=postgresql: the bots' state in PostgreSQL (a server of the benchmark's own, fsync on), a schema each;
        // the server is up before the clock starts.
        Optional<PostgresServer> postgres = PostgresServer.forBenchmark();
        long start = System.nanoTime();
        Map<String, String> env = BotProcess.against(api, dir);
        postgres.ifPresent(server -> env.put("LEADBOT_DB", server.url()));
        if (bots.size() > 1) {
            // Each bot's token is its own, in the settings file; its data goes in its folder beside the top-level files.
            env.remove("TELEGRAM_BOT_TOKEN");
            StringBuilder file = new StringBuilder("bots:\n");
            bots.forEach(bot -> file.append("  b").append(bots.indexOf(bot)).append(":\n    telegram_bot_token: ").append(bot.token())
                    .append("\n"));
            Files.writeString(dir.resolve("leadbot.yaml"), file);
        }
        Process bot = BotProcess.start(dir, "1", env, jvm);
        RssSampler rss = new RssSampler(bot.pid());
        people.scheduleAtFixedRate(rss, 100, 100, TimeUnit.MILLISECONDS);
        try {
            await(() -> firstPoll != 0, Duration.ofMinutes(1));
            double toFirstPoll = (firstPoll - start) / 1e9;
            await(() -> firstPolls.size() == bots.size(), Duration.ofMinutes(2));
            double toEveryPoll = (firstPolls.values().stream().mapToLong(Long::longValue).max().orElse(start) - start) / 1e9;
            if (postgres.isPresent()) {
                postgres.get().resetStatements();
            }
            long arrivals = System.nanoTime();
            long cpuBefore = rss.cpuTicks;
            long serverBefore = postgres.map(PostgresServer::cpuTicks).orElse(0L);
            long ownBefore = PostgresServer.cpuTicks(ProcessHandle.current());
            for (Walk walk : walks.values()) {
                people.schedule(() -> move(walk), random.nextInt(1000 * window), TimeUnit.MILLISECONDS);
            }
            await(() -> finished() == prospects, Duration.ofMinutes(10));
            long walked = System.nanoTime();
            // The bot's CPU while the prospects walked: not its start, nor the rest of a wait for walks that never end.
            long cpuWalking = rss.cpuTicks - cpuBefore;
            long serverWalking = postgres.map(PostgresServer::cpuTicks).orElse(0L) - serverBefore;
            long ownWalking = PostgresServer.cpuTicks(ProcessHandle.current()) - ownBefore;
            long done = finished();
            await(() -> summaryAt.size() >= done, Duration.ofMinutes(2));
            Thread.sleep(2000); // the last turns' trailing replies, if any
            for (Walk walk : walks.values()) {
                synchronized (walk.bot) {
                    walk.closeTurn();
                }
            }
            report(prospects, seed, window, jvm, toFirstPoll, done, (walked - arrivals) / 1e9, rss);
            unfinished();
            System.out.printf("CPU while the prospects walked (%.1f s): the bot %.1f s, this benchmark (the fake and the people) %.1f s%s%n",
                    (walked - arrivals) / 1e9, cpuWalking / 100.0, ownWalking / 100.0,
                    postgres.isPresent() ? String.format(", PostgreSQL %.1f s", serverWalking / 100.0) : "");
            if (postgres.isPresent()) {
                statements(postgres.get());
            }
            if (bots.size() > 1) {
                System.out.printf("%d bots in one process: %d polling, every one %.2f s after the process started; %d threads at the"
                        + " end; the bot's CPU time %.1f s in all, %.1f s while the prospects walked (%.1f ms a turn)%n", bots.size(),
                        firstPolls.size(), toEveryPoll, rss.threads, rss.cpuTicks / 100.0, cpuWalking / 100.0,
                        cpuWalking * 10.0 / Math.max(1, walks.values().stream().mapToInt(w -> w.latencies.size()).sum()));
            }
        } finally {
            people.shutdownNow();
            bot.destroy();
            bot.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** What one bot's fake hears: its polls, its prospects' updates handed over, its accepted calls. */
    private FakeBotApi.Watcher watcher(FakeBotApi bot) {
        return new FakeBotApi.Watcher() {
            @Override
            public void polled(long nanos) {
                if (firstPoll == 0) {
                    firstPoll = nanos;
                }
                firstPolls.putIfAbsent(bot, nanos);
            }

            @Override
            public void handedOver(long chatId, long nanos) {
                Walk walk = walks.get(chatId);
                if (walk != null && walk.handedOver == 0) {
                    walk.handedOver = nanos;
                }
            }

            @Override
            public void accepted(long chatId, String method, BotMessage message, long nanos) {
                if (chatId == BotHarness.OWNER) {
                    summary(message, nanos);
                    return;
                }
                Walk walk = walks.get(chatId);
                if (walk != null) {
                    answered(walk, message, nanos);
                }
            }
        };
    }

    /** Walks finished so far; their state is written under the fake's lock. */
    private long finished() {
        return walks.values().stream().filter(walk -> {
            synchronized (walk.bot) {
                return walk.finished != 0;
            }
        }).count();
    }

    /** Waits until {@code condition} holds or {@code patience} is up; the report says what was reached. */
    private static void await(BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Telegram answers like a warm server: the fake's own first requests must not count against the bot's start. */
    private void warmUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest getMe = HttpRequest.newBuilder(URI.create(api.url() + "/bot" + FakeBotApi.TOKEN + "/getMe"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build();
        for (int i = 0; i < 200; i++) {
            http.send(getMe, HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Called under the fake's lock. */
    private void answered(Walk walk, BotMessage message, long nanos) {
        walk.messageCalls++;
        walk.stepCalls.merge(Math.max(0, walk.step), 1, Integer::sum);
        walk.lastReply = nanos;
        if (!walk.answered && walk.route.steps().get(walk.step).answered().test(message)) {
            walk.answered = true;
            if (walk.step == walk.route.steps().size() - 1) {
                walk.finished = nanos;
            } else {
                people.schedule(() -> move(walk), 1000 + walk.random.nextInt(2001), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs on the people's scheduled threads, where anything thrown would vanish with its future: a failed move is kept. */
    private void move(Walk walk) {
        synchronized (walk.bot) {
            walk.closeTurn();
            walk.step++;
            walk.answered = false;
        }
        try {
            walk.route.steps().get(walk.step).move().accept(walk.user);
        } catch (RuntimeException | AssertionError e) {
            synchronized (walk.bot) {
                walk.stuck = Optional.of(String.valueOf(e.getMessage()));
            }
        }
    }

    private static final Pattern PROFILE = Pattern.compile("tg://user\\?id=(\\d+)");

    /** Called under the fake's lock. */
    private void summary(BotMessage message, long nanos) {
        Matcher profile = PROFILE.matcher(message.html());
        int leads = 0;
        while (profile.find()) {
            summaryAt.putIfAbsent(Long.parseLong(profile.group(1)), nanos);
            leads++;
        }
        leadsPerSummary.add(leads);
    }

    private void report(int prospects, long seed, int window, List<String> jvm, double toFirstPoll, long done, double walkSeconds, RssSampler rss)
            throws IOException {
        List<Long> latencies = new ArrayList<>();
        walks.values().forEach(w -> latencies.addAll(w.latencies));
        long[] felt = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Long> lags = new ArrayList<>();
        for (Walk walk : walks.values()) {
            Long at = summaryAt.get(walk.user.chatId());
            if (at != null && walk.finished != 0) {
                lags.add(at - walk.finished);
            }
        }
        long[] lag = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d prospects arriving within %d s, 1–3 s before every step (seed %d); %s: java %s -jar %s%n", prospects, window,
                seed, bots.size() == 1 ? "bot" : bots.size() + " bots", String.join(" ", jvm), JAR);
        System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("first poll %.2f s after the process started%n", toFirstPoll);
        System.out.printf("finished %d/%d conversations in %.1f s%n", done, prospects, walkSeconds);
        System.out.printf("felt latency (update handed over → last reply of the turn), %d turns: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms%n", felt.length, at(felt, 0.5) / 1e6, at(felt, 0.9) / 1e6, at(felt, 0.99) / 1e6, at(felt, 1.0) / 1e6);
        for (Route path : ROUTES) {
            List<Walk> on = walks.values().stream().filter(w -> w.route == path && w.finished != 0).toList();
            System.out.printf("message calls per lead, %s path (%d steps): %.1f (sends and edits accepted; %d leads)%n", path.name(),
                    path.steps().size(), on.stream().mapToInt(w -> w.messageCalls).average().orElse(0), on.size());
        }
        for (Route route : ROUTES) {
            List<Walk> on = walks.values().stream().filter(w -> w.route == route).toList();
            StringBuilder line = new StringBuilder("  " + route.name() + " by step (calls, p99 ms):");
            for (int step = 0; step < route.steps().size(); step++) {
                int at = step;
                long[] stepFelt = on.stream().map(w -> w.stepLatency.get(at)).filter(java.util.Objects::nonNull).mapToLong(Long::longValue)
                        .sorted().toArray();
                line.append(String.format(" %d:(%.1f, %.0f)", step + 1, on.stream().mapToInt(w -> w.stepCalls.getOrDefault(at, 0))
                        .average().orElse(0), at(stepFelt, 0.99) / 1e6));
            }
            System.out.println(line);
        }
        int limited = bots.stream().mapToInt(FakeBotApi::rateLimited).sum();
        int calls = bots.stream().mapToInt(FakeBotApi::messageCalls).sum();
        System.out.printf("429s: %d of %d message calls (%.2f %%)%n", limited, calls, 100.0 * limited / Math.max(1, calls));
        System.out.printf("owner summaries: %d of %d leads in %d messages; lag behind the lead's last reply: p50 %.1f s, p99 %.1f s,"
                + " max %.1f s%n", lag.length, done, leadsPerSummary.size(), at(lag, 0.5) / 1e9, at(lag, 0.99) / 1e9, at(lag, 1.0) / 1e9);
        System.out.printf("bot RSS: peak %d MB sampled (VmHWM %d MB), at the end %d MB%n", rss.peakKb / 1024, rss.hwmKb / 1024,
                rss.lastKb / 1024);
    }

    /** The walks that did not finish, each with where it stopped and what its chat shows last, from the fake's records. */
    private void unfinished() {
        List<Walk> left = walks.values().stream().filter(walk -> {
            synchronized (walk.bot) {
                return walk.finished == 0;
            }
        }).sorted(java.util.Comparator.comparingLong(walk -> walk.user.chatId())).toList();
        if (left.isEmpty()) {
            return;
        }
        System.out.printf("%d walks did not finish:%n", left.size());
        for (Walk walk : left.subList(0, Math.min(20, left.size()))) {
            List<BotMessage> shown = walk.bot.botMessages(walk.user.chatId());
            StringBuilder line = new StringBuilder();
            synchronized (walk.bot) {
                line.append(String.format("  chat %d (%s) %s path, step %d of %d%s; %d bot messages, the last:", walk.user.chatId(),
                        walk.bot.token().substring(0, walk.bot.token().indexOf(':')), walk.route.name(), walk.step + 1,
                        walk.route.steps().size(), walk.stuck.map(why -> ", its move failed: " + why).orElse(""), shown.size()));
            }
            for (BotMessage message : shown.subList(Math.max(0, shown.size() - 3), shown.size())) {
                String text = message.text().replace('\n', ' ');
                line.append(String.format("%n    #%d (%d edits) %s %s", message.id(), message.edits(), text.substring(0, Math.min(70, text.length())),
                        message.buttons()));
            }
            System.out.println(line);
        }
    }

    /** What the benchmark's PostgreSQL server ran while the prospects walked: statements a turn, the most called first. */
    private void statements(PostgresServer server) throws java.sql.SQLException {
        int turns = Math.max(1, walks.values().stream().mapToInt(w -> w.latencies.size()).sum());
        List<PostgresServer.Counted> counted = server.statements();
        long calls = counted.stream().mapToLong(PostgresServer.Counted::calls).sum();
        System.out.printf("PostgreSQL ran %d statements while the prospects walked, %.1f a turn (%d turns); the most called:%n", calls,
                (double) calls / turns, turns);
        for (PostgresServer.Counted statement : counted.subList(0, Math.min(25, counted.size()))) {
            String query = statement.query().replaceAll("\\s+", " ");
            System.out.printf("  %8d  %5.2f a turn  %7.0f ms  %s%n", statement.calls(), (double) statement.calls() / turns,
                    statement.totalMillis(), query.substring(0, Math.min(110, query.length())));
        }
    }

    private static long at(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * quantile))];
    }

    /** The bot process's resident memory, from /proc, every time it runs. */
    private static final class RssSampler implements Runnable {
        private final Path status;
        volatile long peakKb;
        volatile long hwmKb;
        volatile long lastKb;
        volatile long threads;
        /** CPU time the process has used, user and system, in clock ticks (a hundred a second). */
        volatile long cpuTicks;
        private final Path stat;

        RssSampler(long pid) {
            status = Path.of("/proc/" + pid + "/status");
            stat = Path.of("/proc/" + pid + "/stat");
        }

        @Override
        public void run() {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        lastKb = kb(line);
                        peakKb = Math.max(peakKb, lastKb);
                    } else if (line.startsWith("VmHWM:")) {
                        hwmKb = kb(line);
                    } else if (line.startsWith("Threads:")) {
                        threads = kb(line);
                    }
                }
                // After the command's closing parenthesis: state is field 3, utime and stime fields 14 and 15.
                String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
                cpuTicks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                // The process has ended; the last sample stands.
            }
        }

        private static long kb(String line) {
            return Long.parseLong(line.replaceAll("\\D", ""));
        }
    }

    /** The JVM options a user runs the bot with: the Dockerfile's entrypoint, with the archive where this build keeps it. */
    static final class JvmOptions {

        private JvmOptions() {
        }

        static List<String> fromDockerfile(Path dockerfile, Path archive) throws IOException {
            String entrypoint = Files.readAllLines(dockerfile).stream().filter(line -> line.startsWith("ENTRYPOINT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ENTRYPOINT in " + dockerfile));
            JsonNode words = new ObjectMapper().readTree(entrypoint.substring("ENTRYPOINT ".length()));
            List<String> options = new ArrayList<>();
            for (int i = 1; i < words.size() && !words.get(i).asText().equals("-jar"); i++) {
                options.add(words.get(i).asText().replace("/app/leadbot.jsa", archive.toString()));
            }
            return options;
        }

        /**
         * The class-data archive, made as the Dockerfile makes it: one start against an unreachable
         * Bot API, ended by SIGTERM after 15 s, with the archive written at exit.
         */
        static void buildArchive(List<String> jvm, Path archive) throws IOException, InterruptedException {
            if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(JAR)) > 0) {
                return;
            }
            Path dir = Files.createTempDirectory("leadbot-cds");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            jvm.stream().filter(option -> !option.startsWith("-XX:SharedArchiveFile")).forEach(command::add);
            command.add("-XX:ArchiveClassesAtExit=" + archive);
            command.addAll(List.of("-jar", JAR.toString(), "run", "--config", dir.resolve("none.yaml").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("cds.log").toFile());
            Map<String, String> env = new HashMap<>(Trainer.ENV);
            env.put("LEADBOT_DB", dir.resolve("leadbot.db").toString());
            env.put("LEADBOT_LEADS_FILE", dir.resolve("leads.jsonl").toString());
            builder.environment().keySet().removeIf(key -> key.startsWith("LEADBOT_") || key.equals("TELEGRAM_BOT_TOKEN"));
            builder.environment().putAll(env);
            // The start tries the unreachable Bot API again and again; SIGTERM ends it, and the archive is written at exit.
            Process training = builder.start();
            if (!training.waitFor(15, TimeUnit.SECONDS)) {
                training.destroy();
                training.waitFor(60, TimeUnit.SECONDS);
            }
            if (!Files.exists(archive)) {
                throw new IllegalStateException("no archive made; see " + dir.resolve("cds.log"));
            }
        }
    }

    /** The training start's settings, the same as the Dockerfile's. */
    private static final class Trainer {
        static final Map<String, String> ENV = Map.of("TELEGRAM_BOT_TOKEN", "123456:AAarchiveTrainingTokenNotARealOne000000",
                "LEADBOT_TELEGRAM_API_URL", "http://127.0.0.1:9", "LEADBOT_FLOW", "flows/qualification.yaml");
    }
}
