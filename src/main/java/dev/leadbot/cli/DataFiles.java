package dev.leadbot.cli;

import dev.leadbot.config.Settings;

/** The data files' defaults; each command takes its own option first, then the settings (which hold the bot's defaults). */
final class DataFiles {

    static final String DATABASE = Settings.DEFAULT_DATABASE;
    /** The terminal chat's own database: its test conversations never meet the bot's, and it runs beside a running bot. */
    static final String CHAT_DATABASE = "data/chat.db";

    private DataFiles() {
    }
}
