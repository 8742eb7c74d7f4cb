package dev.leadbot.cli;

import dev.leadbot.config.DatabaseUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.store.Batch;
import dev.leadbot.store.Database;
import dev.leadbot.store.FleetLeases;
import dev.leadbot.store.Store;
import dev.leadbot.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leadbot bots} and {@code --bot} on the commands about one bot, with two bots in the settings. */
class BotsCommandTest {

    @TempDir
    Path dir;

    private Path settings;

    @BeforeEach
    void twoBotsOneOfWhichRan() throws Exception {
        settings = dir.resolve("leadbot.yaml");
        Files.writeString(settings, "bots:\n"
                + "  shop:\n    db: " + dir.resolve("shop/leadbot.db") + "\n    leads_file: " + dir.resolve("shop/leads.jsonl") + "\n"
                + "  cafe:\n    db: " + dir.resolve("cafe/leadbot.db") + "\n    leads_file: " + dir.resolve("cafe/leads.jsonl") + "\n"
                + "    flow: flows/cafe.yaml\n");
        try (Store store = Store.open(dir.resolve("shop/leadbot.db"), Run.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(LeadsCommandTest.OLD);
            batch.completed(LeadsCommandTest.NEW);
            store.commit("qualification", batch);
        }
        Files.writeString(dir.resolve("shop/heartbeat"), "2026-11-22T09:59:30Z");
    }

    @Test
    void listsEveryBotWithItsStateLastUpdateLeadsTodayAndFlow() {
        // A conversation in the shop's database, at the clock's 10:00.
        Run chat = Run.of("quit\n", "chat", "--config", settings.toString(), "--bot", "shop", "--db", dir.resolve("shop/leadbot.db")
                .toString());
        assertEquals(0, chat.status(), chat.err());

        Run run = Run.of("", "bots", "--config", settings.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("""
                bot   state      conversation changed  leads today  flow
                shop  polling    2026-11-22 10:00      1            flows/qualification.yaml
                cafe  never ran  —                     —            flows/cafe.yaml
                times in UTC; 'polling' means it polled Telegram within the last 120 s; a conversation changes with a prospect's step and with the bot's own reminders
                """, run.out());
    }

    @Test
    void onPostgresqlItSaysWhichInstancePollsEachBotWhyOneIsStoppedAndWhichWaits() throws Exception {
        // A database of its own: the fleet's schema it writes is the real one, which must meet no other test's.
        PostgresServer server = PostgresServer.shared();
        String url = server.freshDatabaseUrl("bots_command");
        Database.Postgres database = (Database.Postgres) DatabaseUrl.parse(url);
        Path shared = dir.resolve("shared.yaml");
        Files.writeString(shared, "db: " + url + "\nbots:\n"
                + "  lshop:\n    leads_file: " + dir.resolve("lshop/leads.jsonl") + "\n"
                + "  lcafe:\n    leads_file: " + dir.resolve("lcafe/leads.jsonl") + "\n"
                + "  lbar:\n    leads_file: " + dir.resolve("lbar/leads.jsonl") + "\n");
        for (String bot : List.of("lshop", "lbar")) {
            Store.open(database.forBot(bot), Run.CLOCK).close();
        }
        Database.Postgres fleet = database.inSchema(FleetLeases.SCHEMA);
        try (FleetLeases box7 = FleetLeases.open(fleet, "box-7", Duration.ofSeconds(15));
                FleetLeases box8 = FleetLeases.open(fleet, "box-8", Duration.ofSeconds(15))) {
            try {
                assertTrue(box7.take("lshop"));
                assertTrue(box8.take("lcafe"));
                box8.stopped("lcafe", "Telegram refused its token (401 Unauthorized)");
                // Renewed three hours ago, its expiry pushed out: an age that cannot change while the test runs.
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/bots_command",
                        PostgresServer.USER, PostgresServer.PASSWORD); Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE " + FleetLeases.SCHEMA + ".leases SET renewed_at = now() - interval '3 hours', expires_at = now()"
                            + " + interval '1 hour' WHERE bot = 'lshop'");
                }

                Run run = Run.of("", "bots", "--config", shared.toString());

                assertEquals(0, run.status(), run.err());
                assertEquals("""
                        bot    polling where                                                    conversation changed  leads today  flow
                        lshop  on box-7, renewed 3h 00m ago                                     none yet              0            flows/qualification.yaml
                        lcafe  stopped on box-8: Telegram refused its token (401 Unauthorized)  —                     —            flows/qualification.yaml
                        lbar   nobody — waiting for an instance                                 none yet              0            flows/qualification.yaml
                        times in UTC; 'polling where' is the instance holding the bot's lease (LEADBOT_INSTANCE) and when it last renewed it; a conversation changes with a prospect's step and with the bot's own reminders
                        """, run.out());
            } finally {
                box7.leave();
                box8.leave();
            }
        }
    }

    @Test
    void aCommandAboutOneBotTakesItsNameAndSaysWhichThereAreWithout() {
        Run without = Run.of("", "leads", "--config", settings.toString());
        Run shop = Run.of("", "leads", "--config", settings.toString(), "--bot", "shop", "--format", "jsonl");
        Run typo = Run.of("", "stats", "--config", settings.toString(), "--bot", "shoop");

        assertEquals(2, without.status());
        assertEquals(settings + " declares 2 bots (shop, cafe); say which with --bot NAME\n", without.err());
        assertEquals(0, shop.status(), shop.err());
        assertEquals(2, shop.out().lines().count());
        assertEquals(2, typo.status());
        assertEquals("--bot shoop: no such bot in " + settings + "; did you mean 'shop'? its bots are shop, cafe\n", typo.err());
    }

    @Test
    void validateAndHealthWithoutABotNameLookAtEveryBot() {
        Run validate = Run.of("", "validate", "--config", settings.toString());
        Run health = Run.of("", "health", "--config", settings.toString());
        Run cafeHealth = Run.of("", "health", "--config", settings.toString(), "--bot", "cafe");

        assertEquals(1, validate.status());
        assertEquals("flows/qualification.yaml: OK, 36 nodes\n", validate.out());
        assertEquals(settings + ":8:5: flow of bot 'cafe' names flows/cafe.yaml, which does not exist; did you mean flows/coffee.yaml?\n",
                validate.err());
        assertEquals(0, health.status(), health.err());
        assertEquals("bot 'shop': healthy: polled 30 s ago\nbot 'cafe': unhealthy: no heartbeat at " + dir.resolve("cafe/heartbeat")
                + "; is the bot running (the 'run' command) with this data folder?\n", health.out());
        assertEquals(1, cafeHealth.status());
    }
}
