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

    private static final List<String> TOP_KEYS = List.of("id", "language", "start", "texts", "summary", "nodes");
    private static final List<String> SUMMARY_KEYS = List.of("name", "phone", "email", "username");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final String file;
    private final Problems problems;

    FlowParser(String file) {
        this.file = file;
        this.problems = new Problems(file);
    }

    /** The flow, or every problem found in it. */
    Flow parse(String yaml) throws InvalidFlowException {
        Optional<org.yaml.snakeyaml.nodes.Node> root = compose(yaml);
        Optional<YamlMap> top = root.flatMap(r -> YamlMap.read(r, "the flow file", TOP_KEYS, problems));
        if (top.isEmpty()) {
            throw new InvalidFlowException(problems.sorted());
        }
        YamlMap map = top.get();
        String language = map.string("language").map(String::strip).orElse("ru");
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add(map.keyAt("language"), "language '" + language + "' is not a language code; write a two- or"
                    + " three-letter code such as 'ru' or 'en'");
        }
        TextReader texts = new TextReader(language, problems);
        BotTexts botTexts = botTexts(map, texts, language);
        Optional<String> start = map.required("start", "write 'start: <id of the first node>'").map(String::strip);
        Set<String> declared = new LinkedHashSet<>();
        Map<String, Node> nodes = nodes(map, new NodeReader(problems, texts, botTexts), declared);
        Map<String, Ref> summary = summary(map);
        new GraphChecks(problems, nodes, declared, start.map(s -> new Ref(s, map.value("start").map(Problems::at).orElseThrow())),
                summary).run();
        if (!problems.isEmpty()) {
            throw new InvalidFlowException(problems.sorted());
        }
        String id = map.string("id").map(String::strip).orElse(file.replaceAll("^.*[/\\\\]", "").replaceAll("\\.ya?ml$", ""));
        return new Flow(id, language, start.orElseThrow(), nodes, botTexts, new SummaryFields(variable(summary, "name"),
                variable(summary, "phone"), variable(summary, "email"), variable(summary, "username")));
    }

    private Optional<org.yaml.snakeyaml.nodes.Node> compose(String yaml) {
        try {
            Optional<org.yaml.snakeyaml.nodes.Node> root = Optional.ofNullable(new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml)));
            if (root.isEmpty()) {
                problems.add(new Position(1, 1), "the file is empty; start with 'start: <first node>' and 'nodes:' (see flows/README.md)");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? new Position(1, 1) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(at, "YAML syntax: " + e.getProblem() + "; check the indentation, and put in quotes a text that"
                    + " contains ': ' or ' #', starts with '{', '[', '*' or '&', or stands inside { } and contains ',' or '?'");
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
                    texts.read(map, key.key(), "write the text, or remove the key to keep the built-in one")
                            .ifPresent(text -> overrides.put(key, text));
                }
            }
        });
        return new BotTexts(language, overrides);
    }

    private Map<String, Node> nodes(YamlMap top, NodeReader reader, Set<String> declared) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Optional<org.yaml.snakeyaml.nodes.Node> yaml = top.value("nodes");
        if (yaml.isEmpty() || !(yaml.get() instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(yaml.map(Problems::at).orElse(top.at()), "the flow needs 'nodes:', a mapping from node id to node");
            return nodes;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String id = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue().strip() : "";
            if (!declared.add(id)) {
                problems.add(tuple.getKeyNode(), "duplicate node id '" + id + "'; node ids must be unique, rename one of them");
                continue;
            }
            if (!Ids.isValid(id)) {
                problems.add(tuple.getKeyNode(), "node id '" + id + "' " + Ids.RULE);
            }
            reader.read(id, Problems.at(tuple.getKeyNode()), tuple.getValueNode()).ifPresent(node -> nodes.put(id, node));
        }
        return nodes;
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

    private static Optional<String> variable(Map<String, Ref> summary, String field) {
        return Optional.ofNullable(summary.get(field)).map(Ref::name);
    }

    /** A name written somewhere in the file: a node id or a variable. */
    record Ref(String name, Position at) {
    }
}
