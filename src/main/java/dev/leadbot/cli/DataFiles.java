package dev.leadbot.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Which data file a command means: its own option, else the environment variable the bot uses, else the default. */
final class DataFiles {

    static final String DATABASE = "data/leadbot.db";
    static final String LEADS = "data/leads.jsonl";

    private DataFiles() {
    }

    static Path database(Optional<Path> option, Console console) {
        return option.orElseGet(() -> fromEnv(console, ServiceSettings.DB, DATABASE));
    }

    static Path leads(Optional<Path> option, Console console) {
        return option.orElseGet(() -> fromEnv(console, ServiceSettings.LEADS, LEADS));
    }

    private static Path fromEnv(Console console, String variable, String fallback) {
        return Path.of(Optional.ofNullable(console.env().get(variable)).filter(v -> !v.isBlank()).orElse(fallback));
    }
}
