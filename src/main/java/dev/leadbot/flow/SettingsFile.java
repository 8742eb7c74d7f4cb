package dev.leadbot.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A flat settings file such as {@code leadbot.yaml}: known keys only (a typo is reported with
 * "did you mean" and its line), each a value or a list of values.
 */
public final class SettingsFile {

    /**
     * The values by key (a list joined with commas), where each key stands ({@code file:line:column}),
     * the {@code sinks:} entries, and every problem found.
     */
    public record Contents(Map<String, String> values, Map<String, String> places, List<SinkEntry> sinks, List<BotEntry> bots,
            List<Problem> problems) {
        public Contents {
            values = Map.copyOf(values);
            places = Map.copyOf(places);
            sinks = List.copyOf(sinks);
            bots = List.copyOf(bots);
            problems = List.copyOf(problems);
        }

        /** Nothing read: no file. */
        public static Contents empty() {
            return new Contents(Map.of(), Map.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * One bot under {@code bots:}: its name, where the name stands ({@code file:line:column}), its own
     * settings as written (a list joined with commas) with the place of each, and its own
     * {@code sinks:} if it declares any (else it takes the top level's).
     */
    public record BotEntry(String name, String where, Map<String, String> values, Map<String, String> places,
            Optional<List<SinkEntry>> sinks) {
        public BotEntry {
            values = Map.copyOf(values);
            places = Map.copyOf(places);
            sinks = sinks.map(List::copyOf);
        }

        /** Where {@code key} is written, or the bot's name. */
        public String placeOf(String key) {
            return places.getOrDefault(key, where);
        }
    }

    /**
     * One entry of the {@code sinks:} list as written: its place ({@code file:line:column}), its
     * settings (type and name among them; a list joined with commas), its {@code fields:} mapping,
     * and the place of each setting and of each field ({@code fields.<destination field>}).
     */
    public record SinkEntry(String where, Map<String, String> values, Map<String, String> fields, Map<String, String> places) {
        public SinkEntry {
            values = Map.copyOf(values);
            fields = Map.copyOf(fields);
            places = Map.copyOf(places);
        }

        /** Where {@code key} is written, or the entry's own place. */
        public String placeOf(String key) {
            return places.getOrDefault(key, where);
        }
    }

    /** The key under which sinks are declared; a caller that allows it lists it among the keys. */
    public static final String SINKS = "sinks";
    /** The key under which several bots are declared, each by its name. */
    public static final String BOTS = "bots";
    /**
     * What a bot's name may be made of: it becomes a folder name (and a PostgreSQL schema name), so
     * lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 32.
     */
    public static final java.util.regex.Pattern BOT_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private SettingsFile() {
    }

    public static Contents read(Path file, List<String> keys) throws IOException {
        return read(file, keys, List.of());
    }

    /** The same; when {@code keys} has {@link #BOTS}, each bot under it may set {@code botKeys}. */
    public static Contents read(Path file, List<String> keys, List<String> botKeys) throws IOException {
        String name = file.toString();
        Problems problems = new Problems(name);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> places = new LinkedHashMap<>();
        List<SinkEntry> sinks = new ArrayList<>();
        List<BotEntry> bots = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            Position at = e.getProblemMark() == null ? new Position(1, 1)
                    : new Position(e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1);
            problems.add(at, "YAML syntax: " + e.getProblem() + "; check the indentation and quotes");
            return new Contents(values, places, sinks, bots, problems.sorted());
        }
        if (root != null) {
            YamlMap.read(root, name, keys, problems).ifPresent(map -> {
                keys.stream().filter(key -> !key.equals(SINKS) && !key.equals(BOTS)).forEach(key -> value(map, key, problems).ifPresent(v -> {
                    values.put(key, v);
                    places.put(key, name + ":" + map.keyAt(key));
                }));
                map.value(SINKS).ifPresent(list -> sinks.addAll(sinks(list, name, problems)));
                map.value(BOTS).ifPresent(declared -> bots.addAll(bots(declared, name, botKeys, problems)));
            });
        }
        return new Contents(values, places, sinks, bots, problems.sorted());
    }

    /** The {@code bots:} mapping: each name checked (it becomes a folder name) and its settings read like the top level's. */
    private static List<BotEntry> bots(Node declared, String file, List<String> keys, Problems problems) {
        if (!(declared instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(declared, "'bots' must map each bot's name to its settings, e.g. 'shop:' with 'telegram_bot_token:"
                    + " ${SHOP_TOKEN}' and 'flow: flows/shop.yaml' indented under it; leave 'bots' out to run one bot");
            return List.of();
        }
        List<BotEntry> bots = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        // On PostgreSQL a bot's schema is bot_ and its name with '-' written '_': 'shop-a' and 'shop_a' would share one.
        Map<String, String> schemas = new java.util.HashMap<>();
        java.util.Set<String> taken = mapping.getValue().stream().map(t -> t.getKeyNode() instanceof ScalarNode scalar
                ? schemaName(scalar.getValue()) : "").collect(java.util.stream.Collectors.toSet());
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            if (!seen.add(name)) {
                problems.add(tuple.getKeyNode(), "bot '" + name + "' is declared twice; give each bot its own name, or keep one of them");
                continue;
            }
            if (!BOT_NAME.matcher(name).matches()) {
                String suggested = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+|-+$", "");
                problems.add(tuple.getKeyNode(), "bot name '" + name + "' cannot be used: it names the bot's folder and database, so"
                        + " write lower-case letters, digits, '-' and '_' (at most 32, starting with a letter or digit)"
                        + (BOT_NAME.matcher(suggested).matches() ? ", e.g. '" + suggested + "'" : ""));
                continue;
            }
            String first = schemas.putIfAbsent(schemaName(name), name);
            if (first != null) {
                problems.add(tuple.getKeyNode(), "bot '" + name + "' would share its PostgreSQL schema bot_" + schemaName(name) + " with bot '"
                        + first + "' (a schema name writes '-' as '_'); give it a name that differs in more than '-' and '_'"
                        + freeName(name, taken).map(free -> ", e.g. '" + free + "'").orElse(""));
                continue;
            }
            Optional<YamlMap> read = YamlMap.read(tuple.getValueNode(), "bot '" + name + "'", keys, problems);
            if (read.isEmpty()) {
                continue;
            }
            YamlMap map = read.get();
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> places = new LinkedHashMap<>();
            keys.stream().filter(key -> !key.equals(SINKS)).forEach(key -> value(map, key, problems).ifPresent(v -> {
                values.put(key, v);
                places.put(key, file + ":" + map.keyAt(key));
            }));
            Optional<List<SinkEntry>> sinks = map.value(SINKS).map(list -> sinks(list, file, problems));
            bots.add(new BotEntry(name, file + ":" + Problems.at(tuple.getKeyNode()), values, places, sinks));
        }
        return bots;
    }

    /** The part of a bot's PostgreSQL schema name its own name gives (store.Database#forBot writes 'bot_' before it). */
    private static String schemaName(String bot) {
        return bot.replace('-', '_');
    }

    /** The name with the lowest number after it that no bot's schema takes, if one is short enough. */
    private static Optional<String> freeName(String name, java.util.Set<String> taken) {
        for (int n = 2; n < 100; n++) {
            String candidate = name + n;
            if (BOT_NAME.matcher(candidate).matches() && !taken.contains(schemaName(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<SinkEntry> sinks(Node list, String file, Problems problems) {
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(list, "'sinks' must be a list, one '- type: …' entry per sink");
            return List.of();
        }
        List<SinkEntry> entries = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(item, "each sink must be a mapping such as '- type: webhook', with its settings under it");
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> places = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                Node value = tuple.getValueNode();
                places.put(key, file + ":" + Problems.at(tuple.getKeyNode()));
                if (key.equals("fields") && value instanceof MappingNode map) {
                    map.getValue().forEach(field -> {
                        if (field.getKeyNode() instanceof ScalarNode k && field.getValueNode() instanceof ScalarNode v) {
                            fields.put(k.getValue(), v.getValue());
                            places.put("fields." + k.getValue(), file + ":" + Problems.at(v));
                        } else {
                            problems.add(field.getKeyNode(), "each of 'fields' must be 'destination field: lead field'");
                        }
                    });
                } else if (value instanceof ScalarNode scalar) {
                    settings.put(key, scalar.getValue());
                } else if (value instanceof SequenceNode values && values.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                    settings.put(key, values.getValue().stream().map(v -> ((ScalarNode) v).getValue()).collect(Collectors.joining(",")));
                } else {
                    problems.add(value, "'" + key + "' of a sink must be a value or a list of values");
                }
            }
            if (!settings.containsKey("type")) {
                problems.add(item, "a sink has no 'type'; write type: amocrm, bitrix24, retailcrm, google_sheets or webhook");
                continue;
            }
            settings.putIfAbsent("name", settings.get("type"));
            entries.add(new SinkEntry(file + ":" + Problems.at(item), settings, fields, places));
        }
        return entries;
    }

    private static Optional<String> value(YamlMap map, String key, Problems problems) {
        Optional<Node> node = map.value(key);
        if (node.isPresent() && node.get() instanceof SequenceNode list) {
            if (list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
                return Optional.of(list.getValue().stream().map(v -> ((ScalarNode) v).getValue()).collect(Collectors.joining(",")));
            }
            problems.add(list, "'" + key + "' must be a value or a list of values");
            return Optional.empty();
        }
        return map.string(key);
    }
}
