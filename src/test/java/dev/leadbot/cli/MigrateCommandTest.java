package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
import dev.leadbot.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leadbot migrate}: what it says when it moved a bot, and when it cannot start. */
class MigrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void movesANamedBotsFileIntoItsSchemaAndSaysWhatMovedWithoutThePassword() throws Exception {
        Path file = dir.resolve("migshop/leadbot.db");
        Path settings = dir.resolve("leadbot.yaml");
        Files.writeString(settings, "bots:\n  migshop:\n    db: " + file + "\n  migcafe:\n    db: " + dir.resolve("migcafe/leadbot.db") + "\n");
        try (Store store = Store.open(file, Run.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(LeadsCommandTest.OLD);
            batch.completed(LeadsCommandTest.NEW);
            batch.send(42, List.of("a reply the bot had no time to send"));
            batch.handled(7);
            store.commit("qualification", batch);
        }
        PostgresServer server = PostgresServer.shared();

        Run run = Run.of("", "migrate", "--config", settings.toString(), "--bot", "migshop", "--to", server.url());

        assertEquals(0, run.status(), run.err());
        assertEquals("moved " + file + " into postgresql://leadbot:***@127.0.0.1:" + server.port() + "/postgres (schema bot_migshop) in"
                + " one transaction, every count checked: 0 conversations, 0 question messages, 1 update offset, 2 leads, 0 deliveries,"
                + " 1 message not yet sent, 0 funnel steps, 0 owner-chat messages, 0 open manager conversations, 0 managers writing,"
                + " 0 manager conversation messages, 0 follow-up timers\n"
                + "next: start the bot with LEADBOT_DB set to that postgresql:// URL (or db: in the settings); " + file + " stays as a"
                + " backup, and a bot started on it is refused\n", run.out());
        assertFalse(run.out().contains(PostgresServer.PASSWORD));
        try (Store moved = Store.openForTools(server.database().forBot("migshop"), Run.CLOCK)) {
            assertEquals(2, moved.leads().completedSince(Instant.EPOCH).size());
            assertEquals(1, moved.replies().unsent().size());
        }
    }

    @Test
    void saysWhatToWriteWhenEitherSideIsNotWhatItMoves() {
        Run noTarget = Run.of("", "migrate", "--from", dir.resolve("leadbot.db").toString());
        Run fileTarget = Run.of("", "migrate", "--from", dir.resolve("leadbot.db").toString(), "--to", "data/other.db");
        Run postgresSource = Run.of("", "migrate", "--from", "postgresql://leadbot:s3cret-9@db.internal/leads", "--to",
                "postgresql://leadbot:s3cret-9@db.internal/leads");

        assertEquals(new Run(2, "", "no PostgreSQL database named: write --to postgresql://user:password@host:5432/database\n"), noTarget);
        assertEquals(new Run(2, "", "--to data/other.db is not a PostgreSQL URL: write --to postgresql://user:password@host:5432/database\n"),
                fileTarget);
        assertEquals(new Run(2, "", "--from postgresql://leadbot:***@db.internal:5432/leads (schema leadbot): name the bot's SQLite file;"
                + " migrate moves a file into PostgreSQL\n"), postgresSource);
    }

    @Test
    void aMissingFileIsOneLineSayingWhereTheBotKeepsIt() {
        Path missing = dir.resolve("data/leadbot.db");
        Run run = Run.of("", "migrate", "--from", missing.toString(), "--to", PostgresServer.shared().url());

        assertEquals(new Run(1, "", missing + " does not exist: name the bot's database file with --from (LEADBOT_DB or db: in the"
                + " settings; data/leadbot.db by default, data/NAME/leadbot.db for a bot named NAME)\n"), run);
        assertFalse(Files.exists(missing));
    }
}
