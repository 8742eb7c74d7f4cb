package dev.leadbot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code leadbot graph FLOW}: the flow as a Mermaid flowchart. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints the flow as a Mermaid flowchart; paste it into any Markdown viewer that draws Mermaid.")
final class GraphCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "FLOW", defaultValue = FlowFiles.DEFAULT, description = "The flow file (default: ${DEFAULT-VALUE})")
    private Path file;

    GraphCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return FlowFiles.load(file, console.err()).map(flow -> {
            console.out().print(MermaidChart.of(flow));
            return 0;
        }).orElse(1);
    }
}
