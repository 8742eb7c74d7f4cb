package dev.leadbot.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code bots:} mapping: each name checked (it becomes a folder name) and its settings read like the top level's. */
final class BotEntries {

    /**
     * What a bot's name may be made of: it becomes a folder name (and a PostgreSQL schema name), so lower-case letters,
     * digits, '-' and '_', starting with a letter or digit, at most 32.
     */
    static final Pattern BOT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private BotEntries() {
    }

    static List<SettingsFile.BotEntry> read(Node declared, List<String> keys, YamlProblems problems) {
        if (!(declared instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(declared, "'bots' must map each bot's name to its settings, e.g. 'shop:' with 'telegram_bot_token:"
                    + " ${SHOP_TOKEN}' and 'flow: flows/shop.yaml' indented under it", "leave 'bots' out to run one bot");
            return List.of();
        }
        List<SettingsFile.BotEntry> bots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // On PostgreSQL a bot's schema is bot_ and its name with '-' written '_': 'shop-a' and 'shop_a' would share one.
        Map<String, String> schemas = new HashMap<>();
        Set<String> taken = mapping.getValue().stream().map(t -> t.getKeyNode() instanceof ScalarNode scalar
                ? schemaName(scalar.getValue()) : "").collect(Collectors.toSet());
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            if (!seen.add(name)) {
                problems.add(tuple.getKeyNode(), "bot '" + name + "' is declared twice", "give each bot its own name, or keep one of them");
                continue;
            }
            if (!BOT_NAME.matcher(name).matches()) {
                String suggested = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+|-+$", "");
                problems.add(tuple.getKeyNode(), "bot name '" + name + "' cannot be used: it names the bot's folder and database, so"
                        + " write lower-case letters, digits, '-' and '_' (at most 32, starting with a letter or digit)"
                        + (BOT_NAME.matcher(suggested).matches() ? ", e.g. '" + suggested + "'" : ""), "");
                continue;
            }
            String first = schemas.putIfAbsent(schemaName(name), name);
            if (first != null) {
                problems.add(tuple.getKeyNode(), "bot '" + name + "' would share its PostgreSQL schema bot_" + schemaName(name) + " with bot '"
                        + first + "' (a schema name writes '-' as '_')", "give it a name that differs in more than '-' and '_'"
                        + freeName(name, taken).map(free -> ", e.g. '" + free + "'").orElse(""));
                continue;
            }
            Optional<YamlKeys> read = YamlKeys.read(tuple.getValueNode(), "bot '" + name + "'", keys, problems);
            if (read.isEmpty()) {
                continue;
            }
            YamlKeys map = read.get();
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, SettingsProblem.Place> places = new LinkedHashMap<>();
            keys.stream().filter(key -> !key.equals(SettingsFile.SINKS)).forEach(key -> map.values(key).ifPresent(v -> {
                values.put(key, v);
                places.put(key, map.keyAt(key));
            }));
            Optional<List<SettingsFile.SinkEntry>> sinks = map.value(SettingsFile.SINKS).map(list -> SinkEntries.read(list, problems));
            bots.add(new SettingsFile.BotEntry(name, problems.at(tuple.getKeyNode()), values, places, sinks));
        }
        return bots;
    }

    /** The part of a bot's PostgreSQL schema name its own name gives (store.Database#forBot writes 'bot_' before it). */
    private static String schemaName(String bot) {
        return bot.replace('-', '_');
    }

    /** The name with the lowest number after it that no bot's schema takes, if one is short enough. */
    private static Optional<String> freeName(String name, Set<String> taken) {
        for (int n = 2; n < 100; n++) {
            String candidate = name + n;
            if (BOT_NAME.matcher(candidate).matches() && !taken.contains(schemaName(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
