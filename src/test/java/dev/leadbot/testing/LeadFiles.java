package dev.leadbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSONL leads file as tests look at it while the bot may still be writing it. */
public final class LeadFiles {

    private LeadFiles() {
    }

    /** How many leads the file holds now; 0 while it does not exist yet. */
    public static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
