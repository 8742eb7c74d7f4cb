package dev.leadbot.testing;

import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import java.nio.file.Path;

/** Flows for tests: inline YAML or the shipped files. */
public final class Flows {

    private Flows() {
    }

    public static Flow parse(String yaml) {
        try {
            return FlowLoader.parse("test.yaml", yaml);
        } catch (InvalidFlowException e) {
            throw new AssertionError("test flow is invalid:\n" + e.getMessage(), e);
        }
    }

    public static Flow qualification() {
        try {
            return FlowLoader.load(Path.of("flows/qualification.yaml"));
        } catch (Exception e) {
            throw new AssertionError("flows/qualification.yaml does not load", e);
        }
    }
}
