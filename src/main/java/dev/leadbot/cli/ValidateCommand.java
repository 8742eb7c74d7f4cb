package dev.leadbot.cli;

import dev.leadbot.flow.Flow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code leadbot validate FLOW...}: every problem of every file, exit status 1 if any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks flow files and prints every problem as file:line:column: what to fix. Exits 1 if any.")
final class ValidateCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(arity = "1..*", paramLabel = "FLOW", description = "Flow files to check, e.g. flows/*.yaml")
    private List<Path> files;

    ValidateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        boolean allValid = true;
        for (Path file : files) {
            Optional<Flow> flow = FlowFiles.load(file, console.err());
            flow.ifPresent(f -> console.out().println(file + ": OK, " + f.nodes().size() + " nodes"));
            allValid &= flow.isPresent();
        }
        return allValid ? 0 : 1;
    }
}
