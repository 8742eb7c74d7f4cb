package dev.leadbot.flow;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a whole flow file: top-level settings, bot texts, the contact summary and every node. */
final class FlowParser {

    private static final List<String> TOP_KEYS = List.of("id", "language", "phone_region", "start", "texts", "summary", "partial_lead", "nodes",
            FollowUpsReader.KEY);
    private static final List<String> PARTIAL_LEAD_KEYS = List.of("once_known");
    private static final List<String> SUMMARY_KEYS = List.of("name", "phone", "email", "username");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final String file;
    private final String yaml;
    private final Source source;
    private final Problems problems;

    FlowParser(String file, String yaml) {
        this.file = file;
        this.yaml = yaml;
        this.source = new Source(yaml);
        this.problems = new Problems(file, source);
    }

    /** The flow, or every problem found in it. */
    Flow parse() throws InvalidFlowException {
        Optional<org.yaml.snakeyaml.nodes.Node> root = compose();
        Optional<MappingNode> strayNodes = root.flatMap(this::nodesWithoutTheirKey);
        Optional<YamlMap> top = root.flatMap(r -> YamlMap.read(r, "the flow file", TOP_KEYS, problems));
        if (top.isEmpty()) {
            throw new InvalidFlowException(problems.sorted());
        }
        YamlMap map = top.get();
        String language = map.string("language").map(String::strip).orElse("ru");
        boolean languageValid = LANGUAGE.matcher(language).matches();
        if (!languageValid) {
            problems.add(map.valueAt("language"), "language '" + language + "' is not a language code; write "
                    + Languages.codeFor(language).map(code -> "'" + code + "'").orElse("a two-letter code such as 'ru' or 'en'"));
        }
        Optional<String> phoneRegion = phoneRegion(map, language);
        TextReader texts = new TextReader(languageValid ? Optional.of(language) : Optional.empty(), problems);
        BotTexts botTexts = botTexts(map, texts, language);
        Optional<String> start = map.required("start", "write 'start: <id of the first node>'").map(String::strip);
        Set<String> declared = new LinkedHashSet<>();
        FollowUpsReader followUpsReader = new FollowUpsReader(problems, texts);
        Optional<FollowUps> followUps = followUpsReader.flow(map);
        NodeReader reader = new NodeReader(problems, texts, botTexts, followUpsReader);
        Map<String, Position> declaredAt = new LinkedHashMap<>();
        Map<String, org.yaml.snakeyaml.nodes.Node> written = new LinkedHashMap<>();
        Set<String> damaged = new LinkedHashSet<>();
        List<Ref> duplicates = new java.util.ArrayList<>();
        Map<String, Node> nodes = nodes(strayNodes.<org.yaml.snakeyaml.nodes.Node>map(m -> m).or(() -> map.value("nodes")), map, reader,
                declared, new GraphChecks.Written(declared, declaredAt, written, damaged, Set.of(), duplicates,
                Map.of(), Set.of(), List.of()));
        texts.reportMissingLanguage(map.has("language") ? map.valueAt("language") : map.at(), map.has("language"));
        Map<String, Ref> summary = summary(map);
        Optional<PartialPoint> partial = partialLead(map);
        new GraphChecks(problems, nodes, new GraphChecks.Written(declared, declaredAt, written, damaged, reader.withUnknownKeys(), duplicates,
                reader.saveAsAt(), reader.badSaveAs(), reader.withoutGoto()),
                start.map(s -> new Ref(s, map.value("start").map(Problems::at).orElseThrow())), summary, partial, texts).run();
        followUpsReader.check(nodes, new TextLengths(problems, nodes, texts), reader.ownFollowUps());
        if (!problems.isEmpty()) {
            throw new InvalidFlowException(problems.sorted());
        }
        String id = map.string("id").map(String::strip).orElse(file.replaceAll("^.*[/\\\\]", "").replaceAll("\\.ya?ml$", ""));
        return new Flow(id, language, phoneRegion, start.orElseThrow(), nodes, botTexts, new SummaryFields(variable(summary, "name"),
                variable(summary, "phone"), variable(summary, "email"), variable(summary, "username")),
                partial.map(p -> new PartialLead(p.onceKnown().stream().map(Ref::name).toList())), followUps,
                FollowUpsReader.resolve(followUps, reader.ownFollowUps()), reader.titles());
    }

    /** The flow's {@code phone_region:}, else the country of its language; a value that is no country code is a problem. */
    private Optional<String> phoneRegion(YamlMap top, String language) {
        Optional<String> written = top.string("phone_region").map(String::strip);
        if (written.isEmpty()) {
            return PhoneRegions.forLanguage(language);
        }
        if (!PhoneRegions.isCountry(written.get())) {
            problems.add(top.valueAt("phone_region"), "phone_region '" + written.get() + "' is not a country code; write "
                    + PhoneRegions.codeFor(written.get()).map(code -> "'" + code + "'")
                            .orElse("the two-letter ISO 3166 code of the country, such as 'RU', 'KZ' or 'US'")
                    + ": prospects may type that country's numbers without the country code");
            return Optional.empty();
        }
        return written;
    }

    private Optional<org.yaml.snakeyaml.nodes.Node> compose() {
        try {
            Optional<org.yaml.snakeyaml.nodes.Node> root = Optional.ofNullable(new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml)));
            if (root.isEmpty()) {
                problems.add(new Position(1, 1), "the file is empty; start with 'start: <first node>' and 'nodes:' (see flows/README.md)");
            }
            return root;
        } catch (MarkedYAMLException e) {
            YamlSyntax.Explained explained = new YamlSyntax(source).explain(e);
            problems.add(explained.at(), explained.message());
        } catch (YAMLException e) {
            problems.add(new Position(1, 1), "YAML syntax: " + e.getMessage());
        }
        return Optional.empty();
    }

    private BotTexts botTexts(YamlMap top, TextReader texts, String language) {
        Map<BotText, Text> overrides = new EnumMap<>(BotText.class);
        List<String> keys = Arrays.stream(BotText.values()).map(BotText::key).toList();
        top.value("texts").flatMap(yaml -> YamlMap.read(yaml, "texts", keys, problems)).ifPresent(map -> {
            for (BotText key : BotText.values()) {
                if (map.has(key.key())) {
                    texts.read(map, key.key(), "write the text, or remove the key to keep the built-in one").ifPresent(text -> {
                        overrides.put(key, text);
                        botTextPlaceholders(key, text, texts);
                    });
                }
            }
        });
        return new BotTexts(language, overrides);
    }

    /** A bot phrase may show the prospect's name and the values the bot fills in for it, such as {min}. */
    private void botTextPlaceholders(BotText key, Text text, TextReader texts) {
        Set<String> known = new LinkedHashSet<>(List.of(Flow.PROSPECT_NAME));
        known.addAll(key.defaults("ru").placeholders());
        for (TextReader.Placeholder used : texts.placeholders(text)) {
            if (!known.contains(used.name())) {
                String braces = known.stream().map(k -> "{" + k + "}").collect(java.util.stream.Collectors.joining(", "));
                problems.add(used.at(), "'{" + used.name() + "}' in texts." + key.key() + LookAlikes.clause(used.name(), new Position(
                        used.at().line(), used.at().column() + 1), source) + " is not filled in by the bot"
                        + Suggestions.closest(used.name(), known).map(c -> "; did you mean '{" + c + "}'?")
                                .orElse("; this text can use " + braces + ", and '{{' and '}}' show a brace"));
            }
        }
    }

    /** Reads every node, filling in {@code into} what was written: ids, their places, their YAML and which had problems. */
    private Map<String, Node> nodes(Optional<org.yaml.snakeyaml.nodes.Node> yaml, YamlMap top, NodeReader reader, Set<String> declared,
            GraphChecks.Written into) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        if (yaml.isEmpty() || !(yaml.get() instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(yaml.map(Problems::at).orElse(top.at()), "the flow needs 'nodes:', a mapping from node id to node");
            return nodes;
        }
        for (NodeTuple tuple : unindented(mapping.getValue())) {
            String id = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue().strip() : "";
            if (!declared.add(id)) {
                into.duplicates().add(new Ref(id, Problems.at(tuple.getKeyNode())));
                continue;
            }
            if (!Ids.isValid(id)) {
                problems.add(tuple.getKeyNode(), "node id '" + id + "'" + LookAlikes.clause(id, Problems.at(tuple.getKeyNode()), source)
                        + " " + Ids.RULE + Ids.instead(id));
            }
            into.at().put(id, Problems.at(tuple.getKeyNode()));
            into.yaml().put(id, tuple.getValueNode());
            int before = problems.size();
            reader.read(id, Problems.at(tuple.getKeyNode()), tuple.getValueNode()).ifPresent(node -> nodes.put(id, node));
            if (problems.size() > before) {
                into.damaged().add(id);
            }
        }
        return nodes;
    }

    /**
     * When the 'nodes:' line is missing, the nodes land in the mapping above them (summary or
     * texts): they are taken out of it and read as nodes, with one report at the first.
     */
    private Optional<MappingNode> nodesWithoutTheirKey(org.yaml.snakeyaml.nodes.Node root) {
        if (!(root instanceof MappingNode top) || top.getValue().stream().anyMatch(t -> key(t).equals("nodes"))) {
            return Optional.empty();
        }
        for (NodeTuple section : top.getValue()) {
            if (section.getValueNode() instanceof MappingNode inside) {
                List<NodeTuple> stray = inside.getValue().stream().filter(FlowParser::looksLikeANode).toList();
                if (!stray.isEmpty()) {
                    inside.getValue().removeAll(stray);
                    Position first = Problems.at(stray.get(0).getKeyNode());
                    problems.add(first, "node '" + key(stray.get(0)) + "' and the " + (stray.size() - 1) + " after it are read as part"
                            + " of '" + key(section) + ":', as the 'nodes:' line above them is missing; write 'nodes:' on a line of its"
                            + " own before line " + first.line());
                    return Optional.of(new MappingNode(inside.getTag(), true, new java.util.ArrayList<>(stray),
                            stray.get(0).getKeyNode().getStartMark(), inside.getEndMark(), inside.getFlowStyle()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The node tuples as meant: a node whose id was indented one step too far sits inside the node
     * above it, as an unknown key followed by that node's keys again. It is taken out and read as
     * its own node, with one report at its id.
     */
    private List<NodeTuple> unindented(List<NodeTuple> tuples) {
        List<NodeTuple> meant = new java.util.ArrayList<>();
        for (NodeTuple tuple : tuples) {
            if (!(tuple.getValueNode() instanceof MappingNode node)) {
                meant.add(tuple);
                continue;
            }
            List<NodeTuple> keys = node.getValue();
            int split = -1;
            for (int i = 1; i < keys.size() && split < 0; i++) {
                NodeTuple candidate = keys.get(i);
                boolean emptyValue = candidate.getValueNode() instanceof ScalarNode v && v.getValue().isEmpty();
                List<NodeTuple> before = keys.subList(0, i);
                boolean repeats = keys.subList(i + 1, keys.size()).stream().anyMatch(later -> before.stream()
                        .anyMatch(earlier -> key(earlier).equals(key(later))));
                if (!NodeReader.KNOWN_KEYS.contains(key(candidate)) && (emptyValue && repeats || looksLikeANode(candidate))) {
                    split = i;
                }
            }
            if (split < 0) {
                meant.add(tuple);
                continue;
            }
            NodeTuple id = keys.get(split);
            problems.add(id.getKeyNode(), "node '" + key(id) + "' is indented into node '" + key(tuple) + "' above it; indent '"
                    + key(id) + ":' like '" + key(tuple) + ":'");
            meant.add(new NodeTuple(tuple.getKeyNode(), part(node, keys.subList(0, split))));
            meant.add(new NodeTuple(id.getKeyNode(), id.getValueNode() instanceof MappingNode own ? own
                    : part(node, keys.subList(split + 1, keys.size()))));
        }
        return meant;
    }

    private static MappingNode part(MappingNode whole, List<NodeTuple> tuples) {
        return new MappingNode(whole.getTag(), true, new java.util.ArrayList<>(tuples), tuples.isEmpty() ? whole.getStartMark()
                : tuples.get(0).getKeyNode().getStartMark(), whole.getEndMark(), whole.getFlowStyle());
    }

    private static boolean looksLikeANode(NodeTuple tuple) {
        return tuple.getValueNode() instanceof MappingNode value && value.getValue().stream().anyMatch(t -> key(t).equals("type"));
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
    }

    private Map<String, Ref> summary(YamlMap top) {
        Map<String, Ref> refs = new LinkedHashMap<>();
        top.value("summary").flatMap(yaml -> YamlMap.read(yaml, "summary", SUMMARY_KEYS, problems)).ifPresent(map -> {
            for (String key : SUMMARY_KEYS) {
                map.string(key).map(String::strip)
                        .ifPresent(variable -> refs.put(key, new Ref(variable, map.value(key).map(Problems::at).orElseThrow())));
            }
        });
        return refs;
    }

    /** The {@code partial_lead:} point as written: where, and the variables {@code once_known} names; empty when absent or unreadable. */
    private Optional<PartialPoint> partialLead(YamlMap top) {
        Optional<YamlMap> read = top.value("partial_lead").flatMap(yaml -> YamlMap.read(yaml, "partial_lead", PARTIAL_LEAD_KEYS, problems));
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        String fix = "write 'once_known: [contact_name, phone]': the variables of which any one, once answered, makes an"
                + " abandoned conversation worth a lead";
        Optional<org.yaml.snakeyaml.nodes.Node> value = map.value("once_known");
        if (value.isEmpty()) {
            if (!map.misspelt("once_known")) {
                problems.add(map.at(), "partial_lead has no 'once_known'; " + fix);
            }
            return Optional.empty();
        }
        List<Ref> variables = new java.util.ArrayList<>();
        if (value.get() instanceof ScalarNode one && !one.getValue().isBlank()) {
            variables.add(new Ref(one.getValue().strip(), Problems.at(one)));
        } else if (value.get() instanceof org.yaml.snakeyaml.nodes.SequenceNode list && !list.getValue().isEmpty()
                && list.getValue().stream().allMatch(v -> v instanceof ScalarNode s && !s.getValue().isBlank())) {
            list.getValue().forEach(v -> variables.add(new Ref(((ScalarNode) v).getValue().strip(), Problems.at(v))));
        } else {
            problems.add(value.get(), "'once_known' in partial_lead must name one variable or a list of them; " + fix);
            return Optional.empty();
        }
        return Optional.of(new PartialPoint(map.keyAt("once_known"), variables));
    }

    private static Optional<String> variable(Map<String, Ref> summary, String field) {
        return Optional.ofNullable(summary.get(field)).map(Ref::name);
    }

    /** A name written somewhere in the file: a node id or a variable. */
    record Ref(String name, Position at) {
    }

    /** The partial-lead point as written: where its {@code once_known} key is, and each variable it names. */
    record PartialPoint(Position at, List<Ref> onceKnown) {
    }
}
