package dev.leadbot.cli;

import dev.leadbot.flow.Problem;
import dev.leadbot.flow.SettingsFile;
import dev.leadbot.flow.Suggestions;
import dev.leadbot.sink.LeadFields;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.catalog.SinkCatalog;
import dev.leadbot.store.Database;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The settings every command reads: the environment, then the settings file ({@code --config},
 * or {@code leadbot.yaml} in the current folder when there is one). The environment wins. A wrong
 * value is reported where it came from: the variable's name, or the file, line and column. A
 * token is never echoed back, not even in part.
 */
final class ServiceSettings {

    static final String DEFAULT_FILE = "leadbot.yaml";
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
    static final List<String> PER_BOT = List.of(TOKEN, OWNERS, FLOW, LEADS, DB, BULK_RATE, TIME_ZONE);
    /**
     * What a bot never takes from the top level: its token, and its files. At the top level, {@code db}
     * and {@code leads_file} say where the bots' folders go: beside them, one folder per bot.
     */
    private static final List<String> OWN = List.of(TOKEN, LEADS, DB);
    /** Telegram's bulk limit is "30 messages per second or so"; paid broadcasts allow up to 1,000. */
    private static final int MAX_BULK_RATE = 1000;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{5,12}:[A-Za-z0-9_-]{30,}");

    /** Settings ready for the service, or every reason they are not. */
    record Result(Optional<String> bot, Optional<TelegramSettings> telegram, Path flow, Database database, List<SinkSettings> sinks,
            List<String> problems) {
    }

    /** Every bot's settings, and every problem of any of them or between them: the file is fixed in one go. */
    record Bots(List<Result> each, List<String> problems) {
    }

    /**
     * One setting's value and where it came from: {@code LEADBOT_OWNER_CHAT_IDS}, or
     * {@code leadbot.yaml:3:1: owner_chat_ids}, the words a problem with it starts with.
     */
    record Value(String text, String where) {
    }

    private ServiceSettings() {
    }

    /** What {@code run} reads with {@code file} in the place of {@code leadbot.yaml}: read when it exists. */
    static Result read(Map<String, String> env, Path file) throws IOException {
        return load(env, Optional.empty(), file).service();
    }

    /** Reads the environment and the settings file named with {@code --config}, else {@code leadbot.yaml} if present. */
    static Loaded load(Map<String, String> env, Optional<Path> named) throws IOException {
        return load(env, named, Path.of(DEFAULT_FILE));
    }

    /** The same, with the file used when none is named (tests keep it out of the working folder). */
    static Loaded load(Map<String, String> env, Optional<Path> named, Path fallback) throws IOException {
        Path file = named.orElse(fallback);
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            named.ifPresent(missing -> problems.add("--config " + missing + ": no such file; write the path of your settings file,"
                    + " or leave --config out to read " + DEFAULT_FILE + " from the current folder when there is one"));
            Loaded loaded = new Loaded(env, Optional.empty(), SettingsFile.Contents.empty(), problems, Optional.empty());
            problems.addAll(loaded.databaseProblems());
            return new Loaded(env, Optional.empty(), SettingsFile.Contents.empty(), problems, Optional.empty());
        }
        List<String> keys = new ArrayList<>(ALL.stream().map(ServiceSettings::fileKey).toList());
        keys.add(SettingsFile.SINKS);
        keys.add(SettingsFile.BOTS);
        List<String> botKeys = new ArrayList<>(PER_BOT.stream().map(ServiceSettings::fileKey).toList());
        botKeys.add(SettingsFile.SINKS);
        SettingsFile.Contents contents = SettingsFile.read(file, keys, botKeys);
        contents.problems().stream().map(Problem::toString).forEach(problems::add);
        Loaded loaded = new Loaded(env, Optional.of(file), contents, problems, Optional.empty());
        List<String> databases = loaded.databaseProblems();
        if (databases.isEmpty()) {
            return loaded;
        }
        problems.addAll(databases);
        return new Loaded(env, Optional.of(file), contents, problems, Optional.empty());
    }

    /** What was read, before a command takes the settings it needs. */
    static final class Loaded {

        private final Map<String, String> env;
        private final Optional<Path> file;
        private final SettingsFile.Contents contents;
        private final List<String> problems;
        /** The bot these settings are of, when the file declares {@code bots:}; else the one bot of the whole file. */
        private final Optional<SettingsFile.BotEntry> bot;

        private Loaded(Map<String, String> env, Optional<Path> file, SettingsFile.Contents contents, List<String> problems,
                Optional<SettingsFile.BotEntry> bot) {
            this.env = env;
            this.file = file;
            this.contents = contents;
            this.problems = List.copyOf(problems);
            this.bot = bot;
        }

        /** The names under {@code bots:}, in the file's order; empty when the file runs one bot. */
        List<String> botNames() {
            return contents.bots().stream().map(SettingsFile.BotEntry::name).toList();
        }

        /** The bot these settings are of, when there are named bots. */
        Optional<String> botName() {
            return bot.map(SettingsFile.BotEntry::name);
        }

        /** Each bot's settings: the one bot of the file, or every bot under {@code bots:}. */
        List<Loaded> everyBot() {
            return contents.bots().isEmpty() || bot.isPresent() ? List.of(this)
                    : contents.bots().stream().map(entry -> new Loaded(env, file, contents, problems, Optional.of(entry))).toList();
        }

        /**
         * The settings of the bot {@code requested} names: needed only when the file declares several
         * ({@code --bot} is optional with one). Empty after adding what to write when it cannot say which.
         */
        Optional<Loaded> bot(Optional<String> requested, List<String> found) {
            List<String> names = botNames();
            String where = file.map(Path::toString).orElse(DEFAULT_FILE);
            if (requested.isEmpty()) {
                if (names.size() > 1) {
                    found.add(where + " declares " + names.size() + " bots (" + String.join(", ", names) + "); say which with --bot NAME");
                    return Optional.empty();
                }
                return Optional.of(everyBot().get(0));
            }
            if (names.isEmpty()) {
                found.add("--bot " + requested.get() + ": " + (file.isPresent() ? where + " declares no bots ('bots:')" : "there is no "
                        + DEFAULT_FILE + " declaring bots ('bots:')") + ", so there is one bot; leave --bot out");
                return Optional.empty();
            }
            Optional<Loaded> named = everyBot().stream().filter(b -> b.botName().equals(requested)).findFirst();
            if (named.isEmpty()) {
                found.add("--bot " + requested.get() + ": no such bot in " + where + Suggestions.didYouMean(requested.get(), names,
                        ";") + " its bots are " + String.join(", ", names));
            }
            return named;
        }

        /** The settings file read, if there was one. */
        Optional<Path> file() {
            return file;
        }

        /** What is wrong with the file itself: missing when named, bad YAML, unknown keys. Every command stops on these. */
        List<String> problems() {
            return problems;
        }

        /**
         * A setting from the environment, else from the file; blank counts as not set. A named bot's own
         * setting comes first; its token and files are its own alone, the rest falls back to the top level.
         */
        Optional<Value> setting(String name) {
            if (bot.isPresent()) {
                String key = fileKey(name);
                Optional<Value> own = Optional.ofNullable(bot.get().values().get(key)).map(String::strip).filter(v -> !v.isEmpty())
                        .map(v -> new Value(v, bot.get().placeOf(key) + ": " + key + " of bot '" + bot.get().name() + "'"));
                if (own.isPresent() || OWN.contains(name)) {
                    return own;
                }
            }
            return topLevel(name);
        }

        private Optional<Value> topLevel(String name) {
            Optional<String> fromEnv = Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
            if (fromEnv.isPresent()) {
                return Optional.of(new Value(fromEnv.get(), name));
            }
            String key = fileKey(name);
            return Optional.ofNullable(contents.values().get(key)).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> new Value(v, contents.places().get(key) + ": " + key));
        }

        Path flow() {
            return path(FLOW, FlowFiles.DEFAULT);
        }

        /**
         * The bot's database. With SQLite one file per bot: a named bot's is in its own folder beside the
         * top-level database ({@code data/NAME/leadbot.db} by default, {@code /data/NAME/leadbot.db} in the
         * image) unless it names another. With PostgreSQL ({@code postgresql://…}) a schema per bot in that
         * database: {@code leadbot} for the one bot of a file without {@code bots:}, {@code bot_NAME} for a
         * named one. A value that is neither a file nor a URL is one of {@link #problems()}.
         */
        Database database() {
            if (bot.isEmpty()) {
                return setting(DB).map(v -> Database.parse(v.text())).orElse(new Database.SqliteFile(Path.of(DataFiles.DATABASE)));
            }
            String name = bot.get().name();
            Optional<Database> named = setting(DB).or(() -> topLevel(DB)).map(v -> Database.parse(v.text()))
                    .filter(Database.Postgres.class::isInstance).map(postgres -> postgres.forBot(name));
            return named.orElseGet(() -> new Database.SqliteFile(own(DB, DataFiles.DATABASE)));
        }

        /** What is wrong with the database settings (each bot's and the top level's), where each is written; no password shown. */
        private List<String> databaseProblems() {
            List<String> found = new ArrayList<>();
            for (Loaded each : everyBot()) {
                for (Optional<Value> value : List.of(each.topLevel(DB), each.setting(DB))) {
                    try {
                        value.ifPresent(v -> Database.parse(v.text()));
                    } catch (IllegalArgumentException e) {
                        found.add(value.orElseThrow().where() + ": " + e.getMessage());
                    }
                }
            }
            return found.stream().distinct().toList();
        }

        /** The leads file; a named bot's is in its own folder, and its heartbeat beside it. */
        Path leadsFile() {
            return bot.isPresent() ? own(LEADS, DataFiles.LEADS) : path(LEADS, DataFiles.LEADS);
        }

        private Path own(String name, String fallback) {
            Path shared = Path.of(topLevel(name).map(Value::text).orElse(fallback));
            Path folder = Optional.ofNullable(shared.getParent()).orElse(Path.of("")).resolve(bot.orElseThrow().name());
            return setting(name).map(v -> Path.of(v.text())).orElse(folder.resolve(shared.getFileName()));
        }

        /** A database as two settings naming the same one compare: a file by its absolute path, a schema by server and name. */
        private static String place(Database database) {
            return database instanceof Database.SqliteFile file ? file.file().toAbsolutePath().normalize().toString() : database.toString();
        }

        /** Where the running bot touches its heartbeat: beside the leads file. */
        Path heartbeat() {
            return TelegramSettings.heartbeatBeside(leadsFile());
        }

        private Path path(String name, String fallback) {
            return Path.of(setting(name).map(Value::text).orElse(fallback));
        }

        /**
         * The declared sinks with their secrets filled in; each problem is added. A misspelt type is
         * reported first and alone: the secrets it would need are not asked for.
         */
        List<SinkSettings> sinks(List<String> found) {
            List<SinkSettings> sinks = new ArrayList<>();
            for (SettingsFile.SinkEntry entry : bot.flatMap(SettingsFile.BotEntry::sinks).orElse(contents.sinks())) {
                String type = entry.values().get("type");
                if (!SinkCatalog.TYPES.contains(type)) {
                    found.add(entry.placeOf("type") + ": unknown sink type '" + type + "'" + Suggestions.didYouMean(type, SinkCatalog.TYPES,
                            ";") + " write one of " + String.join(", ", SinkCatalog.TYPES));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean complete = true;
                for (Map.Entry<String, String> value : entry.values().entrySet()) {
                    Optional<String> expanded = SecretReferences.expand(value.getValue(), env, entry.placeOf(value.getKey()) + ": sink '"
                            + entry.values().get("name") + "' " + value.getKey(), found);
                    expanded.ifPresent(v -> values.put(value.getKey(), v));
                    complete &= expanded.isPresent();
                }
                if (complete) {
                    sinks.add(new SinkSettings(type, values.get("name"), entry.where(), values, entry.fields(), entry.places()));
                }
            }
            return sinks;
        }

        /** Everything {@code run} needs, checked. */
        Result service() {
            List<String> found = new ArrayList<>(problems);
            List<SinkSettings> sinks = sinks(found);
            Optional<Value> token = setting(TOKEN);
            if (bot.isPresent() && token.isPresent()) {
                Value written = token.get();
                token = SecretReferences.expand(written.text(), env, written.where(), found).map(text -> new Value(text, written.where()));
            }
            if (token.isEmpty() && bot.isPresent()) {
                if (!bot.get().values().containsKey(fileKey(TOKEN))) {
                    String variable = bot.get().name().toUpperCase(Locale.ROOT).replace('-', '_') + "_TOKEN";
                    found.add(bot.get().where() + ": bot '" + bot.get().name() + "' has no " + fileKey(TOKEN) + "; write "
                            + fileKey(TOKEN) + ": ${" + variable + "} under it and export " + variable + "=… with the token @BotFather"
                            + " gave for this bot");
                }
            } else if (token.isEmpty()) {
                found.add(TOKEN + " is not set: create a bot with @BotFather in Telegram (/newbot), then set " + TOKEN
                        + " (or " + fileKey(TOKEN) + ": in " + file.map(Path::toString).orElse(DEFAULT_FILE) + ") to the token it gives you");
            } else if (!TOKEN_SHAPE.matcher(token.get().text()).matches()) {
                found.add(token.get().where() + " does not look like a bot token (digits, a colon, then 35 letters, digits, '-' or '_');"
                        + " copy it again from @BotFather");
            }
            List<Long> owners = new ArrayList<>();
            Optional<Value> ownerIds = setting(OWNERS);
            for (String id : ownerIds.map(v -> v.text().split("[,\\s]+")).orElse(new String[0])) {
                try {
                    owners.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    found.add(ownerIds.get().where() + " has '" + id + "', which is not a chat id; write numbers separated by commas,"
                            + " e.g. 123456789, and find yours with @userinfobot");
                }
            }
            URI api = URI.create("https://api.telegram.org");
            Optional<Value> url = setting(API_URL);
            if (url.isPresent()) {
                try {
                    api = new URI(url.get().text());
                    if (!List.of("http", "https").contains(String.valueOf(api.getScheme()).toLowerCase(Locale.ROOT)) || api.getHost() == null) {
                        found.add(url.get().where() + " must be an http or https URL such as https://api.telegram.org, not '"
                                + url.get().text() + "'");
                    }
                } catch (URISyntaxException e) {
                    found.add(url.get().where() + " is not a URL: " + e.getMessage());
                }
            }
            int bulkRate = FloodLimits.TELEGRAM.bulkPerSecond();
            Optional<Value> rate = setting(BULK_RATE);
            if (rate.isPresent()) {
                try {
                    bulkRate = Integer.parseInt(rate.get().text());
                } catch (NumberFormatException e) {
                    bulkRate = 0;
                }
                if (bulkRate < 1 || bulkRate > MAX_BULK_RATE) {
                    found.add(rate.get().where() + " is '" + rate.get().text() + "'; write messages a second from 1 to " + MAX_BULK_RATE
                            + " (Telegram allows about 30 without paid broadcasts; leave it unset for "
                            + FloodLimits.TELEGRAM.bulkPerSecond() + ")");
                }
            }
            ZoneId zone = ZoneId.systemDefault();
            Optional<Value> zoneSetting = setting(TIME_ZONE);
            if (zoneSetting.isPresent()) {
                try {
                    zone = ZoneId.of(zoneSetting.get().text().strip());
                } catch (DateTimeException e) {
                    found.add(zoneSetting.get().where() + " is '" + zoneSetting.get().text() + "', not a time zone"
                            + Suggestions.didYouMean(zoneSetting.get().text().strip(), ZoneId.getAvailableZoneIds(),
                            "; write a name from the tz database, such as Europe/Moscow, Asia/Almaty or UTC"));
                }
            }
            setting(OLD_SEND_RATE).ifPresent(old -> found.add(old.where() + " is no longer read: replies to prospects are not capped"
                    + " overall any more (Telegram limits each chat, not the bot); remove it, and set " + BULK_RATE + " instead if you"
                    + " meant the cap on messages the bot starts itself (owner summaries, alerts; default "
                    + FloodLimits.TELEGRAM.bulkPerSecond() + ")"));
            Optional<TelegramSettings> settings = found.isEmpty()
                    ? Optional.of(new TelegramSettings(token.orElseThrow().text(), owners, api, leadsFile(),
                    FloodLimits.TELEGRAM.withBulkPerSecond(bulkRate), zone))
                    : Optional.empty();
            // A database setting that is neither a file nor a URL is among the problems already: no service starts on it.
            Database database = databaseProblems().isEmpty() ? database() : new Database.SqliteFile(Path.of(DataFiles.DATABASE));
            return new Result(botName(), settings, flow(), database, sinks, found);
        }

        /**
         * Every bot's settings, checked each on its own and against each other: with {@code bots:}, no
         * token or data file at the top level, no token twice, no database or data folder shared.
         */
        Bots services() {
            List<Result> results = everyBot().stream().map(Loaded::service).toList();
            List<String> found = new ArrayList<>();
            results.forEach(result -> found.addAll(result.problems()));
            if (bot.isPresent() || contents.bots().isEmpty()) {
                return new Bots(results, found.stream().distinct().toList());
            }
            topLevel(TOKEN).ifPresent(value -> found.add(value.where() + " is set, but with 'bots:' each bot has its own; write it"
                    + " under each bot in " + file.map(Path::toString).orElse(DEFAULT_FILE) + (value.where().equals(TOKEN) ? ", and unset "
                    + TOKEN : "")));
            Map<String, String> tokens = new LinkedHashMap<>();
            Map<String, String> databases = new LinkedHashMap<>();
            Map<Path, String> folders = new LinkedHashMap<>();
            for (Loaded each : everyBot()) {
                String name = each.botName().orElseThrow();
                Result result = results.stream().filter(r -> r.bot().equals(each.botName())).findFirst().orElseThrow();
                result.telegram().ifPresent(telegram -> {
                    String first = tokens.putIfAbsent(telegram.token(), name);
                    if (first != null) {
                        found.add(each.setting(TOKEN).map(Value::where).orElseThrow() + " is the same token as bot '" + first + "''s;"
                                + " each bot needs its own token from @BotFather (two programs polling one token take each other's"
                                + " updates)");
                    }
                });
                String database = databases.putIfAbsent(each.databaseProblems().isEmpty() ? place(each.database()) : name, name);
                if (database != null) {
                    found.add(each.setting(DB).map(Value::where).orElse("bot '" + name + "'") + " is the database of bot '" + database
                            + "' too; give each bot its own file, or leave " + fileKey(DB) + " out for its own folder");
                }
                String folder = folders.putIfAbsent(each.leadsFile().toAbsolutePath().normalize().getParent(), name);
                if (folder != null) {
                    found.add(each.setting(LEADS).map(Value::where).orElse("bot '" + name + "'") + " is in the folder of bot '" + folder
                            + "''s leads file, where each bot's heartbeat is kept; give each bot its own folder, or leave "
                            + fileKey(LEADS) + " out for its own folder");
                }
            }
            // A problem of the file itself (or of a top-level setting every bot falls back to) is reported once.
            return new Bots(results, found.stream().distinct().toList());
        }
    }

    /**
     * Each sink's {@code fields:} must name a lead field or a variable the flow saves; a typo would
     * otherwise fill a CRM field with nothing, lead after lead.
     */
    static List<String> fieldProblems(List<SinkSettings> sinks, Set<String> variables) {
        Set<String> known = new TreeSet<>(LeadFields.BUILT_IN);
        known.addAll(variables);
        List<String> found = new ArrayList<>();
        for (SinkSettings sink : sinks) {
            sink.fields().forEach((destination, field) -> {
                if (!known.contains(field)) {
                    found.add(sink.placeOf("fields." + destination) + ": sink '" + sink.name() + "' (" + sink.type() + "): fields: "
                            + destination + " names '" + field + "', which is neither a lead field nor a variable of the flow"
                            + Suggestions.didYouMean(field, known, "; write one of " + String.join(", ", known)));
                }
            });
        }
        return found;
    }

    /** Problems as a reader fixes them: those without a place first, then top to bottom through the file. */
    static List<String> inFileOrder(List<String> problems) {
        return problems.stream().sorted(java.util.Comparator.comparingLong(ServiceSettings::place)).toList();
    }

    private static long place(String problem) {
        java.util.regex.Matcher at = PLACE.matcher(problem);
        return at.find() ? Long.parseLong(at.group(1)) * 100_000 + Long.parseLong(at.group(2)) : -1;
    }

    private static final Pattern PLACE = Pattern.compile("^[^ ]*?:(\\d+):(\\d+): ");

    /** leadbot.yaml spells each setting in lower case without the LEADBOT_ prefix: owner_chat_ids, flow… */
    static String fileKey(String name) {
        return name.replaceFirst("^LEADBOT_", "").toLowerCase(Locale.ROOT);
    }
}
