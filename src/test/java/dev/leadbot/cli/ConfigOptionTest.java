package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.JsonlFileSink;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One settings file for every command: each reads --config, and a named file that is missing stops each of them. */
class ConfigOptionTest {

    /** Every command that reads settings, with the arguments it needs besides --config. */
    static final List<List<String>> COMMANDS = List.of(List.of("run"), List.of("chat"), List.of("validate"), List.of("test"), List.of("graph"),
            List.of("leads"), List.of("forget", "42"), List.of("health"), List.of("stats"), List.of("sinks", "check"));

    @TempDir
    Path dir;

    private Path config;
    private Path db;
    private Path leadsFile;

    @BeforeEach
    void writeSettings() throws Exception {
        db = dir.resolve("elsewhere/bot.db");
        leadsFile = dir.resolve("elsewhere/leads.jsonl");
        Files.createDirectories(db.getParent());
        try (Store store = Store.open(db, Run.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(LeadsCommandTest.OLD);
            store.commit("qualification", batch);
        }
        new JsonlFileSink(leadsFile).deliver(LeadsCommandTest.OLD, 1);
        Files.writeString(leadsFile.resolveSibling("heartbeat"), Run.CLOCK.instant().minusSeconds(5).toString());
        Path flow = dir.resolve("tiny.yaml");
        Files.writeString(flow, "start: bye\nnodes:\n  bye: {type: end, text: Bye}\n");
        config = dir.resolve("settings.yaml");
        Files.writeString(config, "db: " + db + "\nleads_file: " + leadsFile + "\nflow: " + flow + "\n");
    }

    private static Run run(List<String> command, String... more) {
        return Run.of("", Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void aNamedSettingsFileThatIsMissingStopsEveryCommandWithTheSameMessage() {
        Path missing = dir.resolve("nope.yaml");
        for (List<String> command : COMMANDS) {
            assertEquals(new Run(2, "", "--config " + missing + ": no such file; write the path of your settings file, or leave --config"
                    + " out to read leadbot.yaml from the current folder when there is one\n"), run(command, "--config", missing.toString()),
                    String.join(" ", command));
        }
    }

    @Test
    void everyCommandReadsItsFilesFromTheSettingsFile() throws Exception {
        String c = config.toString();
        assertTrue(run(List.of("leads"), "--config", c).out().endsWith("\n1 lead\n"), "leads reads db:");
        assertEquals(0, run(List.of("health"), "--config", c).status(), "health finds the heartbeat beside leads_file:");
        assertTrue(run(List.of("validate"), "--config", c).out().startsWith(dir.resolve("tiny.yaml") + ": OK"), "validate reads flow:");
        assertTrue(run(List.of("graph"), "--config", c).out().contains("bye([\"bye: Bye\"])"), "graph reads flow:");
        assertEquals(0, run(List.of("test"), "--config", c).status(), "test reads flow:");
        assertTrue(run(List.of("chat", "--db", dir.resolve("chat.db").toString()), "--config", c).out().contains("bot: Bye"),
                "chat reads flow:");
        assertEquals(0, run(List.of("stats"), "--config", c).status(), "stats reads db:");
        assertEquals(0, run(List.of("forget", "42"), "--config", c).status(), "forget reads db: and leads_file:");
        assertEquals(List.of(), Files.readAllLines(leadsFile));
        assertTrue(run(List.of("leads"), "--config", c).out().endsWith("\n0 leads\n"));
        assertEquals(new Run(0, "no sinks in " + c + ": leads go to the owner chats and the leads file only\n", ""),
                run(List.of("sinks", "check"), "--config", c));
        Run bot = run(List.of("run"), "--config", c);
        assertEquals(2, bot.status());
        assertTrue(bot.err().startsWith("TELEGRAM_BOT_TOKEN is not set"), bot.err());
    }
}
