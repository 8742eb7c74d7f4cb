package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.BotTexts;
import dev.leadbot.flow.InputNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a typed answer against its input node and turns it into saved values. */
final class AnswerParser {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern NUMBER_SPACES = Pattern.compile("[\\s\\u00a0\\u202f']");

    /** The outcome: the values and label to save, or what to tell the prospect. */
    sealed interface Parsed {
        record Accepted(String value, String label) implements Parsed {
        }

        record Rejected(String message) implements Parsed {
        }
    }

    private final BotTexts texts;
    private final String language;

    AnswerParser(BotTexts texts, String language) {
        this.texts = texts;
        this.language = language;
    }

    Parsed parse(InputNode node, String typed) {
        String text = typed.strip();
        switch (node.kind()) {
            case PHONE:
                return PhoneNumbers.normalise(text).<Parsed>map(p -> new Parsed.Accepted(p, p))
                        .orElseGet(() -> reject(node, BotText.REASK_PHONE, ""));
            case EMAIL:
                return text.length() <= 254 && EMAIL.matcher(text).matches()
                        ? new Parsed.Accepted(text, text) : reject(node, BotText.REASK_EMAIL, "");
            case NUMBER:
                return number(node, text);
            default:
                int length = text.codePointCount(0, text.length());
                if (length == 0) {
                    return reject(node, BotText.REASK_TEXT, "");
                }
                if (length < node.minLength()) {
                    return reject(node, BotText.TOO_SHORT, String.valueOf(node.minLength()));
                }
                if (length > node.maxLength()) {
                    return reject(node, BotText.TOO_LONG, String.valueOf(node.maxLength()));
                }
                return new Parsed.Accepted(text, text);
        }
    }

    /** What to say when something other than text arrives at this input. */
    String reask(InputNode node) {
        BotText fallback = switch (node.kind()) {
            case PHONE -> BotText.REASK_PHONE;
            case EMAIL -> BotText.REASK_EMAIL;
            case NUMBER -> BotText.REASK_NUMBER;
            case TEXT -> BotText.REASK_TEXT;
        };
        return message(node, fallback, "");
    }

    private Parsed number(InputNode node, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(NUMBER_SPACES.matcher(text).replaceAll("").replace(',', '.'));
        } catch (NumberFormatException e) {
            return reject(node, BotText.REASK_NUMBER, "");
        }
        Optional<BigDecimal> min = node.min().filter(m -> value.compareTo(m) < 0);
        if (min.isPresent()) {
            return reject(node, BotText.NUMBER_TOO_SMALL, min.get().toPlainString());
        }
        Optional<BigDecimal> max = node.max().filter(m -> value.compareTo(m) > 0);
        if (max.isPresent()) {
            return reject(node, BotText.NUMBER_TOO_LARGE, max.get().toPlainString());
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return new Parsed.Accepted(plain, plain);
    }

    private Parsed reject(InputNode node, BotText phrase, String limit) {
        return new Parsed.Rejected(message(node, phrase, limit));
    }

    /**
     * The bot's phrase for a length that does not fit (it names the limit); for anything else the
     * node's own re-ask when it has one, else the bot's phrase for this kind of mistake.
     */
    private String message(InputNode node, BotText phrase, String limit) {
        return node.reask().filter(r -> limit.isEmpty()).map(r -> r.in(language))
                .orElseGet(() -> texts.get(phrase).in(language).replace("{min}", limit).replace("{max}", limit));
    }
}
