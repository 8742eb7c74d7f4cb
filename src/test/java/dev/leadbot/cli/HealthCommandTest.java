package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.store.FleetLeases;
import dev.leadbot.testing.PostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void onPostgresqlAnInstanceIsHealthyWhileItRenewsItsLeasesHoldingBotsOrNot() throws Exception {
        PostgresServer server = PostgresServer.shared();
        Path settings = dir.resolve("leadbot.yaml");
        Files.writeString(settings, "db: " + server.url() + "\nbots:\n  hshop: {}\n  hcafe: {}\n");
        try (FleetLeases working = FleetLeases.open(server.database().inSchema(FleetLeases.SCHEMA), "health-box-1", Duration.ofSeconds(15));
                FleetLeases standby = FleetLeases.open(server.database().inSchema(FleetLeases.SCHEMA), "health-box-2", Duration.ofSeconds(15))) {
            try {
                assertTrue(working.enter());
                assertTrue(standby.enter());
                assertTrue(working.take("hshop"));
                assertTrue(working.take("hcafe"));

                // The age is the database's, read while the test runs: any number of seconds.
                Run holding = health(settings, "health-box-1");
                assertEquals(0, holding.status(), holding.err());
                assertTrue(holding.out().matches("healthy: instance health-box-1 renewed its leases \\d+ s ago; it holds hcafe, hshop\n"),
                        holding.out());
                Run idle = health(settings, "health-box-2");
                assertEquals(0, idle.status(), idle.err());
                assertTrue(idle.out().matches("healthy: instance health-box-2 renewed its leases \\d+ s ago; it holds no bot now \\(the other"
                        + " instances hold them\\)\n"), idle.out());
                standby.leave();
                assertEquals(new Run(1, "", "unhealthy: instance health-box-2 has no live row in " + server.database().inSchema(FleetLeases.SCHEMA)
                        + "; is 'leadbot run' running here on this database?\n"), health(settings, "health-box-2"));
            } finally {
                working.leave();
            }
        }
    }

    private static Run health(Path settings, String instance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"health", "--config", settings.toString()}, new ByteArrayInputStream(new byte[0]), out, err,
                Run.CLOCK, Map.of("LEADBOT_INSTANCE", instance));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
