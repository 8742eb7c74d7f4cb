package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aValidFlowExitsZeroAndSaysSo() {
        Run run = Run.of("", "validate", "flows/qualification.yaml");

        assertEquals(new Run(0, "flows/qualification.yaml: OK, 36 nodes\n", ""), run);
    }

    @Test
    void aTypoIsReportedAtItsLineAndExitsOne() throws IOException {
        Path flow = dir.resolve("typo.yaml");
        Files.writeString(flow, Files.readString(Path.of("flows/qualification.yaml")).replace("next: pain_goods", "next: pain_godos")
                .replace("goto: pain_goods", "goto: pain_godos"));

        Run run = Run.of("", "validate", flow.toString());

        assertEquals(1, run.status());
        assertEquals(flow + ":78:15: 'next' of node 'sphere' names unknown node 'pain_godos'; did you mean 'pain_goods' (line 89)?\n"
                + "1 problem in " + flow + "\n", run.err());
    }

    @Test
    void oneBadFileAmongGoodOnesExitsOneAndStillChecksTheRest() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "start: a\n");

        Run run = Run.of("", "validate", bad.toString(), "flows/qualification.yaml");

        assertEquals(1, run.status());
        assertEquals("flows/qualification.yaml: OK, 36 nodes\n", run.out());
        assertEquals(bad + ":1:1: the flow needs 'nodes:', a mapping from node id to node\n"
                + bad + ":1:8: start names unknown node 'a'; write the id of one of the nodes under 'nodes:'\n"
                + "2 problems in " + bad + "\n", run.err());
    }

    @Test
    void aMissingFileExitsOneNamingIt() {
        Run run = Run.of("", "validate", "flows/nope.yaml");

        assertEquals(new Run(1, "", "flows/nope.yaml: no such file; give the path of a flow, e.g. flows/qualification.yaml\n"), run);
    }

    @Test
    void noFileIsAUsageError() {
        Run run = Run.of("", "validate");

        assertEquals(2, run.status());
        assertEquals("Missing required parameter: 'FLOW'", run.err().lines().findFirst().orElseThrow());
    }
}
