package dev.leadbot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the time of the latest long poll to a file, for {@code leadbot health} and Docker's HEALTHCHECK. */
final class Heartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final Path file;
    private final Clock clock;
    private boolean failing;

    Heartbeat(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    void beat() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, clock.instant().toString(), StandardCharsets.UTF_8);
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                LOG.warn("cannot write the heartbeat {}: {}; health checks will report the bot as down", file, e.toString());
            }
            failing = true;
        }
    }
}
