package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.bots.LeaseKeeper;
import dev.leadbot.store.Database;
import dev.leadbot.store.FleetLeases;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leadbot health}: exit 0 while the running bot's long-polling loop is alive, for Docker's HEALTHCHECK. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Exits 0 if the running bot polled Telegram recently, 1 if not.", "",
                "The bot touches its heartbeat file before every poll; Docker's HEALTHCHECK",
                "runs this command. With several bots and no --bot, each bot's heartbeat",
                "is shown, and the exit is 0 while any of them polls.", "",
                "On PostgreSQL, where instances share the bots and one may hold none, it",
                "exits 0 while this instance (LEADBOT_INSTANCE) renews its leases.", ""})
final class HealthCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--file", paramLabel = "FILE",
            description = {"The heartbeat file; default: 'heartbeat' beside the", "settings' leads_file, else data/heartbeat"})
    private Optional<Path> heartbeat;

    @Mixin
    private ConfigOption config;

    @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "120", description = "Oldest acceptable heartbeat (default: ${DEFAULT-VALUE})")
    private long maxAgeSeconds;

    HealthCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<List<Settings>> loaded = heartbeat.isPresent() ? config.loadIfNamed(console).map(List::of)
                : config.loadEach(console);
        if (loaded.isEmpty()) {
            return 2;
        }
        if (heartbeat.isEmpty() && loaded.get().stream().allMatch(bot -> bot.database() instanceof Database.Postgres)) {
            return instanceHealth((Database.Postgres) loaded.get().get(0).database());
        }
        if (heartbeat.isPresent() || loaded.get().size() == 1) {
            Check check = check(heartbeat.orElseGet(() -> loaded.get().get(0).heartbeat()));
            (check.healthy() ? console.out() : console.err()).println(check.said());
            return check.healthy() ? 0 : 1;
        }
        // Several bots: the process is healthy while any of them polls; a bot stopped alone (its token revoked) is listed,
        // but restarting the process would not bring it back.
        boolean any = false;
        for (Settings bot : loaded.get()) {
            Check check = check(bot.heartbeat());
            console.out().println("bot '" + bot.botName().orElseThrow() + "': " + check.said());
            any |= check.healthy();
        }
        if (!any) {
            console.err().println("unhealthy: no bot polled within " + maxAgeSeconds + " s");
        }
        return any ? 0 : 1;
    }

    private record Check(boolean healthy, String said) {
    }

    /**
     * On PostgreSQL the instances share the bots, and one may rightly poll none (a standby): it is healthy while its row in
     * the leases' schema is alive, renewed at each heartbeat. The instance is {@code LEADBOT_INSTANCE}, else any whose id is
     * this machine's name and a process id, as run names itself.
     */
    private int instanceHealth(Database.Postgres bots) {
        Optional<String> named = Optional.ofNullable(console.env().get("LEADBOT_INSTANCE")).map(String::strip).filter(id -> !id.isEmpty());
        String host = LeaseKeeper.host();
        String who = named.map(id -> "instance " + id).orElse("an instance " + host + "-<pid>");
        Database.Postgres database = bots.inSchema(FleetLeases.SCHEMA);
        Optional<FleetLeases.Snapshot> snapshot;
        try {
            snapshot = FleetLeases.look(database);
        } catch (StoreException e) {
            console.err().println("unhealthy: " + e.getMessage());
            return 1;
        }
        Optional<FleetLeases.InstanceRow> alive = snapshot.flatMap(rows -> rows.instances().stream()
                .filter(row -> named.map(row.id()::equals).orElse(row.id().matches(java.util.regex.Pattern.quote(host) + "-\\d+")))
                .filter(row -> row.expiresAt().isAfter(rows.now()))
                .max(java.util.Comparator.comparing(FleetLeases.InstanceRow::heartbeatAt)));
        if (alive.isEmpty()) {
            console.err().println("unhealthy: " + who + " has no live row in " + database + "; is 'leadbot run' running here on this"
                    + " database?");
            return 1;
        }
        FleetLeases.InstanceRow row = alive.get();
        List<String> polls = snapshot.get().leases().stream().filter(lease -> lease.holder().equals(row.id())
                && lease.expiresAt().isAfter(snapshot.get().now())).map(lease -> lease.bot().isEmpty() ? "the bot" : lease.bot()).toList();
        long age = Math.max(0, Duration.between(row.heartbeatAt(), snapshot.get().now()).toSeconds());
        console.out().println("healthy: instance " + row.id() + " renewed its leases " + age + " s ago; " + (polls.isEmpty()
                ? "it holds no bot now (the other instances hold them)" : "it holds " + String.join(", ", polls)));
        return 0;
    }

    private Check check(Path file) throws IOException {
        Instant beat;
        try {
            beat = Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return new Check(false, "unhealthy: no heartbeat at " + file + "; is the bot running (the 'run' command) with this data folder?");
        } catch (DateTimeParseException e) {
            return new Check(false, "unhealthy: " + file + " does not hold a time");
        }
        Duration age = Duration.between(beat, console.clock().instant());
        if (age.toSeconds() > maxAgeSeconds) {
            return new Check(false, "unhealthy: the last poll was " + age.toSeconds() + " s ago (limit " + maxAgeSeconds + " s)");
        }
        return new Check(true, "healthy: polled " + Math.max(0, age.toSeconds()) + " s ago");
    }
}
