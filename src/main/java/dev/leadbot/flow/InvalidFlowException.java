package dev.leadbot.flow;

import java.util.List;
import java.util.stream.Collectors;

/** A flow file that cannot be run, with every problem found in it. */
public final class InvalidFlowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    InvalidFlowException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
