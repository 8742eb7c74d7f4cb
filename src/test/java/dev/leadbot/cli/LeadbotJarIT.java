package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: a separate process, a piped terminal, real files. */
class LeadbotJarIT {

    private static final Path JAR = Path.of("target/leadbot.jar");

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        // A generous safety net against a hung process, not a timing assertion.
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "leadbot did not finish");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aConversationPipedIntoTheJarLeavesOneLeadInTheDatabase() throws Exception {
        Path db = dir.resolve("data/leadbot.db");

        Result result = run(ChatCommandTest.EXPERT_SCRIPT, "chat", "--db", db.toString(), "--name", "Anna", "--source", "site");
        Result leads = run("", "leads", "--db", db.toString(), "--format", "jsonl");

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains(" сохранена в " + db + "; список заявок: java -jar target/leadbot.jar leads --db " + db
                + " ========\n"), "the command names the jar that ran: " + result.out());
        List<String> lines = leads.out().lines().toList();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"source\":\"site\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"tags\":[\"expert\",\"crm\",\"sheets\"]"), lines.get(0));
    }

    @Test
    void validateExitsOneAndPointsAtTheTyposLine() throws Exception {
        Path flow = dir.resolve("typo.yaml");
        Files.writeString(flow, "start: hello\nnodes:\n  hello:\n    type: mesage\n    text: Hi\n");

        Result result = run("", "validate", flow.toString());

        assertEquals(1, result.status());
        assertEquals(flow + ":4:11: unknown node type 'mesage' in node 'hello'; did you mean 'message'?\n1 problem in " + flow + "\n",
                result.err());
    }

    @Test
    void helpListsTheSubcommands() throws Exception {
        Result result = run("", "--help");

        assertEquals(0, result.status());
        assertTrue(result.out().contains("  chat      Talks through a flow in the terminal"), result.out());
        assertTrue(result.out().contains("  validate  Checks flow files"), result.out());
        assertTrue(result.out().contains("  graph     Prints the flow as a Mermaid flowchart"), result.out());
    }
}
