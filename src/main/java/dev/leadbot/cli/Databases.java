package dev.leadbot.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Which database file a command means: its --db, else LEADBOT_DB, else the default. */
final class Databases {

    static final String DEFAULT = "data/leadbot.db";

    private Databases() {
    }

    static Path path(Optional<Path> option, Console console) {
        return option.orElseGet(() -> Path.of(Optional.ofNullable(console.env().get(ServiceSettings.DB)).filter(v -> !v.isBlank())
                .orElse(DEFAULT)));
    }
}
