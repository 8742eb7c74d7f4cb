package dev.leadbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.OwnerChat;
import dev.leadbot.testing.PostgresServer;
import dev.leadbot.testing.ProspectChat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failover after kill -9 (issue 14): three instances of the packaged jar on one PostgreSQL (a server of the benchmark's own
 * that flushes to disk) share B bots; each bot has P prospects half-way through the customer's flow when the instance polling
 * the most bots is killed with SIGKILL while their next answers are handled. Measures the seconds from the kill until each of
 * its bots is polled again by another instance (the goal: all within 30 s), then finishes every conversation, starts the
 * killed instance again (it takes its fair share back) and repeats, K kills in all. At the end it counts the conversations
 * lost, the leads and owner summaries made twice, the replies a prospect got twice (sent in the instant before a kill), and the
 * 409s a live instance read (two live instances polling one bot). The lease timings are the defaults (heartbeat 5 s, expiry 15 s) unless
 * {@code -Dleadbot.lease.heartbeat=…} / {@code -Dleadbot.lease.expiry=…} are given, which go to the instances. Run after
 * {@code mvn package}: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.cli.FailoverBenchmark
 * -Dexec.args="10 5 2"} (bots, kills, prospects a bot). Exits 1, saying why on a line starting "FAILED:", if a takeover
 * missed the 30 s goal or anything was lost or doubled (a conversation, a lead, a summary, a 409 read by a live instance).
 */
public final class FailoverBenchmark {

    private static final List<String> NAMES = List.of("east", "west", "north");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Every bot of a killed instance polled again by another within this (issue 14). */
    private static final Duration GOAL = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<FakeBotApi, Long> polledAgain = new ConcurrentHashMap<>();
    private volatile String victim = "";
    private volatile long killedAt = Long.MAX_VALUE;

    public static void main(String[] args) throws Exception {
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int prospects = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean passed;
        try {
            passed = new FailoverBenchmark().run(bots, kills, prospects);
        } catch (AssertionError e) {
            // A wait that ran out: a takeover or a divide that never came is a failure, not a crash of the benchmark.
            System.out.println("FAILED: " + e.getMessage().lines().findFirst().orElse(""));
            passed = false;
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(int botCount, int kills, int prospects) throws Exception {
        Path dir = Files.createTempDirectory("leadbot-failover");
        PostgresServer postgres = PostgresServer.ofBenchmark();
        String database = postgres.freshDatabaseUrl("failover_benchmark");
        List<String> jvm = new ArrayList<>(Instances.DOCKER_JVM);
        String timings = "defaults (heartbeat 5 s, expiry 15 s)";
        for (String property : List.of("leadbot.lease.heartbeat", "leadbot.lease.expiry")) {
            if (System.getProperty(property) != null) {
                jvm.add("-D" + property + "=" + System.getProperty(property));
                timings = "given: " + jvm.subList(Instances.DOCKER_JVM.size(), jvm.size());
            }
        }
        try (FakeBotApi api = new FakeBotApi()) {
            Instances instances = new Instances(dir, api, botCount, database, jvm);
            for (FakeBotApi bot : instances.bots()) {
                bot.watch(new FakeBotApi.Watcher() {
                    @Override
                    public void polled(String entrance, long nanos) {
                        if (nanos > killedAt && !entrance.equals(victim)) {
                            polledAgain.putIfAbsent(bot, nanos);
                        }
                    }
                });
            }
            List<ProspectChat> chats = new ArrayList<>();
            List<ProspectChat> lost = new ArrayList<>();
            List<Double> everyBotAgain = new ArrayList<>();
            System.out.printf("3 instances, %d bots, %d prospects a bot half-way at each kill, %d kills; lease timings %s%n", botCount,
                    prospects, kills, timings);
            try {
                long started = System.nanoTime();
                for (String name : NAMES) {
                    instances.start(name);
                }
                Instances.await("three instances dividing the bots", instances::settled, PATIENCE, instances::division);
                System.out.printf("divided %s %.1f s after the three started%n", instances.division(), (System.nanoTime() - started) / 1e9);
                for (int kill = 1; kill <= kills; kill++) {
                    List<ProspectChat> round = new ArrayList<>();
                    for (FakeBotApi bot : instances.bots()) {
                        for (int p = 0; p < prospects; p++) {
                            round.add(new ProspectChat(bot, bot.user(kill * 10_000L + p, "Klient")));
                        }
                    }
                    chats.addAll(round);
                    List<Lockstep.Step> steps = Lockstep.OWNER_VIA_TELEGRAM;
                    int half = steps.size() / 2;
                    walk(round, steps.subList(0, half), lost);

                    String dying = instances.names().stream().max(Comparator.comparingInt(name -> instances.polledBy(name).size()))
                            .orElseThrow();
                    List<FakeBotApi> orphaned = instances.polledBy(dying);
                    polledAgain.clear();
                    victim = dying;
                    round.forEach(steps.get(half).move());
                    killedAt = System.nanoTime();
                    instances.kill(dying);
                    Instances.await("every bot of " + dying + " polled again", () -> polledAgain.keySet().containsAll(orphaned),
                            PATIENCE, instances::division);
                    List<Double> seconds = orphaned.stream().map(bot -> (polledAgain.get(bot) - killedAt) / 1e9).sorted().toList();
                    everyBotAgain.add(seconds.get(seconds.size() - 1));
                    System.out.printf("kill %d: %s polled %d bots; polled again by the others %.1f–%.1f s after the kill%n", kill, dying,
                            orphaned.size(), seconds.get(0), seconds.get(seconds.size() - 1));
                    killedAt = Long.MAX_VALUE;

                    expect(round, steps.get(half), lost);
                    walk(round, steps.subList(half + 1, steps.size()), lost);
                    long restarted = System.nanoTime();
                    instances.start(dying);
                    Instances.await("the restarted " + dying + " taking its share", instances::settled, PATIENCE, instances::division);
                    System.out.printf("        %s started again: divided %s %.1f s later%n", dying, instances.division(),
                            (System.nanoTime() - restarted) / 1e9);
                }
                awaitQuietly(() -> instances.bots().stream().allMatch(bot -> OwnerChat.leadsIn(bot.botMessages(Instances.OWNER))
                        >= (long) kills * prospects));
            } finally {
                // A clean stop sends whatever is still queued, so a summary made twice would be counted below.
                instances.close();
            }
            return report(instances, chats, lost, everyBotAgain, kills * prospects);
        }
    }

    /** Walks every chat not lost yet through {@code steps}; a chat whose reply never comes is lost (and walks no further). */
    private static void walk(List<ProspectChat> chats, List<Lockstep.Step> steps, List<ProspectChat> lost) {
        for (Lockstep.Step step : steps) {
            for (ProspectChat chat : chats) {
                if (!lost.contains(chat)) {
                    step.move().accept(chat);
                }
            }
            expect(chats, step, lost);
        }
    }

    /** Waits for every chat not lost yet to get the reply to {@code step}, moved already; a chat it never reaches is lost. */
    private static void expect(List<ProspectChat> chats, Lockstep.Step step, List<ProspectChat> lost) {
        for (ProspectChat chat : chats) {
            if (lost.contains(chat)) {
                continue;
            }
            try {
                chat.expect(step.expected());
            } catch (AssertionError e) {
                System.out.println("lost: " + e.getMessage().lines().findFirst().orElse(""));
                lost.add(chat);
            }
        }
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static boolean report(Instances instances, List<ProspectChat> chats, List<ProspectChat> lost, List<Double> everyBotAgain,
            int perBot) throws IOException {
        long summaries = 0;
        long leads = 0;
        long leadsTwice = 0;
        for (FakeBotApi bot : instances.bots()) {
            summaries += OwnerChat.leadsIn(bot.botMessages(Instances.OWNER));
            Path file = instances.leadsFile(bot);
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            Set<Long> chatsWithLead = new HashSet<>();
            for (String line : lines) {
                chatsWithLead.add(JSON.readTree(line).path("prospect").path("chat_id").asLong());
            }
            leads += lines.size();
            leadsTwice += lines.size() - chatsWithLead.size();
        }
        long finished = chats.stream().filter(chat -> chat.messages().stream().anyMatch(m -> m.text().contains("Спасибо, Клиент!"))).count();
        long repeated = chats.stream().mapToLong(chat -> {
            List<String> texts = chat.messages().stream().map(BotMessage::text).toList();
            return texts.size() - texts.stream().distinct().count();
        }).sum();
        long fights = 0;
        for (String name : NAMES) {
            fights += instances.output(name).lines().filter(line -> line.contains("terminated by other getUpdates request")).count();
        }
        long conflicts = instances.bots().stream().mapToLong(bot -> bot.conflicts().size()).sum();
        List<Double> sorted = everyBotAgain.stream().sorted().toList();
        int expected = perBot * instances.bots().size();
        System.out.printf("every bot of the killed instance polling again: p50 %.1f s, max %.1f s over %d kills (goal: %d s)%n",
                sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1), sorted.size(), GOAL.toSeconds());
        System.out.printf("conversations %d, finished %d, lost %d; leads %d (%d twice), owner summaries %d (expected %d)%n",
                chats.size(), finished, lost.size(), leads, leadsTwice, summaries, expected);
        // Answers are in flight at each kill: a reply that reached Telegram in the instant before it, not yet marked sent, goes
        // again from the instance taking over (Telegram has no idempotency key for sendMessage; KillBenchmark counts the same).
        System.out.printf("replies a prospect got twice (sent just before a kill): %d%n", repeated);
        System.out.printf("polls ended by a newer one (409): %d, read by a live instance: %d%n", conflicts, fights);
        boolean lossless = finished == expected && lost.isEmpty() && leads == expected && leadsTwice == 0 && summaries == expected
                && fights == 0;
        System.out.println(lossless ? "nothing lost, nothing doubled" : "FAILED: something was lost or doubled");
        double slowest = sorted.get(sorted.size() - 1);
        boolean inTime = slowest <= GOAL.toSeconds();
        if (!inTime) {
            System.out.printf("FAILED: the takeover missed the %d s goal: every bot of the killed instance polled again only after "
                    + "%.1f s (kill %d)%n", GOAL.toSeconds(), slowest, everyBotAgain.indexOf(slowest) + 1);
        }
        return lossless && inTime;
    }
}
