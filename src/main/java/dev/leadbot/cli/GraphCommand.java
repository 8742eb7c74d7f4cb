package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leadbot graph FLOW}: the flow as a Mermaid flowchart. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Prints the flow as a Mermaid flowchart.", "",
                "Paste it into any Markdown viewer that draws Mermaid (GitHub, GitLab,", "the Mermaid Live Editor).", ""})
final class GraphCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLOW",
            description = {"The flow file; default: the settings' flow,", "else " + FlowFiles.DEFAULT})
    private Optional<Path> file;

    @Mixin
    private ConfigOption config;

    GraphCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Settings> settings = file.isPresent() ? config.loadIfNamed(console) : config.load(console);
        if (settings.isEmpty()) {
            return 2;
        }
        return (file.isPresent() ? FlowFiles.load(file.get(), console.err()) : FlowFiles.load(settings.get(), console.err())).map(flow -> {
            console.out().print(MermaidChart.of(flow));
            return 0;
        }).orElse(1);
    }
}
