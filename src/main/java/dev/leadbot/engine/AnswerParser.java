package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.InputNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a typed answer against its input node and turns it into the value to save. */
final class AnswerParser {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern NUMBER_SPACES = Pattern.compile("[\\s\\u00a0\\u202f']");

    /** The outcome: the value and label to save, or what to tell the prospect. */
    sealed interface Parsed {
        record Accepted(String value, String label) implements Parsed {
        }

        record Rejected(String message) implements Parsed {
        }
    }

    private final Renderer renderer;

    AnswerParser(Renderer renderer) {
        this.renderer = renderer;
    }

    Parsed parse(InputNode node, String typed) {
        String text = typed.strip();
        switch (node.kind()) {
            case PHONE:
                return PhoneNumbers.normalise(text).<Parsed>map(p -> new Parsed.Accepted(p, p)).orElseGet(() -> rejected(node));
            case EMAIL:
                return text.length() <= 254 && EMAIL.matcher(text).matches() ? new Parsed.Accepted(text, text) : rejected(node);
            case NUMBER:
                return number(node, text);
            default:
                int length = text.codePointCount(0, text.length());
                if (length == 0) {
                    return rejected(node);
                }
                if (length < node.minLength()) {
                    return limit(BotText.TOO_SHORT, "min", node.minLength());
                }
                if (length > node.maxLength()) {
                    return limit(BotText.TOO_LONG, "max", node.maxLength());
                }
                return new Parsed.Accepted(text, text);
        }
    }

    /** What to say when the answer is not of the node's kind: its own re-ask, else the bot's phrase for the kind. */
    String reask(InputNode node) {
        return node.reask().map(renderer::render).orElseGet(() -> renderer.phrase(switch (node.kind()) {
            case PHONE -> BotText.REASK_PHONE;
            case EMAIL -> BotText.REASK_EMAIL;
            case NUMBER -> BotText.REASK_NUMBER;
            case TEXT -> BotText.REASK_TEXT;
        }));
    }

    private Parsed number(InputNode node, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(NUMBER_SPACES.matcher(text).replaceAll("").replace(',', '.'));
        } catch (NumberFormatException e) {
            return rejected(node);
        }
        Optional<BigDecimal> min = node.min().filter(m -> value.compareTo(m) < 0);
        if (min.isPresent()) {
            return limit(BotText.NUMBER_TOO_SMALL, "min", min.get().toPlainString());
        }
        Optional<BigDecimal> max = node.max().filter(m -> value.compareTo(m) > 0);
        if (max.isPresent()) {
            return limit(BotText.NUMBER_TOO_LARGE, "max", max.get().toPlainString());
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return new Parsed.Accepted(plain, plain);
    }

    private Parsed rejected(InputNode node) {
        return new Parsed.Rejected(reask(node));
    }

    /** An answer of the right kind but out of bounds: the bot's phrase names the bound, whatever the node's re-ask says. */
    private Parsed limit(BotText phrase, String param, Object bound) {
        return new Parsed.Rejected(renderer.phrase(phrase, param, bound));
    }
}
