package dev.leadbot.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The log lines written while it is open, kept instead of printed: a test that expects an error
 * asserts on its line, and a passing build shows none of it. slf4j-simple writes to whatever
 * {@code System.err} is at the moment of each line.
 */
public final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public CapturedLog() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Every line logged so far. */
    public synchronized List<String> lines() {
        System.err.flush();
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
    }

    /** The lines containing {@code part}. */
    public List<String> lines(String part) {
        return lines().stream().filter(l -> l.contains(part)).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
