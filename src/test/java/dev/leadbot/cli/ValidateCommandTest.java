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
        assertEquals(flow + ":80:15: 'next' of node 'sphere' names unknown node 'pain_godos'; did you mean 'pain_goods' (line 91)?\n"
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
                + "2 problems in 1 of 2 files\n", run.err());
    }

    @Test
    void severalValidFilesEndWithACount() {
        Run run = Run.of("", "validate", "flows/qualification.yaml", "flows/qualification.yaml");

        assertEquals(new Run(0, "flows/qualification.yaml: OK, 36 nodes\nflows/qualification.yaml: OK, 36 nodes\n"
                + "no problems in 2 files\n", ""), run);
    }

    @Test
    void problemsArePrintedByLineWhateverOrderTheyWereFoundIn() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                start: a
                nodes:
                  a: {type: message, text: "Hi {nme}", next: b}
                  b: {type: end, text: Bye, next: a}
                  c: {type: end, text: Lost}
                """);

        Run run = Run.of("", "validate", bad.toString());

        assertEquals(bad + ":3:32: '{nme}' in node 'a' is not saved by any node; did you mean '{name}'?\n"
                + bad + ":4:29: 'next' in end node 'b' is never used: an end node finishes the flow; remove it, or use 'type: message'"
                + " to go on\n"
                + bad + ":5:3: node 'c' is never reached from start 'a'; link to it from another node's next, or delete it\n"
                + "3 problems in " + bad + "\n", run.err());
    }

    @Test
    void jsonGivesEveryFileWithItsProblemsForEditorsAndCi() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "start: greting\nnodes:\n  greeting: {type: end, text: Bye}\n");

        Run run = Run.of("", "validate", "--format", "json", "flows/qualification.yaml", bad.toString());

        assertEquals(1, run.status());
        assertEquals("{\"files\":[{\"file\":\"flows/qualification.yaml\",\"valid\":true,\"nodes\":36,\"problems\":[]},"
                + "{\"file\":\"" + bad + "\",\"valid\":false,\"problems\":[{\"line\":1,\"column\":8,\"message\":\"start names"
                + " unknown node 'greting'; did you mean 'greeting'?\"}]}],\"problems\":1}\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void aMissingFileExitsOneNamingIt() {
        Run run = Run.of("", "validate", "flows/nope.yaml");

        assertEquals(new Run(1, "", "flows/nope.yaml: no such file; give the path of a flow, e.g. flows/qualification.yaml\n"), run);
    }

    @Test
    void withoutAFileItChecksTheFlowTheSettingsName() throws Exception {
        Path flow = dir.resolve("mine.yaml");
        Files.writeString(flow, "start: bye\nnodes:\n  bye: {type: end, text: Bye}\n");
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, "flow: " + flow + "\n");

        assertEquals(new Run(0, flow + ": OK, 1 node\n", ""), Run.of("", "validate", "--config", settings.toString()));
    }

    /** README's several-bots example, copied as it is written, with its variables exported: its flows exist and it validates. */
    @Test
    void readmesSeveralBotsExampleValidatesAsWritten() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(readme);
        String example = null;
        while (block.find() && example == null) {
            example = block.group(1).contains("\nbots:\n") && block.group(1).contains("  dental:\n") ? block.group(1) : null;
        }
        Path settings = dir.resolve("leadbot.yaml");
        Files.writeString(settings, java.util.Objects.requireNonNull(example, "README has a yaml block declaring the bot 'dental'"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int status = Main.run(new String[] {"validate", "--config", settings.toString()}, java.io.InputStream.nullInputStream(), out, err,
                Run.CLOCK, java.util.Map.of("DENTAL_TOKEN", "1234568:AAdentalTokenForTheReadmeExample_abcde",
                        "COFFEE_TOKEN", "1234569:AAcoffeeTokenForTheReadmeExample_abcde", "STUDIO_WEBHOOK_SECRET",
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        assertEquals(new Run(0, "flows/dental.yaml: OK, 8 nodes\nflows/coffee.yaml: OK, 8 nodes\nno problems in 2 files\n", ""),
                new Run(status, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aMisspeltFlowPathInTheSettingsIsReportedAtItsLineWithTheClosestFlow() throws IOException {
        Path settings = dir.resolve("leadbot.yaml");
        Files.writeString(settings, "bots:\n  dental:\n    telegram_bot_token: ${DENTAL_TOKEN}\n    flow: flows/dentl.yaml\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int status = Main.run(new String[] {"validate", "--config", settings.toString()}, java.io.InputStream.nullInputStream(), out, err,
                Run.CLOCK, java.util.Map.of("DENTAL_TOKEN", "1234568:AAdentalTokenForTheReadmeExample_abcde"));

        assertEquals(new Run(1, "", settings + ":4:5: flow of bot 'dental' names flows/dentl.yaml, which does not exist; did you mean"
                + " flows/dental.yaml?\n"), new Run(status, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
