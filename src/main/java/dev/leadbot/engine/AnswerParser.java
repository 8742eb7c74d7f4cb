package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.InputKind;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.PhoneRegions;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a typed answer against its input node and turns it into the value to save. */
final class AnswerParser {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern NUMBER_SPACES = Pattern.compile("[\\s\\u00a0\\u202f']");
    /** What a name never holds: an e-mail address, a link, or digits with nothing but signs between them. */
    private static final Pattern EMAIL_INSIDE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.\\p{L}{2,}");
    private static final Pattern LINK_INSIDE = Pattern.compile("(?i)(\\w+://|(?<![\\p{L}\\d])www\\.|(?<![\\p{L}\\d])t\\.me/|[\\p{L}\\d-]+\\."
            + "(com|ru|рф|su|net|org|io|me|kz|uz|am|by|ua|ge|info|biz|pro|online|site|shop|store|app|dev|ai|co|us)(?![\\p{L}\\d]))");
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");

    /** The outcome: the value and label to save, or what to tell the prospect. */
    sealed interface Parsed {
        record Accepted(String value, String label) implements Parsed {
        }

        record Rejected(String message) implements Parsed {
        }

        /** A phone number typed at the name question: the prospect's number, given before its question. */
        record PhoneAtName(PhoneNumbers.Phone phone) implements Parsed {
        }
    }

    private final Flow flow;
    private final Renderer renderer;
    private final PhoneNumbers phones;

    AnswerParser(Flow flow, Renderer renderer) {
        this.flow = flow;
        this.renderer = renderer;
        this.phones = new PhoneNumbers(flow.phoneRegion());
    }

    Parsed parse(InputNode node, String typed) {
        String text = typed.strip();
        switch (node.kind()) {
            case PHONE:
                return phones.typed(text).<Parsed>map(p -> new Parsed.Accepted(p.e164(), p.shown())).orElseGet(() -> rejected(node));
            case EMAIL:
                return text.length() <= 254 && EMAIL.matcher(text).matches() ? new Parsed.Accepted(text, text) : rejected(node);
            case NUMBER:
                return number(node, text);
            default:
                int length = text.codePointCount(0, text.length());
                if (length == 0) {
                    return rejected(node);
                }
                if (asksName(node)) {
                    Optional<Parsed> notAName = notAName(text);
                    if (notAName.isPresent()) {
                        return notAName.get();
                    }
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
        if (node.reask().isPresent()) {
            return renderer.render(node.reask().get());
        }
        return switch (node.kind()) {
            case PHONE -> renderer.phrase(BotText.REASK_PHONE, "example", phones.example(PhoneRegions.forLanguage(renderer.language())));
            case EMAIL -> renderer.phrase(BotText.REASK_EMAIL);
            case NUMBER -> renderer.phrase(BotText.REASK_NUMBER);
            case TEXT -> renderer.phrase(BotText.REASK_TEXT);
        };
    }

    /** Whether {@code node} asks the prospect's name: a text question saving the variable the summary names as the name. */
    private boolean asksName(InputNode node) {
        return node.kind() == InputKind.TEXT && flow.summary().name().filter(node.variable()::equals).isPresent();
    }

    /** A phone number, an e-mail address, a link or bare digits typed as a name: the phone is kept, the rest asked again. */
    private Optional<Parsed> notAName(String text) {
        Optional<PhoneNumbers.Phone> phone = phones.typed(text).or(() -> phones.within(text));
        if (phone.isPresent()) {
            return Optional.of(new Parsed.PhoneAtName(phone.get()));
        }
        boolean digitsOnly = NO_LETTERS.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
        if (digitsOnly || EMAIL_INSIDE.matcher(text).find() || LINK_INSIDE.matcher(text).find()) {
            return Optional.of(new Parsed.Rejected(renderer.phrase(BotText.REASK_NAME)));
        }
        return Optional.empty();
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
