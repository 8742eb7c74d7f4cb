package dev.leadbot.sink;

import java.util.List;

/** A sink's settings cannot work; every problem is listed, each naming the file, the sink and the setting. */
public final class InvalidSinkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<SinkProblem> problems;

    public InvalidSinkException(List<SinkProblem> problems) {
        super(String.join("\n", problems.stream().map(SinkProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem as printed. */
    public List<String> problems() {
        return problems.stream().map(SinkProblem::toString).toList();
    }

    /** Every problem as a value, its place apart. */
    public List<SinkProblem> placed() {
        return problems;
    }

    /** Throws when the reader found anything wrong. */
    public static void throwIfAny(SinkSettings.Reader reader) throws InvalidSinkException {
        if (!reader.problems().isEmpty()) {
            throw new InvalidSinkException(reader.problems());
        }
    }
}
