package dev.leadbot.cli;

import dev.leadbot.flow.Problem;
import dev.leadbot.flow.SettingsFile;
import dev.leadbot.flow.Suggestions;
import dev.leadbot.sink.LeadFields;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.catalog.SinkCatalog;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Read by leadbot before issue 9 as a cap on every message; now refused with what replaced it. */
    static final String OLD_SEND_RATE = "LEADBOT_SEND_PER_SECOND";
    private static final List<String> ALL = List.of(TOKEN, OWNERS, FLOW, API_URL, LEADS, DB, BULK_RATE, OLD_SEND_RATE);
    /** Telegram's bulk limit is "30 messages per second or so"; paid broadcasts allow up to 1,000. */
    private static final int MAX_BULK_RATE = 1000;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{5,12}:[A-Za-z0-9_-]{30,}");

    /** Settings ready for the service, or every reason they are not. */
    record Result(Optional<TelegramSettings> telegram, Path flow, Path database, List<SinkSettings> sinks, List<String> problems) {
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
            return new Loaded(env, Optional.empty(), new SettingsFile.Contents(Map.of(), Map.of(), List.of(), List.of()), problems);
        }
        List<String> keys = new ArrayList<>(ALL.stream().map(ServiceSettings::fileKey).toList());
        keys.add(SettingsFile.SINKS);
        SettingsFile.Contents contents = SettingsFile.read(file, keys);
        contents.problems().stream().map(Problem::toString).forEach(problems::add);
        return new Loaded(env, Optional.of(file), contents, problems);
    }

    /** What was read, before a command takes the settings it needs. */
    static final class Loaded {

        private final Map<String, String> env;
        private final Optional<Path> file;
        private final SettingsFile.Contents contents;
        private final List<String> problems;

        private Loaded(Map<String, String> env, Optional<Path> file, SettingsFile.Contents contents, List<String> problems) {
            this.env = env;
            this.file = file;
            this.contents = contents;
            this.problems = List.copyOf(problems);
        }

        /** The settings file read, if there was one. */
        Optional<Path> file() {
            return file;
        }

        /** What is wrong with the file itself: missing when named, bad YAML, unknown keys. Every command stops on these. */
        List<String> problems() {
            return problems;
        }

        /** A setting from the environment, else from the file; blank counts as not set. */
        Optional<Value> setting(String name) {
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

        Path database() {
            return path(DB, DataFiles.DATABASE);
        }

        Path leadsFile() {
            return path(LEADS, DataFiles.LEADS);
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
            for (SettingsFile.SinkEntry entry : contents.sinks()) {
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
            if (token.isEmpty()) {
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
            setting(OLD_SEND_RATE).ifPresent(old -> found.add(old.where() + " is no longer read: replies to prospects are not capped"
                    + " overall any more (Telegram limits each chat, not the bot); remove it, and set " + BULK_RATE + " instead if you"
                    + " meant the cap on messages the bot starts itself (owner summaries, alerts; default "
                    + FloodLimits.TELEGRAM.bulkPerSecond() + ")"));
            Optional<TelegramSettings> settings = found.isEmpty()
                    ? Optional.of(new TelegramSettings(token.orElseThrow().text(), owners, api, leadsFile(),
                    FloodLimits.TELEGRAM.withBulkPerSecond(bulkRate)))
                    : Optional.empty();
            return new Result(settings, flow(), database(), sinks, found);
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
