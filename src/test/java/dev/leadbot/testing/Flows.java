package dev.leadbot.testing;

import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import java.nio.file.Path;

/** Flows for tests: inline YAML or the shipped files. */
public final class Flows {

    /** The customer's flow, as shipped. */
    public static final Path QUALIFICATION = Path.of("flows/qualification.yaml");

    /**
     * A trap: after answer 'a', 'ask' and 'again' lead only to each other, so that path can never end
     * (the validator cannot see it; walking every path does).
     */
    public static final String TRAP = """
                start: kind
                nodes:
                  kind:
                    type: choice
                    text: Kind?
                    options: [{ id: a, label: A }, { id: b, label: B }]
                    next: ask
                  ask:
                    type: choice
                    text: Sure?
                    options: [{ id: x, label: X }]
                    next:
                      - if: { kind: a }
                        goto: again
                      - goto: bye
                  again:
                    type: choice
                    text: Really sure?
                    options: [{ id: y, label: Y }]
                    next: ask
                  bye: { type: end, text: Bye }
                """;

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
        return load(QUALIFICATION);
    }

    public static Flow load(Path file) {
        try {
            return FlowLoader.load(file);
        } catch (Exception e) {
            throw new AssertionError(file + " does not load", e);
        }
    }
}
