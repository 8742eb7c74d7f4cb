package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.testing.Flows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCustomersFlowHas720PathsAndEveryOneEnds() {
        Run run = Run.of("", "test", "flows/qualification.yaml");

        assertEquals(new Run(0, "flows/qualification.yaml: 720 paths, the longest asks 11 questions; every path ends, every text has"
                + " its values, every message fits Telegram\n", ""), run);
    }

    /** CI: every flow shipped in flows/ is walked on every build. */
    @Test
    void everyShippedFlowWalksWithoutAProblem() throws IOException {
        List<String> flows;
        try (Stream<Path> files = Files.list(Path.of("flows"))) {
            flows = files.map(Path::toString).filter(f -> f.endsWith(".yaml")).sorted().toList();
        }
        assertFalse(flows.isEmpty());

        Run run = Run.of("", Stream.concat(Stream.of("test"), flows.stream()).toArray(String[]::new));

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void aFlowWithATrapExitsOneNamingThePathThatCannotEnd() throws IOException {
        Path flow = dir.resolve("trap.yaml");
        Files.writeString(flow, Flows.TRAP);

        Run run = Run.of("", "test", flow.toString());

        assertEquals(new Run(1, flow + ": 2 paths, the longest asks 3 questions; 1 problem, 1 of the paths cannot end\n",
                flow + ": a path cannot end: kind=a → ask=x → again=y comes back to 'ask', whose every answer was already given on"
                        + " the way, and none leads to an end\n"), run);
    }

    @Test
    void transcriptsAreWrittenOnePerPathAndReplaceAnEarlierWalks() throws IOException {
        Path out = dir.resolve("paths");
        Files.createDirectories(out);
        Files.writeString(out.resolve("gone" + TestCommand.TRANSCRIPT), "an earlier walk");
        Files.writeString(out.resolve("notes.md"), "the owner's own file");

        Run run = Run.of("", "test", "flows/qualification.yaml", "--transcripts", out.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("wrote 720 transcripts to " + out + "\n"), run.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(721, files.count());
        }
        assertTrue(Files.exists(out.resolve("notes.md")));
        String declined = Files.readString(out.resolve("owner_goods_orders_decline" + TestCommand.TRANSCRIPT));
        assertTrue(declined.startsWith("path: role=owner → sphere=goods → pain_goods=orders → contact_intro=decline\n4 questions\n"),
                declined);
        assertTrue(declined.contains("prospect taps: Не сейчас\n"), declined);
        assertTrue(declined.endsWith("no lead: consent was declined, so nothing about the prospect is kept or sent (ends at 'goodbye')\n"),
                declined);
    }

    @Test
    void anInvalidFlowIsReportedAsValidateWouldAndExitsOne() throws IOException {
        Path flow = dir.resolve("bad.yaml");
        Files.writeString(flow, "start: greting\nnodes:\n  greeting: {type: end, text: Bye}\n");

        Run run = Run.of("", "test", flow.toString());

        assertEquals(new Run(1, "", flow + ":1:8: start names unknown node 'greting'; did you mean 'greeting'?\n1 problem in " + flow
                + "\n"), run);
    }
}
