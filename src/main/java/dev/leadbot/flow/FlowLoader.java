package dev.leadbot.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and validates flow files; the only way to get a {@link Flow}. */
public final class FlowLoader {

    private FlowLoader() {
    }

    /**
     * Loads the flow in {@code file}.
     *
     * @throws InvalidFlowException with every problem in the file, each with line and column
     * @throws IOException          when the file cannot be read
     */
    public static Flow load(Path file) throws IOException, InvalidFlowException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses flow YAML; {@code fileName} is what problem messages start with. */
    public static Flow parse(String fileName, String yaml) throws InvalidFlowException {
        return new FlowParser(fileName, yaml).parse();
    }
}
