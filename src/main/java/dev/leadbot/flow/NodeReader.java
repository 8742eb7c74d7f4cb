package dev.leadbot.flow;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one entry under {@code nodes:} into the node kind its {@code type} names. */
final class NodeReader {

    static final List<String> TYPES = List.of("message", "choice", "multi_select", "input", "end");

    private static final Map<String, List<String>> KEYS = Map.of(
            "message", List.of("type", "text", "next"),
            "choice", List.of("type", "text", "title", "save_as", "options", "next", FollowUpsReader.KEY),
            "multi_select", List.of("type", "text", "title", "save_as", "options", "min", "max", "done", "next", FollowUpsReader.KEY),
            "input", List.of("type", "text", "title", "save_as", "kind", "min_length", "max_length", "min", "max", "reask", "next",
                    FollowUpsReader.KEY),
            "end", List.of("type", "text", "next"));
    /** Every key some node kind takes. */
    static final Set<String> KNOWN_KEYS = KEYS.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet());
    private static final List<String> KINDS = Arrays.stream(InputKind.values()).map(InputKind::yamlName).toList();
    private static final String TEXT_FIX = "write what the prospect should read";

    private final Problems problems;
    private final TextReader texts;
    private final NextReader next;
    private final OptionReader options;
    private final BotTexts botTexts;
    private final FollowUpsReader followUps;
    private final Map<String, FollowUpsReader.Own> ownFollowUps = new java.util.LinkedHashMap<>();
    private final Map<String, Text> titles = new java.util.LinkedHashMap<>();
    private final Set<String> withUnknownKeys = new HashSet<>();
    private final Map<String, Position> saveAsAt = new java.util.HashMap<>();
    private final Set<String> badSaveAs = new HashSet<>();

    NodeReader(Problems problems, TextReader texts, BotTexts botTexts, FollowUpsReader followUps) {
        this.followUps = followUps;
        this.problems = problems;
        this.texts = texts;
        this.next = new NextReader(problems);
        this.options = new OptionReader(problems, texts, next);
        this.botTexts = botTexts;
    }

    /** The ids of nodes with a key they do not allow (likely a misspelt one, such as 'nxt' for 'next'). */
    Set<String> withUnknownKeys() {
        return Set.copyOf(withUnknownKeys);
    }

    /** The node, or empty when its type is missing or unknown (the problem is reported). */
    Optional<Node> read(String id, Position at, org.yaml.snakeyaml.nodes.Node yaml) {
        String what = "node '" + id + "'";
        return type(yaml, what).flatMap(type -> YamlMap.read(yaml, what, keys(id, type, yaml), problems).flatMap(map -> {
            if (map.hadUnknownKeys()) {
                withUnknownKeys.add(id);
            }
            followUps.question(id, map).ifPresent(own -> ownFollowUps.put(id, own));
            if (map.has("title")) {
                title(map).ifPresent(title -> titles.put(id, title));
            }
            return Optional.of(map);
        }).flatMap(map -> switch (type) {
            case "message" -> texts.read(map, "text", TEXT_FIX).map(text -> new MessageNode(id, text, nextOf(map), at));
            case "choice" -> choice(id, at, map);
            case "multi_select" -> multiSelect(id, at, map);
            case "input" -> input(id, at, map);
            default -> end(id, at, map);
        }));
    }

    /**
     * The keys a node of {@code type} allows; a node with options whose type takes none was meant
     * to ask a question: one report at its type, rather than its options reported as unknown.
     */
    private List<String> keys(String id, String type, org.yaml.snakeyaml.nodes.Node yaml) {
        List<String> keys = KEYS.get(type);
        Optional<NodeTuple> typeKey = ((MappingNode) yaml).getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type")).findFirst();
        boolean options = ((MappingNode) yaml).getValue().stream()
                .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("options"));
        if (!options || keys.contains("options") || typeKey.isEmpty()) {
            return keys;
        }
        problems.add(typeKey.get().getValueNode(), "node '" + id + "' has options, which " + (type.startsWith("e") || type.startsWith("i") ? "an" : "a")
                + " '" + type + "' node does not take; write"
                + " 'type: choice' for one answer or 'type: multi_select' for several, or remove the options");
        withUnknownKeys.add(id);
        List<String> more = new java.util.ArrayList<>(keys);
        more.add("options");
        return more;
    }

    private Optional<String> type(org.yaml.snakeyaml.nodes.Node yaml, String what) {
        if (!(yaml instanceof MappingNode mapping)) {
            problems.add(yaml, what + " must be a mapping starting with 'type: " + String.join("|", TYPES) + "'");
            return Optional.empty();
        }
        Optional<NodeTuple> type = mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type")).findFirst();
        if (type.isEmpty() || !(type.get().getValueNode() instanceof ScalarNode value)) {
            Optional<ScalarNode> misspelt = mapping.getValue().stream().map(NodeTuple::getKeyNode)
                    .filter(k -> k instanceof ScalarNode s && !s.getValue().equals("type")
                            && Suggestions.closest(s.getValue(), List.of("type")).isPresent()).map(ScalarNode.class::cast).findFirst();
            if (misspelt.isPresent()) {
                problems.add(misspelt.get(), "unknown key '" + misspelt.get().getValue() + "' in " + what + "; did you mean 'type'?");
            } else {
                problems.add(yaml, what + " has no 'type'; write one of: " + String.join(", ", TYPES));
            }
            return Optional.empty();
        }
        if (!TYPES.contains(value.getValue())) {
            problems.add(value, "unknown node type '" + value.getValue() + "' in " + what
                    + Suggestions.didYouMean(value.getValue(), TYPES, "; write one of: " + String.join(", ", TYPES)));
            return Optional.empty();
        }
        return Optional.of(value.getValue());
    }

    private Optional<Node> choice(String id, Position at, YamlMap map) {
        Optional<Text> text = texts.read(map, "text", TEXT_FIX);
        String variable = variable(id, map);
        List<Option> opts = options.read(map, true);
        if (options.hadUnknownKeys()) {
            withUnknownKeys.add(id);
        }
        Optional<Next> fallback = next.read(map);
        if (fallback.isEmpty() && (map.has("next") || map.misspelt("next"))) {
            withUnknownKeys.add(id);
        }
        return text.map(t -> new ChoiceNode(id, t, variable, opts, fallback, at));
    }

    private Optional<Node> multiSelect(String id, Position at, YamlMap map) {
        Optional<Text> text = texts.read(map, "text", TEXT_FIX);
        String variable = variable(id, map);
        List<Option> opts = options.read(map, false);
        if (options.hadUnknownKeys()) {
            withUnknownKeys.add(id);
        }
        int min = map.integer("min").orElse(1);
        int max = map.integer("max").orElse(Math.max(opts.size(), 1));
        if (min < 0) {
            problems.add(map.valueAt("min"), "min " + min + " in " + map.what() + " is below 0; write 0 to make ticking optional,"
                    + " or the fewest ticks you accept");
        } else if (max < 1) {
            problems.add(map.valueAt("max"), "max " + max + " in " + map.what() + " allows no tick at all; write at least 1, or"
                    + " remove it to allow every option");
        } else if (!opts.isEmpty() && min > opts.size()) {
            problems.add(map.valueAt("min"), "min " + min + " in " + map.what() + " is more than its " + opts.size()
                    + " options; lower min or add options");
        } else if (min > max) {
            problems.add(map.valueAt(map.has("max") ? "max" : "min"), "max " + max + " in " + map.what() + " is below min " + min
                    + ", so no answer could be accepted; write max " + min + " or more, or lower min");
        }
        Optional<Text> done = map.has("done") ? texts.read(map, "done", "write the text of the done button") : Optional.of(botTexts.get(BotText.DONE));
        Next after = nextOf(map);
        return text.flatMap(t -> done.map(d -> new MultiSelectNode(id, t, variable, opts, min, max, d, after, at)));
    }

    private Optional<Node> input(String id, Position at, YamlMap map) {
        Optional<Text> text = texts.read(map, "text", TEXT_FIX);
        String variable = variable(id, map);
        InputKind kind = map.string("kind").map(String::strip).flatMap(k -> kind(k, map)).orElse(InputKind.TEXT);
        onlyFor(map, kind, InputKind.TEXT, "min_length", "max_length");
        onlyFor(map, kind, InputKind.NUMBER, "min", "max");
        int minLength = map.integer("min_length").orElse(1);
        int maxLength = map.integer("max_length").orElse(InputNode.LONGEST_TEXT);
        if (minLength < 1 || minLength > InputNode.LONGEST_TEXT) {
            problems.add(map.valueAt("min_length"), "min_length " + minLength + " in " + map.what() + " is out of range; write a"
                    + " number from 1 to " + InputNode.LONGEST_TEXT + " (an answer has at least one character)");
        } else if (maxLength < 1 || maxLength > InputNode.LONGEST_TEXT) {
            problems.add(map.valueAt("max_length"), "max_length " + maxLength + " in " + map.what() + " is out of range; write"
                    + " a number from 1 to " + InputNode.LONGEST_TEXT + " (Telegram takes at most 4096 characters a message)");
        } else if (minLength > maxLength) {
            problems.add(map.valueAt("max_length"), "max_length " + maxLength + " in " + map.what() + " is below min_length "
                    + minLength + ", so no answer could be accepted; write max_length " + minLength + " or more, or lower min_length");
        }
        Optional<BigDecimal> min = map.decimal("min");
        Optional<BigDecimal> max = map.decimal("max");
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            problems.add(map.valueAt("max"), "max " + max.get() + " in " + map.what() + " is below min " + min.get()
                    + ", so no number could be accepted; swap them or correct one");
        }
        Optional<Text> reask = map.has("reask") ? texts.read(map, "reask", "write what to say when the answer does not fit") : Optional.empty();
        Next after = nextOf(map);
        return text.map(t -> new InputNode(id, t, variable, kind, minLength, maxLength, min, max, reask, after, at));
    }

    private Optional<Node> end(String id, Position at, YamlMap map) {
        if (map.has("next")) {
            problems.add(map.keyAt("next"), "'next' in end " + map.what()
                    + " is never used: an end node finishes the flow; remove it, or use 'type: message' to go on");
        }
        return texts.read(map, "text", TEXT_FIX).map(text -> new EndNode(id, text, at));
    }

    /** A node's own next; a missing one is reported later with the other graph problems. */
    private Next nextOf(YamlMap map) {
        Optional<Next> read = next.read(map);
        if (read.isEmpty() && (map.has("next") || map.misspelt("next"))) {
            withUnknownKeys.add(map.what().replaceAll("^node '(.*)'$", "$1"));
        }
        return read.orElse(new Next(List.of()));
    }

    /** The questions with a {@code follow_ups:} of their own (or {@code none}), by node id. */
    Map<String, FollowUpsReader.Own> ownFollowUps() {
        return Map.copyOf(ownFollowUps);
    }

    /** The questions' own {@code title:}s, by node id. */
    Map<String, Text> titles() {
        return Map.copyOf(titles);
    }

    /** A question's {@code title:}: a few words, in every language it is written in, with no placeholder. */
    private Optional<Text> title(YamlMap map) {
        Optional<Text> title = texts.read(map, "title", "write the few words the owner's summary names the answer by, such as 'Сфера"
                + " бизнеса', or remove 'title:' to have them made of the question");
        if (title.isEmpty()) {
            return title;
        }
        Map<String, String> each = new java.util.LinkedHashMap<>(title.get().translations());
        if (each.isEmpty()) {
            each.put("", title.get().fallback());
        }
        boolean fine = true;
        for (Map.Entry<String, String> written : each.entrySet()) {
            String what = "'title' in " + map.what() + (written.getKey().isEmpty() ? "" : " (" + written.getKey() + ")");
            String text = written.getValue();
            int length = text.codePointCount(0, text.length());
            if (text.contains("{")) {
                problems.add(map.valueAt("title"), what + " shows '{…}', but a title names the question, not an answer; write it"
                        + " without braces, such as 'Сфера бизнеса'");
                fine = false;
            } else if (length > ShortTitle.WIDTH) {
                problems.add(map.valueAt("title"), what + " is " + length + " characters long; a title is the few words an owner"
                        + " reads before the answer, so write at most " + ShortTitle.WIDTH + ", such as '" + ShortTitle.cut(text) + "'");
                fine = false;
            }
        }
        return fine ? title : Optional.empty();
    }

    /** Where each node's save_as is written (its id when it has none), and the nodes whose save_as is itself a mistake. */
    Map<String, Position> saveAsAt() {
        return Map.copyOf(saveAsAt);
    }

    /** Rules of 'next' without a 'goto': where, and what to say. */
    List<FlowParser.Ref> withoutGoto() {
        return next.withoutGoto();
    }

    Set<String> badSaveAs() {
        return Set.copyOf(badSaveAs);
    }

    private String variable(String id, YamlMap map) {
        String variable = map.string("save_as").map(String::strip).orElse(id);
        saveAsAt.put(id, map.has("save_as") ? map.valueAt("save_as") : map.at());
        if (!Ids.isVariable(variable) || variable.equals(Flow.PROSPECT_NAME)) {
            badSaveAs.add(id);
        }
        if (!Ids.isVariable(variable)) {
            problems.add(map.valueAt("save_as"), (map.has("save_as") ? "save_as '" + variable + "'"
                    + LookAlikes.clause(variable, map.valueAt("save_as"), problems.source()) : "node id '" + id
                    + "' used as the variable name (add 'save_as:' to choose another)") + " " + Ids.VARIABLE_RULE
                    + Ids.insteadVariable(variable));
        } else if (variable.equals(Flow.PROSPECT_NAME)) {
            problems.add(map.keyAt("save_as"), "'" + Flow.PROSPECT_NAME + "' is the prospect's Telegram first name and cannot"
                    + " be saved by " + map.what() + "; write 'save_as: contact_name' or another name");
        }
        return variable;
    }

    private Optional<InputKind> kind(String kind, YamlMap map) {
        if (KINDS.contains(kind)) {
            return Optional.of(InputKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
        }
        problems.add(map.value("kind").orElseThrow(), "unknown input kind '" + kind + "' in " + map.what()
                + Suggestions.didYouMean(kind, KINDS, "; write one of: " + String.join(", ", KINDS)));
        return Optional.empty();
    }

    private void onlyFor(YamlMap map, InputKind actual, InputKind wanted, String... keys) {
        for (String key : keys) {
            if (map.has(key) && actual != wanted) {
                problems.add(map.keyAt(key), "'" + key + "' in " + map.what() + " applies only to 'kind: " + wanted.yamlName()
                        + "'; remove it");
            }
        }
    }
}
