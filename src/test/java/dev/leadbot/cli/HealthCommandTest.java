package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFreshHeartbeatIsHealthy() throws IOException {
        Path beat = dir.resolve("heartbeat");
        Files.writeString(beat, Run.CLOCK.instant().minusSeconds(30).toString());

        assertEquals(new Run(0, "healthy: polled 30 s ago\n", ""), Run.of("", "health", "--file", beat.toString()));
    }

    @Test
    void aStaleHeartbeatIsUnhealthy() throws IOException {
        Path beat = dir.resolve("heartbeat");
        Files.writeString(beat, Run.CLOCK.instant().minusSeconds(600).toString());

        assertEquals(new Run(1, "", "unhealthy: the last poll was 600 s ago (limit 120 s)\n"), Run.of("", "health", "--file", beat.toString()));
    }

    @Test
    void noHeartbeatIsUnhealthyAndSaysWhy() {
        Path beat = dir.resolve("heartbeat");

        assertEquals(new Run(1, "", "unhealthy: no heartbeat at " + beat + "; is the bot running (the 'run' command) with this data folder?\n"),
                Run.of("", "health", "--file", beat.toString()));
    }
}
