package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every --help, as a terminal of 80 columns shows it: whole words, finished sentences; --version wherever it is offered. */
class HelpTextTest {

    /** Every command line that has a help text: leadbot, each subcommand, and theirs. */
    private static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(Main.commandLine(Run.console(), dev.leadbot.sink.http.HttpSetup::standard), new ArrayList<>(), all);
        return all;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, all);
            }
        });
    }

    private static String help(List<String> command) {
        Run run = Run.of("", Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new));
        assertEquals(0, run.status(), command + ": " + run.err());
        return run.out();
    }

    /** The words the command's texts are written with: each must show whole in its help. */
    private static List<String> writtenWords(List<String> command) {
        CommandSpec spec = Main.commandLine(Run.console(), dev.leadbot.sink.http.HttpSetup::standard).getCommandSpec();
        for (String name : command) {
            spec = spec.subcommands().get(name).getCommandSpec();
        }
        List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(Arrays.asList(arg.description()));
        }
        return texts.stream().flatMap(t -> Arrays.stream(t.split("\\s+"))).filter(w -> !w.isEmpty() && !w.contains("${")).toList();
    }

    @Test
    void everyHelpFitsEightyColumnsWithoutBreakingAWord() {
        for (List<String> command : commands()) {
            String help = help(command);
            help.lines().forEach(line -> assertTrue(line.length() <= 80, command + " has a line of " + line.length() + ": " + line));
            Set<String> shown = new HashSet<>(Arrays.asList(help.split("\\s+")));
            for (String word : writtenWords(command)) {
                assertTrue(shown.contains(word), command + " breaks '" + word + "' across lines:\n" + help);
            }
        }
    }

    @Test
    void everyHelpDescriptionIsAFinishedSentence() {
        for (List<String> command : commands()) {
            CommandSpec spec = Main.commandLine(Run.console(), dev.leadbot.sink.http.HttpSetup::standard).getCommandSpec();
            for (String name : command) {
                spec = spec.subcommands().get(name).getCommandSpec();
            }
            String text = String.join(" ", spec.usageMessage().description()).strip();
            assertTrue(text.endsWith("."), command + " ends mid-sentence: " + text);
            // The parent's list of commands shows the first line alone.
            String first = spec.usageMessage().description()[0];
            assertTrue(first.endsWith("."), command + " is listed with half a sentence: " + first);
        }
    }

    @Test
    void versionIsPrintedWhereverItIsOffered() {
        for (List<String> command : commands()) {
            for (String flag : List.of("--version", "-V")) {
                Run run = Run.of("", Stream.concat(command.stream(), Stream.of(flag)).toArray(String[]::new));
                assertEquals(new Run(0, "leadbot " + Main.VERSION + "\n", ""), run, command + " " + flag);
            }
        }
    }
}
