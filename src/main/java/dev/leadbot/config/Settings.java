package dev.leadbot.config;

import dev.leadbot.flow.Suggestions;
import dev.leadbot.sink.SinkProblem;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.store.Database;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The settings every command reads: the environment, then the settings file ({@code --config}, or {@code leadbot.yaml}
 * in the current folder when there is one). The environment wins. A wrong value is reported where it came from: the
 * variable's name, or the file, line and column. A token is never echoed back, not even in part.
 */
public final class Settings {

    public static final String DEFAULT_FILE = "leadbot.yaml";
    public static final String DEFAULT_FLOW = "flows/qualification.yaml";
    public static final String DEFAULT_DATABASE = "data/leadbot.db";
    public static final String DEFAULT_LEADS = "data/leads.jsonl";
    static final String TOKEN = "TELEGRAM_BOT_TOKEN";
    static final String OWNERS = "LEADBOT_OWNER_CHAT_IDS";
    static final String FLOW = "LEADBOT_FLOW";
    static final String API_URL = "LEADBOT_TELEGRAM_API_URL";
    static final String LEADS = "LEADBOT_LEADS_FILE";
    static final String DB = "LEADBOT_DB";
    static final String BULK_RATE = "LEADBOT_BULK_PER_SECOND";
    static final String TIME_ZONE = "LEADBOT_TIME_ZONE";
    /** Read by leadbot before issue 9 as a cap on every message; now refused with what replaced it. */
    static final String OLD_SEND_RATE = "LEADBOT_SEND_PER_SECOND";
    private static final List<String> ALL = List.of(TOKEN, OWNERS, FLOW, API_URL, LEADS, DB, BULK_RATE, TIME_ZONE, OLD_SEND_RATE);
    /** What each bot under {@code bots:} may set for itself (with its {@code sinks:}); the Bot API's URL is one for the process. */
    private static final List<String> PER_BOT = List.of(TOKEN, OWNERS, FLOW, LEADS, DB, BULK_RATE, TIME_ZONE);
    /**
     * What a bot never takes from the top level: its token, and its files. At the top level, {@code db} and
     * {@code leads_file} say where the bots' folders go: beside them, one folder per bot.
     */
    private static final List<String> OWN = List.of(TOKEN, LEADS, DB);

    private final Map<String, String> env;
    private final Optional<Path> file;
    private final SettingsFile.Contents contents;
    private final List<SettingsProblem> problems;
    /** The bot these settings are of, when the file declares {@code bots:}; else the one bot of the whole file. */
    private final Optional<SettingsFile.BotEntry> bot;

    private Settings(Map<String, String> env, Optional<Path> file, SettingsFile.Contents contents, List<SettingsProblem> problems,
            Optional<SettingsFile.BotEntry> bot) {
        this.env = env;
        this.file = file;
        this.contents = contents;
        this.problems = List.copyOf(problems);
        this.bot = bot;
    }

    /** What {@code run} reads with {@code file} in the place of {@code leadbot.yaml}: read when it exists. */
    public static BotSettings read(Map<String, String> env, Path file) throws IOException {
        return load(env, Optional.empty(), file).service();
    }

    /** Reads the environment and the settings file named with {@code --config}, else {@code leadbot.yaml} if present. */
    public static Settings load(Map<String, String> env, Optional<Path> named) throws IOException {
        return load(env, named, Path.of(DEFAULT_FILE));
    }

    /** The same, with the file used when none is named (tests keep it out of the working folder). */
    public static Settings load(Map<String, String> env, Optional<Path> named, Path fallback) throws IOException {
        Path file = named.orElse(fallback);
        List<SettingsProblem> problems = new ArrayList<>();
        SettingsFile.Contents contents = SettingsFile.Contents.empty();
        Optional<Path> read = Optional.empty();
        if (Files.exists(file)) {
            List<String> keys = new ArrayList<>(ALL.stream().map(Settings::fileKey).toList());
            keys.add(SettingsFile.SINKS);
            keys.add(SettingsFile.BOTS);
            List<String> botKeys = new ArrayList<>(PER_BOT.stream().map(Settings::fileKey).toList());
            botKeys.add(SettingsFile.SINKS);
            contents = SettingsFile.read(file, keys, botKeys);
            problems.addAll(contents.problems());
            read = Optional.of(file);
        } else {
            named.ifPresent(missing -> problems.add(SettingsProblem.of("--config " + missing + ": no such file", "write the path of your"
                    + " settings file, or leave --config out to read " + DEFAULT_FILE + " from the current folder when there is one")));
        }
        problems.addAll(new Settings(env, read, contents, problems, Optional.empty()).databaseProblems());
        return new Settings(env, read, contents, problems, Optional.empty());
    }

    /** The names under {@code bots:}, in the file's order; empty when the file runs one bot. */
    public List<String> botNames() {
        return contents.bots().stream().map(SettingsFile.BotEntry::name).toList();
    }

    /** The bot these settings are of, when there are named bots. */
    public Optional<String> botName() {
        return bot.map(SettingsFile.BotEntry::name);
    }

    /** Each bot's settings: the one bot of the file, or every bot under {@code bots:}. */
    public List<Settings> everyBot() {
        return contents.bots().isEmpty() || bot.isPresent() ? List.of(this)
                : contents.bots().stream().map(entry -> new Settings(env, file, contents, problems, Optional.of(entry))).toList();
    }

    /**
     * The settings of the bot {@code requested} names: needed only when the file declares several ({@code --bot} is
     * optional with one). Empty after adding what to write when it cannot say which.
     */
    public Optional<Settings> bot(Optional<String> requested, List<SettingsProblem> found) {
        List<String> names = botNames();
        if (requested.isEmpty()) {
            if (names.size() > 1) {
                found.add(SettingsProblem.of(fileName() + " declares " + names.size() + " bots (" + String.join(", ", names) + ")",
                        "say which with --bot NAME"));
                return Optional.empty();
            }
            return Optional.of(everyBot().get(0));
        }
        if (names.isEmpty()) {
            found.add(SettingsProblem.of("--bot " + requested.get() + ": " + (file.isPresent() ? fileName() + " declares no bots ('bots:')"
                    : "there is no " + DEFAULT_FILE + " declaring bots ('bots:')") + ", so there is one bot", "leave --bot out"));
            return Optional.empty();
        }
        Optional<Settings> named = everyBot().stream().filter(b -> b.botName().equals(requested)).findFirst();
        if (named.isEmpty()) {
            found.add(SettingsProblem.of("--bot " + requested.get() + ": no such bot in " + fileName(), Suggestions.closest(requested.get(),
                    names).map(close -> "did you mean '" + close + "'? ").orElse("") + "its bots are " + String.join(", ", names)));
        }
        return named;
    }

    /** The settings file read, if there was one. */
    public Optional<Path> file() {
        return file;
    }

    /** What is wrong with the file itself: missing when named, bad YAML, unknown keys, a wrong database. Every command stops on these. */
    public List<SettingsProblem> problems() {
        return problems;
    }

    /** The flow the bot runs. */
    public Path flow() {
        return path(FLOW, DEFAULT_FLOW);
    }

    /**
     * Why {@link #flow()} cannot be read when the file is not there: at the line that names it, with the flow file of the same
     * folder its name is closest to; empty when it is there (or is the default, which the commands explain themselves).
     */
    public Optional<SettingsProblem> missingFlow() {
        Optional<Setting> named = setting(FLOW);
        Path flow = flow();
        if (named.isEmpty() || Files.exists(flow)) {
            return Optional.empty();
        }
        Path folder = Optional.ofNullable(flow.getParent()).orElse(Path.of(""));
        List<String> flows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.toString().isEmpty() ? Path.of(".") : folder)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") || f.endsWith(".yml")).sorted()
                    .forEach(f -> flows.add(folder.resolve(f).toString()));
        } catch (IOException e) {
            // No folder to look in: the problem says so in place of a suggestion.
            return Optional.of(named.get().problem(" names " + flow + ", which does not exist", "its folder " + folder
                    + " cannot be read either (" + e.getMessage() + "); give the path of a flow, e.g. " + DEFAULT_FLOW));
        }
        String fix = Suggestions.closest(flow.toString(), flows).map(c -> "did you mean " + c + "?")
                .orElse("give the path of a flow, e.g. " + DEFAULT_FLOW);
        return Optional.of(named.get().problem(" names " + flow + ", which does not exist", fix));
    }

    /**
     * The bot's database. With SQLite one file per bot: a named bot's is in its own folder beside the top-level database
     * ({@code data/NAME/leadbot.db} by default, {@code /data/NAME/leadbot.db} in the image) unless it names another. With
     * PostgreSQL ({@code postgresql://…}) a schema per bot in that database: {@code leadbot} for the one bot of a file
     * without {@code bots:}, {@code bot_NAME} for a named one. A value that is neither a file nor a URL is one of
     * {@link #problems()}.
     */
    public Database database() {
        if (bot.isEmpty()) {
            return setting(DB).flatMap(DatabaseUrl::valid).orElse(new Database.SqliteFile(Path.of(DEFAULT_DATABASE)));
        }
        String name = bot.get().name();
        Optional<Database> named = setting(DB).or(() -> topLevel(DB)).flatMap(DatabaseUrl::valid)
                .filter(Database.Postgres.class::isInstance).map(postgres -> postgres.forBot(name));
        return named.orElseGet(() -> new Database.SqliteFile(own(DB, DEFAULT_DATABASE)));
    }

    /** The leads file; a named bot's is in its own folder, and its heartbeat beside it. */
    public Path leadsFile() {
        return bot.isPresent() ? own(LEADS, DEFAULT_LEADS) : path(LEADS, DEFAULT_LEADS);
    }

    /** Where the running bot touches its heartbeat: beside the leads file. */
    public Path heartbeat() {
        return TelegramSettings.heartbeatBeside(leadsFile());
    }

    /**
     * The declared sinks with their secrets filled in; each problem is added. A misspelt type is reported first and
     * alone: the secrets it would need are not asked for.
     */
    public List<SinkSettings> sinks(List<SettingsProblem> found) {
        return SinkDeclarations.read(bot.flatMap(SettingsFile.BotEntry::sinks).orElse(contents.sinks()), env, found);
    }

    /**
     * A problem a sink found in its settings, at the place of the setting or declaration it names among the settings'
     * own problems; a sink declared elsewhere than in this file keeps its place in the text.
     */
    public SettingsProblem placed(SinkProblem problem) {
        List<SettingsFile.SinkEntry> entries = new ArrayList<>(contents.sinks());
        contents.bots().forEach(each -> each.sinks().ifPresent(entries::addAll));
        return Optional.ofNullable(SinkDeclarations.places(entries).get(problem.place()))
                .map(place -> SettingsProblem.at(place, problem.what(), ""))
                .orElse(SettingsProblem.of(problem.toString(), ""));
    }

    /** Everything {@code run} needs of this bot, checked. */
    public BotSettings service() {
        return BotCheck.check(this);
    }

    /**
     * Every bot's settings, checked each on its own and against each other: with {@code bots:}, no token or data file
     * at the top level, no token twice, no database or data folder shared.
     */
    public BotSettings.All services() {
        return FleetCheck.check(this);
    }

    /**
     * A setting from the environment, else from the file; blank counts as not set. A named bot's own setting comes first;
     * its token and files are its own alone, the rest falls back to the top level.
     */
    Optional<Setting> setting(String name) {
        if (bot.isPresent()) {
            String key = fileKey(name);
            Optional<Setting> own = Optional.ofNullable(bot.get().values().get(key)).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> new Setting(v, Optional.of(bot.get().placeOf(key)), key + " of bot '" + bot.get().name() + "'"));
            if (own.isPresent() || OWN.contains(name)) {
                return own;
            }
        }
        return topLevel(name);
    }

    /** A setting of the top level: the environment, else the file's top level. */
    Optional<Setting> topLevel(String name) {
        Optional<String> fromEnv = Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        if (fromEnv.isPresent()) {
            return Optional.of(new Setting(fromEnv.get(), Optional.empty(), name));
        }
        String key = fileKey(name);
        return Optional.ofNullable(contents.values().get(key)).map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> new Setting(v, Optional.ofNullable(contents.places().get(key)), key));
    }

    /** What is wrong with the database settings (each bot's and the top level's), where each is written; no password shown. */
    List<SettingsProblem> databaseProblems() {
        List<SettingsProblem> found = new ArrayList<>();
        for (Settings each : everyBot()) {
            for (Optional<Setting> value : List.of(each.topLevel(DB), each.setting(DB))) {
                value.ifPresent(v -> DatabaseUrl.read(v, found));
            }
        }
        return found.stream().distinct().toList();
    }

    Map<String, String> env() {
        return env;
    }

    Optional<SettingsFile.BotEntry> entry() {
        return bot;
    }

    /** Whether the file declares {@code bots:}. */
    boolean declaresBots() {
        return !contents.bots().isEmpty();
    }

    /** The settings file's name, as messages give it. */
    String fileName() {
        return file.map(Path::toString).orElse(DEFAULT_FILE);
    }

    private Path own(String name, String fallback) {
        Path shared = Path.of(topLevel(name).map(Setting::text).orElse(fallback));
        Path folder = Optional.ofNullable(shared.getParent()).orElse(Path.of("")).resolve(bot.orElseThrow().name());
        return setting(name).map(v -> Path.of(v.text())).orElse(folder.resolve(shared.getFileName()));
    }

    private Path path(String name, String fallback) {
        return Path.of(setting(name).map(Setting::text).orElse(fallback));
    }

    /** leadbot.yaml spells each setting in lower case without the LEADBOT_ prefix: owner_chat_ids, flow… */
    static String fileKey(String name) {
        return name.replaceFirst("^LEADBOT_", "").toLowerCase(Locale.ROOT);
    }
}
