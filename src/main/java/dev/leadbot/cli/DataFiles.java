package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.store.Database;
import java.nio.file.Path;

/** The data files' defaults; each command takes its own option first, then the settings (which hold the bot's defaults). */
final class DataFiles {

    static final String DATABASE = Settings.DEFAULT_DATABASE;
    /** The terminal chat's own database: its test conversations never meet the bot's, and it runs beside a running bot. */
    static final String CHAT_DATABASE = "data/chat.db";

    private DataFiles() {
    }

    /**
     * The terminal chat's database for these settings: a named bot's beside its database file (or in its own folder under
     * data/ when it keeps its state in PostgreSQL), so one bot's test conversations never meet another's; else data/chat.db.
     */
    static Path chatDatabase(Settings settings) {
        return settings.botName().map(bot -> settings.database() instanceof Database.SqliteFile file ? file.file().resolveSibling("chat.db")
                : Path.of(CHAT_DATABASE).resolveSibling(bot).resolve("chat.db")).orElse(Path.of(CHAT_DATABASE));
    }
}
