package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.funnel.FunnelReport;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leadbot stats}: where prospects drop off, from the funnel's recorded steps. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Shows where prospects drop off; works while the bot is running.", "",
                "Per question: how many prospects reached it, answered it and stopped there;",
                "conversion from start to lead per path and per source; median times.",
                "A prospect has stopped at a question when it was the last one shown and",
                "they have been silent for --idle or longer; conversion counts the",
                "prospects who started in the period.", ""})
final class StatsCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    private final Console console;

    @Option(names = "--db", paramLabel = "FILE|URL", description = {"The database: a file, or postgresql://…;",
            "default: the settings' db, else data/leadbot.db", "(with --terminal the chat's: data/chat.db, or chat.db", "beside the --bot's database)"})
    private Optional<Database> db;

    @Mixin
    private ConfigOption config;

    @Mixin
    private Since since;

    @Option(names = "--by", paramLabel = "ROWS", defaultValue = "node",
            description = {"node (a row per question), path (per branch at the", "flow's first fork) or source (per deep-link payload);",
                    "default: ${DEFAULT-VALUE}"})
    private FunnelTables.By by;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = {"table, csv (UTF-8 with BOM, for Excel) or json", "(every table at once); default: ${DEFAULT-VALUE}"})
    private Format format;

    @Option(names = "--idle", paramLabel = "SPAN", defaultValue = "1h",
            description = {"How long a prospect must be silent to count as", "stopped: 30m, 1h, 2d; default: ${DEFAULT-VALUE}"})
    private String idle;

    @Option(names = "--terminal", description = {"The terminal chat's test conversations ('leadbot", "chat') instead of the prospects'"})
    private boolean terminal;

    StatsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Instant> from = since.from(console);
        if (from.isEmpty()) {
            return 2;
        }
        Optional<Duration> silence = span(idle);
        if (silence.isEmpty()) {
            console.err().println("--idle takes a span such as 30m, 1h or 2d");
            return 2;
        }
        Optional<Settings> settings = db.isPresent() || terminal ? config.loadIfNamed(console) : config.load(console);
        if (settings.isEmpty()) {
            return 2;
        }
        // The terminal chat keeps its conversations in its own database, a named bot's in that bot's folder.
        Database database = db.orElseGet(() -> terminal ? new Database.SqliteFile(DataFiles.chatDatabase(settings.get()))
                : settings.get().database());
        FunnelReport report;
        try (Store store = Store.openForTools(database, console.clock())) {
            FunnelReport.Builder counting = new FunnelReport.Builder(from.get(), silence.get());
            store.funnel().events(from.get(), terminal, counting::add);
            report = counting.at(console.clock().instant());
        } catch (StoreException e) {
            console.err().println(e.getMessage());
            return 1;
        }
        console.out().print(switch (format) {
            case csv -> FunnelTables.csv(report, by);
            case json -> FunnelTables.json(report);
            case table -> FunnelTables.table(report, by);
        });
        console.out().flush();
        return 0;
    }

    static Optional<Duration> span(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.matches("\\d{1,6}[mhd]")) {
            return Optional.empty();
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return Optional.of(switch (value.charAt(value.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }
}
