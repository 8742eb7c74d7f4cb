package dev.leadbot.sink;

import java.util.List;

/** A sink's settings cannot work; every problem is listed, each naming the file, the sink and the setting. */
public final class InvalidSinkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSinkException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** Throws when the reader found anything wrong. */
    public static void throwIfAny(SinkSettings.Reader reader) throws InvalidSinkException {
        if (!reader.problems().isEmpty()) {
            throw new InvalidSinkException(reader.problems());
        }
    }
}
