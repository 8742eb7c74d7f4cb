package dev.leadbot.cli;

import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.BotProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Instances of the packaged jar ({@code leadbot run}) sharing the bots of one leadbot.yaml and one PostgreSQL database, as a
 * studio runs them on several machines: each with its own {@code LEADBOT_INSTANCE} and its own entrance to the fake Bot API,
 * so that the fake knows whose getUpdates it sees (Telegram would see each machine's address). Their files (each bot's
 * leads file and heartbeat) are in one folder here; each bot's owner is chat {@link #OWNER} of that bot.
 */
final class Instances implements AutoCloseable {

    static final long OWNER = 1000;
    /** The JVM options of the Dockerfile's entrypoint, but its class-data archive: three JVMs share two cores here. */
    static final List<String> DOCKER_JVM = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private final Path dir;
    private final FakeBotApi api;
    private final List<FakeBotApi> bots;
    private final String database;
    private final List<String> jvm;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final Map<String, Integer> runs = new HashMap<>();

    /**
     * Declares {@code count} bots under {@code bots:} in {@code dir/leadbot.yaml} (shop0, shop1…), each served by {@code api}
     * with a token of its own.
     *
     * @param database the {@code postgresql://} URL every instance is given as {@code LEADBOT_DB}
     * @param jvm      options for every instance's JVM (the lease timings, for one)
     */
    Instances(Path dir, FakeBotApi api, int count, String database, List<String> jvm) throws IOException {
        this.dir = dir;
        this.api = api;
        this.database = database;
        this.jvm = List.copyOf(jvm);
        this.bots = IntStream.range(0, count).mapToObj(i -> api.anotherBot(token(i), "shop" + i + "_bot")).toList();
        StringBuilder settings = new StringBuilder("bots:\n");
        for (int i = 0; i < count; i++) {
            bots.get(i).startedEarlier(OWNER);
            settings.append("  shop").append(i).append(":\n    telegram_bot_token: ").append(token(i)).append('\n');
        }
        Files.writeString(dir.resolve("leadbot.yaml"), settings);
    }

    private static String token(int bot) {
        return (7_100_000 + bot) + ":AAFailoverTokenForLocalTestsOnly_" + String.format("%06d", bot);
    }

    List<FakeBotApi> bots() {
        return bots;
    }

    /** The bot's name in leadbot.yaml. */
    String name(FakeBotApi bot) {
        return "shop" + bots.indexOf(bot);
    }

    /** The bot's leads file, in its folder beside the top-level one. */
    Path leadsFile(FakeBotApi bot) {
        return dir.resolve("data").resolve(name(bot)).resolve("leads.jsonl");
    }

    /** Starts the instance {@code name} (again, if it ran before: its output then goes to files of the next run). */
    Process start(String name) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("LEADBOT_INSTANCE", name);
        env.put("LEADBOT_TELEGRAM_API_URL", api.entrance(name).toString());
        env.put("LEADBOT_DB", database);
        env.put("LEADBOT_OWNER_CHAT_IDS", String.valueOf(OWNER));
        env.put("LEADBOT_LEADS_FILE", dir.resolve("data/leads.jsonl").toString());
        int run = runs.merge(name, 1, Integer::sum);
        Process process = BotProcess.start(dir, run(name, run), env, jvm);
        running.put(name, process);
        return process;
    }

    private static String run(String name, int run) {
        return "-" + name + "-" + run;
    }

    /** Kills the instance with SIGKILL, as {@code kill -9} or a machine lost does: nothing of it runs any more. */
    void kill(String name) throws InterruptedException {
        Process process = running.remove(name);
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("instance " + name + " outlived SIGKILL");
        }
    }

    /** The instances running, by name. */
    List<String> names() {
        return List.copyOf(running.keySet());
    }

    /** The bots whose latest getUpdates came from the instance {@code name}: those it polls. */
    List<FakeBotApi> polledBy(String name) {
        return bots.stream().filter(bot -> bot.lastPolledThrough().equals(Optional.of(name))).toList();
    }

    /**
     * True once every bot is polled by a running instance, each of them polling its fair share: at least
     * floor(bots/instances), so that with ceil for the others nothing is left to move.
     */
    boolean settled() {
        int share = bots.size() / Math.max(1, running.size());
        return bots.stream().allMatch(bot -> bot.lastPolledThrough().filter(running::containsKey).isPresent())
                && running.keySet().stream().allMatch(name -> polledBy(name).size() >= share);
    }

    /** How the bots are divided now: the number each running instance polls. */
    String division() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        running.keySet().forEach(name -> counts.put(name, polledBy(name).size()));
        return counts.toString();
    }

    /** Everything the instance printed, over all its runs. */
    String output(String name) throws IOException {
        StringBuilder all = new StringBuilder();
        for (int run = 1; run <= runs.getOrDefault(name, 0); run++) {
            all.append(BotProcess.output(dir, run(name, run)));
        }
        return all.toString();
    }

    /** Stops every running instance with SIGTERM, as {@code docker stop} does, and waits for each (an interrupted wait kills the rest). */
    @Override
    public void close() {
        List<Process> stopping = new ArrayList<>(running.values());
        running.clear();
        stopping.forEach(Process::destroy);
        for (Process process : stopping) {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                stopping.forEach(Process::destroyForcibly);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until {@code condition} holds; after {@code patience} fails saying what was awaited and what the state is. */
    static void await(String what, BooleanSupplier condition, Duration patience, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + patience.toSeconds() + " s; " + state.get());
            }
            Thread.sleep(50);
        }
    }
}
