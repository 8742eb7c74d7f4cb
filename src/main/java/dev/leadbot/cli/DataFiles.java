package dev.leadbot.cli;

import java.nio.file.Path;

/** The data files' defaults; each command takes its own option first, then the settings. */
final class DataFiles {

    static final String DATABASE = "data/leadbot.db";
    static final String LEADS = "data/leads.jsonl";
    /** The terminal chat's own database: its test conversations never meet the bot's, and it runs beside a running bot. */
    static final String CHAT_DATABASE = "data/chat.db";

    private DataFiles() {
    }
}
