package dev.leadbot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leadbot health}: exit 0 while the running bot's long-polling loop is alive, for Docker's HEALTHCHECK. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Exits 0 if the running bot polled Telegram recently, 1 if not.", "",
                "The bot touches its heartbeat file before every poll; Docker's HEALTHCHECK",
                "runs this command.", ""})
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
        Optional<ServiceSettings.Loaded> loaded = config.load(console);
        if (loaded.isEmpty()) {
            return 2;
        }
        Path file = heartbeat.orElseGet(() -> loaded.get().heartbeat());
        Instant beat;
        try {
            beat = Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            console.err().println("unhealthy: no heartbeat at " + file + "; is 'leadbot run' running with this data folder?");
            return 1;
        } catch (DateTimeParseException e) {
            console.err().println("unhealthy: " + file + " does not hold a time");
            return 1;
        }
        Duration age = Duration.between(beat, console.clock().instant());
        if (age.toSeconds() > maxAgeSeconds) {
            console.err().println("unhealthy: the last poll was " + age.toSeconds() + " s ago (limit " + maxAgeSeconds + " s)");
            return 1;
        }
        console.out().println("healthy: polled " + Math.max(0, age.toSeconds()) + " s ago");
        return 0;
    }
}
