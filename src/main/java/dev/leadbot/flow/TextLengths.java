package dev.leadbot.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Telegram refuses a message over 4,096 characters. leadbot reports such a text rather than
 * splitting it: a question split in two would put its buttons under the second half, and an
 * owner who wrote a wall of text is better told than surprised. A text is measured as it
 * would be sent with each placeholder holding the longest value it can take.
 */
final class TextLengths {

    /** Telegram's limit on one message's text. */
    static final int MESSAGE_LIMIT = 4096;
    /** Telegram's limit on a first name, what {@code {name}} shows. */
    static final int FIRST_NAME = 64;
    private static final int PHONE = 16;
    private static final int EMAIL = 254;
    private static final int NUMBER = 40;
    /** What the engine adds under a question answered by a button: a blank line, "✔️ " and the answer. */
    private static final int ANSWERED = "\n\n✔️ ".length();

    private final Problems problems;
    private final Map<String, Node> nodes;
    private final TextReader texts;
    private final Map<String, Integer> longest = new LinkedHashMap<>();

    TextLengths(Problems problems, Map<String, Node> nodes, TextReader texts) {
        this.problems = problems;
        this.nodes = nodes;
        this.texts = texts;
        longest.put(Flow.PROSPECT_NAME, FIRST_NAME);
        nodes.values().forEach(node -> node.savesAs().ifPresent(v -> longest.merge(v, answerLength(node), Math::max)));
    }

    void run() {
        for (Node node : nodes.values()) {
            Stream.concat(Stream.of(node.text()), node instanceof InputNode input ? input.reask().stream() : Stream.empty())
                    .forEach(text -> check(node, text, !(node instanceof InputNode) && node.savesAs().isPresent() && text == node.text()));
        }
    }

    private void check(Node node, Text text, boolean showsAnswer) {
        for (String written : languages(text)) {
            int plain = written.length();
            int rendered = rendered(written) + (showsAnswer ? ANSWERED + longest.getOrDefault(node.savesAs().orElseThrow(), 0) : 0);
            if (plain > MESSAGE_LIMIT) {
                problems.add(text.at(), "the text of node '" + node.id() + "' is " + String.format("%,d", plain) + " characters long,"
                        + " over Telegram's " + String.format("%,d", MESSAGE_LIMIT) + " for one message; shorten it, or split it into"
                        + " a message node followed by the rest");
                return;
            }
            if (rendered > MESSAGE_LIMIT) {
                problems.add(text.at(), "the text of node '" + node.id() + "' can reach " + String.format("%,d", rendered)
                        + " characters with the longest answers in its placeholders" + (showsAnswer ? " and under it" : "")
                        + ", over Telegram's " + String.format("%,d", MESSAGE_LIMIT) + " for one message; shorten it, or lower the"
                        + " max_length of the answers it shows");
                return;
            }
        }
    }

    private static List<String> languages(Text text) {
        return text.translations().isEmpty() ? List.of(text.fallback()) : List.copyOf(text.translations().values());
    }

    /** The most characters {@code text} can take in any of its languages, with the longest values in its placeholders. */
    int longestRendered(Text text) {
        return languages(text).stream().mapToInt(this::rendered).max().orElse(0);
    }

    private int rendered(String written) {
        int length = written.length();
        for (Text.Brace brace : Text.braces(written)) {
            int size = brace.end() - brace.start();
            length += brace.literal() ? 1 - size : brace.closed() ? longest.getOrDefault(brace.name(), size) - size : 0;
        }
        return length;
    }

    /** The longest label an answer to {@code node} can show. */
    private static int answerLength(Node node) {
        if (node instanceof ChoiceNode choice) {
            return choice.options().stream().mapToInt(o -> longest(o.label())).max().orElse(0);
        }
        if (node instanceof MultiSelectNode multi) {
            List<Integer> labels = multi.options().stream().map(o -> longest(o.label())).sorted((a, b) -> b - a).toList();
            return labels.stream().limit(multi.max()).mapToInt(Integer::intValue).sum() + 2 * labels.size() + 8;
        }
        if (node instanceof InputNode input) {
            return switch (input.kind()) {
                case TEXT -> input.maxLength();
                case PHONE -> PHONE + 40;
                case EMAIL -> EMAIL;
                case NUMBER -> NUMBER;
            };
        }
        return 0;
    }

    private static int longest(Text text) {
        return languages(text).stream().mapToInt(String::length).max().orElse(0);
    }
}
