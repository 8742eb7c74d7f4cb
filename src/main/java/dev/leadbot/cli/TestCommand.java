package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.flow.Flow;
import dev.leadbot.walkthrough.PathWalker;
import dev.leadbot.walkthrough.Walk;
import dev.leadbot.walkthrough.WalkedPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leadbot test FLOW...}: walks every path of each flow through the engine and reports the
 * number of paths, the longest, and any path that cannot end, text shown without its value or
 * message over Telegram's limits. Exit status 1 on a problem.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Walks every path of a flow as a prospect would; exits 1 on a problem.", "",
                "Every option, typed answers, back and restart are tried; it reports paths",
                "that cannot end, texts with a missing value and messages over Telegram's",
                "limits.", ""})
final class TestCommand implements Callable<Integer> {

    /** Transcripts this command writes end so; stale ones from an earlier walk are replaced. */
    static final String TRANSCRIPT = ".path.txt";

    private final Console console;

    @Parameters(arity = "0..*", paramLabel = "FLOW",
            description = {"Flow files to walk, e.g. flows/*.yaml; default:", "the settings' flow, else " + FlowFiles.DEFAULT})
    private List<Path> files = List.of();

    @Option(names = "--transcripts", paramLabel = "DIR",
            description = {"Write one readable transcript per path here (one", "folder per flow when several), to review and",
                    "compare after an edit"})
    private Optional<Path> transcripts;

    @Mixin
    private ConfigOption config;

    TestCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        // With no file named, the flow of each bot of the settings (or of the one --bot names).
        Optional<List<Settings>> settings = this.files.isEmpty() ? config.loadEach(console)
                : config.loadIfNamed(console).map(List::of);
        if (settings.isEmpty()) {
            return 2;
        }
        List<Path> files = this.files.isEmpty() ? settings.get().stream().map(Settings::flow).distinct().toList() : this.files;
        boolean clean = true;
        for (Path file : files) {
            Optional<Flow> flow = FlowFiles.load(file, console.err());
            if (flow.isEmpty()) {
                clean = false;
                continue;
            }
            Walk walk = new PathWalker(flow.get()).walk();
            if (transcripts.isPresent()) {
                write(walk, files.size() == 1 ? transcripts.get() : transcripts.get().resolve(flow.get().id()));
            }
            walk.problems().forEach(problem -> console.err().println(file + ": " + problem));
            console.out().println(file + ": " + summary(walk));
            clean &= walk.problems().isEmpty();
        }
        return clean ? 0 : 1;
    }

    private static String summary(Walk walk) {
        String paths = String.format("%,d", walk.paths().size()) + (walk.paths().size() == 1 ? " path" : " paths")
                + (walk.cut() ? " (stopped there: there are more)" : "") + ", the longest asks " + walk.longest()
                + (walk.longest() == 1 ? " question" : " questions");
        if (walk.problems().isEmpty()) {
            return paths + "; every path ends, every text has its values, every message fits Telegram";
        }
        return paths + "; " + walk.problems().size() + (walk.problems().size() == 1 ? " problem" : " problems")
                + (walk.endless() > 0 ? ", " + walk.endless() + " of the paths cannot end" : "");
    }

    private void write(Walk walk, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path stale : old.filter(f -> f.getFileName().toString().endsWith(TRANSCRIPT)).toList()) {
                Files.delete(stale);
            }
        }
        Set<String> names = new HashSet<>();
        for (WalkedPath path : walk.paths()) {
            String name = path.name();
            for (int n = 2; !names.add(name); n++) {
                name = path.name() + "-" + n;
            }
            String header = "path: " + String.join(" → ", path.choices()) + "\n" + path.questions() + " questions"
                    + (path.ends() ? "" : "; this path cannot end") + "\n";
            Files.writeString(dir.resolve(name + TRANSCRIPT), header + String.join("\n", path.transcript()) + "\n", StandardCharsets.UTF_8);
        }
        console.out().println("wrote " + walk.paths().size() + " transcripts to " + dir);
    }
}
