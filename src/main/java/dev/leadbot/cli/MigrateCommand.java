package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.store.Database;
import dev.leadbot.store.StoreException;
import dev.leadbot.store.StoreTransfer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leadbot migrate}: a bot's SQLite file moved into its PostgreSQL schema, every conversation with it. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Moves a bot's state from its SQLite file into PostgreSQL.", "",
                "Stop the bot first: migrate refuses a file a running bot holds.",
                "Every table (conversations, the update offset, leads and their",
                "deliveries, messages not yet sent, the funnel, follow-ups) is",
                "copied in one transaction into the bot's schema (created at this",
                "version), and each table's count is checked. Then start the bot",
                "with LEADBOT_DB=postgresql://…; the file stays as it was.", ""})
final class MigrateCommand implements Callable<Integer> {

    /** Each table's rows in an operator's words; a table a later version adds is named as it is. */
    private static final Map<String, List<String>> NOUNS = Map.ofEntries(
            Map.entry("conversations", List.of("conversation", "conversations")),
            Map.entry("question_messages", List.of("question message", "question messages")),
            Map.entry("polling", List.of("update offset", "update offsets")),
            Map.entry("leads", List.of("lead", "leads")),
            Map.entry("deliveries", List.of("delivery", "deliveries")),
            Map.entry("outgoing", List.of("message not yet sent", "messages not yet sent")),
            Map.entry("funnel_events", List.of("funnel step", "funnel steps")),
            Map.entry("owner_messages", List.of("owner-chat message", "owner-chat messages")),
            Map.entry("dialogs", List.of("open manager conversation", "open manager conversations")),
            Map.entry("dialog_writers", List.of("manager writing", "managers writing")),
            Map.entry("dialog_messages", List.of("manager conversation message", "manager conversation messages")),
            Map.entry("follow_ups", List.of("follow-up timer", "follow-up timers")));

    private final Console console;

    @Option(names = "--from", paramLabel = "FILE", description = {"The bot's SQLite file; default: the settings' db",
            "when it is a file, else data/leadbot.db, or",
            "data/NAME/leadbot.db with --bot"})
    private Optional<Database> from;

    @Option(names = "--to", paramLabel = "URL", description = {"postgresql://user:password@host:5432/database;",
            "default: the settings' db when it is one. The bot",
            "gets its schema there: leadbot, or bot_NAME with --bot"})
    private Optional<Database> to;

    @Option(names = "--replace", description = {"Delete what the schema holds already and copy the",
            "file; without it such a schema is refused"})
    private boolean replace;

    @Mixin
    private ConfigOption config;

    MigrateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Settings> settings = config.load(console);
        if (settings.isEmpty()) {
            return 2;
        }
        Database configured = settings.get().database();
        Database defaultFile = new Database.SqliteFile(Path.of(DataFiles.DATABASE));
        Database source = from.orElse(configured instanceof Database.SqliteFile ? configured
                : settings.get().botName().map(defaultFile::forBot).orElse(defaultFile));
        if (!(source instanceof Database.SqliteFile file)) {
            console.err().println("--from " + source + ": name the bot's SQLite file; migrate moves a file into PostgreSQL");
            return 2;
        }
        Optional<Database> target = to.map(url -> settings.get().botName().map(url::forBot).orElse(url))
                .or(() -> Optional.of(configured).filter(Database.Postgres.class::isInstance));
        if (target.isEmpty() || !(target.get() instanceof Database.Postgres postgres)) {
            console.err().println((to.isPresent() ? "--to " + to.get() + " is not a PostgreSQL URL" : "no PostgreSQL database named")
                    + ": write --to postgresql://user:password@host:5432/database");
            return 2;
        }
        try {
            StoreTransfer.Transferred moved = StoreTransfer.copy(file, postgres, replace, console.clock());
            console.out().println("moved " + file + " into " + postgres + " in one transaction, every count checked: " + said(moved));
            console.out().println("next: start the bot with LEADBOT_DB set to that postgresql:// URL (or db: in the settings);"
                    + " " + file + " stays as a backup, and a bot started on it is refused");
            return 0;
        } catch (StoreException e) {
            console.err().println(e.getMessage());
            return 1;
        }
    }

    /** "12 conversations, 40 leads, …": every table, those left empty too, so the operator sees nothing was skipped. */
    private static String said(StoreTransfer.Transferred moved) {
        return String.join(", ", moved.tables().stream().map(table -> {
            List<String> nouns = NOUNS.getOrDefault(table.name(), List.of("row of " + table.name(), "rows of " + table.name()));
            return Count.of(table.rows(), nouns.get(0), nouns.get(1));
        }).toList());
    }
}
