package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.config.SettingsProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import dev.leadbot.flow.Problem;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leadbot validate FLOW...}: every problem of every file, sorted by line, then a one-line
 * count; {@code --format json} for editors and CI. Exit status 1 if any.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks flow files; prints every problem, then a count. Exits 1 if any.", "",
                "Each problem reads file:line:column: what is wrong; what to write instead.", ""})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    /** What checking one file found: the flow, or its problems, or why it could not be read. */
    private record Checked(Path file, Optional<Flow> flow, List<Problem> problems, Optional<String> unreadable) {
        int count() {
            return problems.size() + (unreadable.isPresent() ? 1 : 0);
        }
    }

    private final Console console;

    @Parameters(arity = "0..*", paramLabel = "FLOW",
            description = {"Flow files to check, e.g. flows/*.yaml; default:", "the settings' flow, else " + FlowFiles.DEFAULT})
    private List<Path> files = List.of();

    @Mixin
    private ConfigOption config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"text (file:line:column: message) or json;", "default: ${DEFAULT-VALUE}"})
    private Format format;

    ValidateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        // With no file named, the flow of each bot of the settings (or of the one --bot names).
        Optional<List<Settings>> settings = files.isEmpty() ? config.loadEach(console) : config.loadIfNamed(console).map(List::of);
        if (settings.isEmpty()) {
            return 2;
        }
        // A flow the settings name that is not there is said at the line naming it, with the closest file of its folder.
        List<SettingsProblem> missing = files.isEmpty() ? settings.get().stream().flatMap(s -> s.missingFlow().stream()).distinct().toList()
                : List.of();
        missing.forEach(console.err()::println);
        List<Path> flows = files.isEmpty() ? settings.get().stream().filter(s -> s.missingFlow().isEmpty()).map(Settings::flow).distinct()
                .toList() : files;
        List<Checked> checked = flows.stream().map(ValidateCommand::check).toList();
        if (format == Format.json) {
            console.out().println(json(checked));
        } else {
            text(checked);
        }
        return missing.isEmpty() && checked.stream().allMatch(c -> c.count() == 0) ? 0 : 1;
    }

    private static Checked check(Path file) {
        try {
            return new Checked(file, Optional.of(FlowLoader.load(file)), List.of(), Optional.empty());
        } catch (InvalidFlowException e) {
            return new Checked(file, Optional.empty(), e.problems(), Optional.empty());
        } catch (NoSuchFileException e) {
            return new Checked(file, Optional.empty(), List.of(), Optional.of("no such file; give the path of a flow, e.g. " + FlowFiles.DEFAULT));
        } catch (IOException e) {
            return new Checked(file, Optional.empty(), List.of(), Optional.of("cannot read it: " + e.getMessage()));
        }
    }

    private void text(List<Checked> checked) {
        for (Checked file : checked) {
            file.flow().ifPresent(f -> console.out().println(file.file() + ": OK, " + Count.of(f.nodes().size(), "node", "nodes")));
            file.problems().forEach(p -> console.err().println(p));
            file.unreadable().ifPresent(why -> console.err().println(file.file() + ": " + why));
        }
        int problems = checked.stream().mapToInt(Checked::count).sum();
        long bad = checked.stream().filter(c -> c.count() > 0).count();
        if (checked.size() == 1 && problems > 0 && checked.get(0).unreadable().isEmpty()) {
            console.err().println(Count.of(problems, "problem", "problems") + " in " + checked.get(0).file());
        } else if (checked.size() > 1 && problems > 0) {
            console.err().println(Count.of(problems, "problem", "problems") + " in " + bad + " of " + checked.size() + " files");
        } else if (checked.size() > 1) {
            console.out().println("no problems in " + checked.size() + " files");
        }
    }

    private static String json(List<Checked> checked) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("files");
        for (Checked file : checked) {
            ObjectNode entry = list.addObject().put("file", file.file().toString()).put("valid", file.count() == 0);
            file.flow().ifPresent(f -> entry.put("nodes", f.nodes().size()));
            ArrayNode problems = entry.putArray("problems");
            file.problems().forEach(p -> problems.addObject().put("line", p.at().line()).put("column", p.at().column())
                    .put("message", p.message()));
            file.unreadable().ifPresent(why -> problems.addObject().put("line", 0).put("column", 0).put("message", why));
        }
        root.put("problems", checked.stream().mapToInt(Checked::count).sum());
        return root.toString();
    }
}
