package dev.leadbot.config;

import dev.leadbot.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every bot of a file with {@code bots:} each on its own and against each other: no token at the top level, no
 * token twice, no database or data folder shared.
 */
final class FleetCheck {

    private FleetCheck() {
    }

    static BotSettings.All check(Settings settings) {
        List<BotSettings> results = settings.everyBot().stream().map(Settings::service).toList();
        List<SettingsProblem> found = new ArrayList<>();
        results.forEach(result -> found.addAll(result.problems()));
        if (settings.entry().isPresent() || !settings.declaresBots()) {
            return new BotSettings.All(results, found.stream().distinct().toList());
        }
        settings.topLevel(Settings.TOKEN).ifPresent(value -> found.add(value.problem(" is set, but with 'bots:' each bot has its own",
                "write it under each bot in " + settings.fileName() + (value.isVariable(Settings.TOKEN) ? ", and unset " + Settings.TOKEN
                        : ""))));
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, String> databases = new LinkedHashMap<>();
        Map<Path, String> folders = new LinkedHashMap<>();
        for (Settings each : settings.everyBot()) {
            String name = each.botName().orElseThrow();
            BotSettings result = results.stream().filter(r -> r.bot().equals(each.botName())).findFirst().orElseThrow();
            result.telegram().ifPresent(telegram -> {
                String first = tokens.putIfAbsent(telegram.token(), name);
                if (first != null) {
                    found.add(each.setting(Settings.TOKEN).orElseThrow().problem(" is the same token as bot '" + first + "''s", "each bot"
                            + " needs its own token from @BotFather (two programs polling one token take each other's updates)"));
                }
            });
            String database = databases.putIfAbsent(each.databaseProblems().isEmpty() ? place(each.database()) : name, name);
            if (database != null) {
                found.add(named(each, Settings.DB, name).problem(" is the database of bot '" + database + "' too", "give each bot its own"
                        + " file, or leave " + Settings.fileKey(Settings.DB) + " out for its own folder"));
            }
            String folder = folders.putIfAbsent(each.leadsFile().toAbsolutePath().normalize().getParent(), name);
            if (folder != null) {
                found.add(named(each, Settings.LEADS, name).problem(" is in the folder of bot '" + folder + "''s leads file, where each"
                        + " bot's heartbeat is kept", "give each bot its own folder, or leave " + Settings.fileKey(Settings.LEADS)
                        + " out for its own folder"));
            }
        }
        // A problem of the file itself (or of a top-level setting every bot falls back to) is reported once.
        return new BotSettings.All(results, found.stream().distinct().toList());
    }

    /** The bot's own setting {@code name} where it is written, else the bot itself (its default folder). */
    private static Setting named(Settings bot, String name, String botName) {
        return bot.setting(name).orElse(new Setting("", Optional.empty(), "bot '" + botName + "'"));
    }

    /** A database as two settings naming the same one compare: a file by its absolute path, a schema by server and name. */
    private static String place(Database database) {
        return database instanceof Database.SqliteFile file ? file.file().toAbsolutePath().normalize().toString() : database.toString();
    }
}
