package dev.leadbot.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One in-process run of the command line: its exit status and what it printed. */
record Run(int status, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    static Run of(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, CLOCK, java.util.Map.of());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A console that reads nothing and writes nowhere, for looking at the commands' specs. */
    static Console console() {
        java.io.PrintWriter nowhere = new java.io.PrintWriter(java.io.Writer.nullWriter());
        return new Console(new java.io.BufferedReader(java.io.Reader.nullReader()), nowhere, nowhere, CLOCK, java.util.Map.of());
    }
}
