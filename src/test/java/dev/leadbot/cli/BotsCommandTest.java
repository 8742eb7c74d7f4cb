package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
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
        assertEquals("flows/cafe.yaml: no such file; give the path of a flow, e.g. flows/qualification.yaml\n1 problem in 1 of 2 files\n",
                validate.err());
        assertEquals(0, health.status(), health.err());
        assertEquals("bot 'shop': healthy: polled 30 s ago\nbot 'cafe': unhealthy: no heartbeat at " + dir.resolve("cafe/heartbeat")
                + "; is the bot running (the 'run' command) with this data folder?\n", health.out());
        assertEquals(1, cafeHealth.status());
    }
}
