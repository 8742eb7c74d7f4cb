package dev.leadbot.cli;

import dev.leadbot.flow.Problem;
import dev.leadbot.flow.SettingsFile;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the service's settings from the environment and an optional {@code leadbot.yaml} (the
 * environment wins), and checks every one, naming the setting and what to write. A token is
 * never echoed back, not even in part.
 */
final class ServiceSettings {

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

    private ServiceSettings() {
    }

    /** What the settings file holds: its flat values, its sinks (secrets filled in) and its problems. */
    record FileSettings(Map<String, String> values, List<SinkSettings> sinks, List<String> problems) {
    }

    /** The settings file alone, for {@code sinks check}: no token or other environment setting needed. */
    static FileSettings readFile(Map<String, String> env, Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        List<SinkSettings> sinks = new ArrayList<>();
        if (!Files.exists(file)) {
            return new FileSettings(Map.of(), sinks, problems);
        }
        List<String> keys = new ArrayList<>(ALL.stream().map(ServiceSettings::fileKey).toList());
        keys.add(SettingsFile.SINKS);
        SettingsFile.Contents contents = SettingsFile.read(file, keys);
        contents.problems().stream().map(Problem::toString).forEach(problems::add);
        for (SettingsFile.SinkEntry entry : contents.sinks()) {
            sinks(entry, env, problems).ifPresent(sinks::add);
        }
        return new FileSettings(contents.values(), sinks, problems);
    }

    static Result read(Map<String, String> env, Path file) throws IOException {
        FileSettings fromFile = readFile(env, file);
        List<String> problems = new ArrayList<>(fromFile.problems());
        List<SinkSettings> sinks = fromFile.sinks();
        Map<String, String> inFile = fromFile.values();
        Function<String, Optional<String>> setting = name -> Optional.ofNullable(env.get(name))
                .or(() -> Optional.ofNullable(inFile.get(fileKey(name)))).map(String::strip).filter(v -> !v.isEmpty());

        Optional<String> token = setting.apply(TOKEN);
        if (token.isEmpty()) {
            problems.add(TOKEN + " is not set: create a bot with @BotFather in Telegram (/newbot), then set " + TOKEN
                    + " to the token it gives you");
        } else if (!TOKEN_SHAPE.matcher(token.get()).matches()) {
            problems.add(TOKEN + " does not look like a bot token (digits, a colon, then 35 letters, digits, '-' or '_');"
                    + " copy it again from @BotFather");
        }
        List<Long> owners = new ArrayList<>();
        for (String id : setting.apply(OWNERS).map(v -> v.split("[,\\s]+")).orElse(new String[0])) {
            try {
                owners.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                problems.add(OWNERS + " has '" + id + "', which is not a chat id; write numbers separated by commas, e.g. 123456789,"
                        + " and find yours with @userinfobot");
            }
        }
        URI api = URI.create("https://api.telegram.org");
        Optional<String> url = setting.apply(API_URL);
        if (url.isPresent()) {
            try {
                api = new URI(url.get());
                if (!List.of("http", "https").contains(String.valueOf(api.getScheme()).toLowerCase(Locale.ROOT)) || api.getHost() == null) {
                    problems.add(API_URL + " must be an http or https URL such as https://api.telegram.org, not '" + url.get() + "'");
                }
            } catch (URISyntaxException e) {
                problems.add(API_URL + " is not a URL: " + e.getMessage());
            }
        }
        int bulkRate = FloodLimits.TELEGRAM.bulkPerSecond();
        Optional<String> rate = setting.apply(BULK_RATE);
        if (rate.isPresent()) {
            try {
                bulkRate = Integer.parseInt(rate.get());
            } catch (NumberFormatException e) {
                bulkRate = 0;
            }
            if (bulkRate < 1 || bulkRate > MAX_BULK_RATE) {
                problems.add(BULK_RATE + " is '" + rate.get() + "'; write messages a second from 1 to " + MAX_BULK_RATE + " (Telegram allows"
                        + " about 30 without paid broadcasts; leave it unset for " + FloodLimits.TELEGRAM.bulkPerSecond() + ")");
            }
        }
        if (setting.apply(OLD_SEND_RATE).isPresent()) {
            problems.add(OLD_SEND_RATE + " is no longer read: replies to prospects are not capped overall any more (Telegram limits"
                    + " each chat, not the bot); remove it, and set " + BULK_RATE + " instead if you meant the cap on messages the bot"
                    + " starts itself (owner summaries, alerts; default " + FloodLimits.TELEGRAM.bulkPerSecond() + ")");
        }
        Path flow = Path.of(setting.apply(FLOW).orElse(FlowFiles.DEFAULT));
        Path leads = Path.of(setting.apply(LEADS).orElse(DataFiles.LEADS));
        Optional<TelegramSettings> settings = problems.isEmpty()
                ? Optional.of(new TelegramSettings(token.orElseThrow(), owners, api, leads,
                FloodLimits.TELEGRAM.withBulkPerSecond(bulkRate))) : Optional.empty();
        return new Result(settings, flow, Path.of(setting.apply(DB).orElse(DataFiles.DATABASE)), sinks, problems);
    }

    private static Optional<SinkSettings> sinks(SettingsFile.SinkEntry entry, Map<String, String> env, List<String> problems) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, String> value : entry.values().entrySet()) {
            Optional<String> expanded = SecretReferences.expand(value.getValue(), env, entry.where() + ": sink '"
                    + entry.values().get("name") + "' " + value.getKey(), problems);
            expanded.ifPresent(v -> values.put(value.getKey(), v));
            complete &= expanded.isPresent();
        }
        return complete ? Optional.of(new SinkSettings(values.get("type"), values.get("name"), entry.where(),
                Map.copyOf(values), entry.fields())) : Optional.empty();
    }

    /** leadbot.yaml spells each setting in lower case without the LEADBOT_ prefix: owner_chat_ids, flow… */
    static String fileKey(String name) {
        return name.replaceFirst("^LEADBOT_", "").toLowerCase(Locale.ROOT);
    }
}
