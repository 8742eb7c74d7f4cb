package dev.leadbot.config;

import dev.leadbot.flow.Suggestions;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.store.Database;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks one bot's settings for {@code run}: its token, owners, Bot API URL, bulk rate and time zone, each mistake at its place. */
final class BotCheck {

    /** Telegram's bulk limit is "30 messages per second or so"; paid broadcasts allow up to 1,000. */
    private static final int MAX_BULK_RATE = 1000;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{5,12}:[A-Za-z0-9_-]{30,}");
    private static final int DEFAULT_BULK_RATE = FloodLimits.TELEGRAM.bulkPerSecond();

    private BotCheck() {
    }

    static BotSettings check(Settings settings) {
        List<SettingsProblem> found = new ArrayList<>(settings.problems());
        List<SinkSettings> sinks = settings.sinks(found);
        Optional<Setting> token = token(settings, found);
        List<Long> owners = owners(settings.setting(Settings.OWNERS), found);
        URI api = api(settings.setting(Settings.API_URL), found);
        int bulkRate = bulkRate(settings.setting(Settings.BULK_RATE), found);
        ZoneId zone = zone(settings.setting(Settings.TIME_ZONE), found);
        settings.setting(Settings.OLD_SEND_RATE).ifPresent(old -> found.add(old.problem(" is no longer read: replies to prospects are not"
                + " capped overall any more (Telegram limits each chat, not the bot)", "remove it, and set " + Settings.BULK_RATE
                + " instead if you meant the cap on messages the bot starts itself (owner summaries, alerts; default " + DEFAULT_BULK_RATE
                + ")")));
        Optional<TelegramSettings> telegram = found.isEmpty()
                ? Optional.of(new TelegramSettings(token.orElseThrow().text(), owners, api, settings.leadsFile(),
                FloodLimits.TELEGRAM.withBulkPerSecond(bulkRate), zone))
                : Optional.empty();
        // A database setting that is neither a file nor a URL is among the problems already: no service starts on it.
        Database database = settings.databaseProblems().isEmpty() ? settings.database()
                : new Database.SqliteFile(Path.of(Settings.DEFAULT_DATABASE));
        return new BotSettings(settings.botName(), telegram, settings.flow(), database, sinks, found);
    }

    /** The token: a named bot's own (its {@code ${NAME}} filled in), else the top level's; checked for its shape, never echoed. */
    private static Optional<Setting> token(Settings settings, List<SettingsProblem> found) {
        Optional<Setting> token = settings.setting(Settings.TOKEN);
        Optional<SettingsFile.BotEntry> bot = settings.entry();
        if (bot.isPresent() && token.isPresent()) {
            token = SecretReferences.expand(token.get(), settings.env(), found);
        }
        String key = Settings.fileKey(Settings.TOKEN);
        if (token.isEmpty() && bot.isPresent()) {
            if (!bot.get().values().containsKey(key)) {
                String variable = bot.get().name().toUpperCase(Locale.ROOT).replace('-', '_') + "_TOKEN";
                found.add(SettingsProblem.at(bot.get().where(), "bot '" + bot.get().name() + "' has no " + key, "write " + key + ": ${"
                        + variable + "} under it and export " + variable + "=… with the token @BotFather gave for this bot"));
            }
        } else if (token.isEmpty()) {
            found.add(SettingsProblem.of(Settings.TOKEN + " is not set: create a bot with @BotFather in Telegram (/newbot), then set "
                    + Settings.TOKEN + " (or " + key + ": in " + settings.fileName() + ") to the token it gives you", ""));
        } else if (!TOKEN_SHAPE.matcher(token.get().text()).matches()) {
            found.add(token.get().problem(" does not look like a bot token (digits, a colon, then 35 letters, digits, '-' or '_')",
                    "copy it again from @BotFather"));
        }
        return token;
    }

    private static List<Long> owners(Optional<Setting> ids, List<SettingsProblem> found) {
        List<Long> owners = new ArrayList<>();
        for (String id : ids.map(v -> v.text().split("[,\\s]+")).orElse(new String[0])) {
            try {
                owners.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                found.add(ids.get().problem(" has '" + id + "', which is not a chat id", "write numbers separated by commas, e.g."
                        + " 123456789, and find yours with @userinfobot"));
            }
        }
        return owners;
    }

    private static URI api(Optional<Setting> url, List<SettingsProblem> found) {
        URI api = URI.create("https://api.telegram.org");
        if (url.isPresent()) {
            try {
                api = new URI(url.get().text());
                if (!List.of("http", "https").contains(String.valueOf(api.getScheme()).toLowerCase(Locale.ROOT)) || api.getHost() == null) {
                    found.add(url.get().problem(" must be an http or https URL such as https://api.telegram.org, not '" + url.get().text()
                            + "'", ""));
                }
            } catch (URISyntaxException e) {
                found.add(url.get().problem(" is not a URL: " + e.getMessage(), ""));
            }
        }
        return api;
    }

    private static int bulkRate(Optional<Setting> rate, List<SettingsProblem> found) {
        if (rate.isEmpty()) {
            return DEFAULT_BULK_RATE;
        }
        int bulkRate;
        try {
            bulkRate = Integer.parseInt(rate.get().text());
        } catch (NumberFormatException e) {
            bulkRate = 0;
        }
        if (bulkRate < 1 || bulkRate > MAX_BULK_RATE) {
            found.add(rate.get().problem(" is '" + rate.get().text() + "'", "write messages a second from 1 to " + MAX_BULK_RATE
                    + " (Telegram allows about 30 without paid broadcasts; leave it unset for " + DEFAULT_BULK_RATE + ")"));
        }
        return bulkRate;
    }

    private static ZoneId zone(Optional<Setting> setting, List<SettingsProblem> found) {
        if (setting.isEmpty()) {
            return ZoneId.systemDefault();
        }
        String written = setting.get().text().strip();
        try {
            return ZoneId.of(written);
        } catch (DateTimeException e) {
            found.add(setting.get().problem(" is '" + setting.get().text() + "', not a time zone", Suggestions.closest(written,
                    ZoneId.getAvailableZoneIds()).map(close -> "did you mean '" + close + "'?")
                    .orElse("write a name from the tz database, such as Europe/Moscow, Asia/Almaty or UTC")));
            return ZoneId.systemDefault();
        }
    }
}
