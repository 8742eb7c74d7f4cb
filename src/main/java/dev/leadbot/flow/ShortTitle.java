package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few words an owner's summary titles an answer with, made from a question's text when the question has no
 * {@code title:}: its last sentence that asks (else its last sentence), without emoji, button names in quotes,
 * placeholders, a "so that…" clause or politeness and instructions ("пожалуйста", "в одном сообщении", "ниже"), at
 * most {@value #WIDTH} characters cut on a word boundary. "Чтобы я мог говорить с вами на одном языке, подскажите,
 * какой вариант вас лучше описывает?" gives "Какой вариант вас лучше описывает?".
 */
public final class ShortTitle {

    /** The most characters a title has, written or made. */
    public static final int WIDTH = 40;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»|\"[^\"]*\"|“[^”]*”");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    /** A clause that says why or when rather than what: left out while another clause remains. */
    private static final Pattern SUBORDINATE = Pattern.compile("(?iu)^(чтобы|если|так как|поскольку|so that|in order to|if|as|since)\\b.*");
    /** Words that ask nicely, between commas inside a clause ("опишите, пожалуйста, в…") or before it ("…, please describe"). */
    private static final Pattern POLITE = Pattern.compile("(?iu),?\\s*(?<!\\p{L})(пожалуйста|please)(?!\\p{L})\\s*,?");
    /** Words that lead into the question ("подскажите, какой…"), with the comma after them. */
    private static final Pattern LEAD_IN = Pattern.compile("(?iu)(?<!\\p{L})(подскажите|скажите|tell me)(?!\\p{L})\\s*,?\\s*");
    /** Words that say how to answer, not what is asked. */
    private static final Pattern HOW = Pattern.compile("(?iu)(?<!\\p{L})(в одном сообщении|одним сообщением|in one message|in a message|ниже"
            + "|below)(?!\\p{L})");
    /** A short word a cut title must not end on ("номер с…"). */
    private static final Pattern DANGLING = Pattern.compile("\\s+\\p{Ll}{1,3}$");

    private ShortTitle() {
    }

    /**
     * The title of a phone or e-mail question in {@code language}, whatever its text says ("Нажмите кнопку… или
     * напишите номер" is a phone); empty for other kinds and for languages other than Russian and English.
     */
    static Optional<String> ofKind(InputKind kind, String language) {
        boolean russian = language.toLowerCase(Locale.ROOT).startsWith("ru");
        boolean english = language.toLowerCase(Locale.ROOT).startsWith("en");
        return switch (kind) {
            case PHONE -> russian ? Optional.of("Телефон") : english ? Optional.of("Phone") : Optional.empty();
            case EMAIL -> russian || english ? Optional.of("E-mail") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The title made of {@code question}, a question's text in one language; never longer than {@value #WIDTH}. */
    public static String of(String question) {
        String plain = PLACEHOLDER.matcher(QUOTED.matcher(withoutEmoji(question)).replaceAll(" ")).replaceAll(" ");
        String sentence = asking(plain);
        boolean asks = sentence.endsWith("?");
        String said = sentence.replaceFirst("[.!?…:;]+$", "");
        // "опишите, пожалуйста, в…" is one clause; "…precisely, please describe" is two
        said = POLITE.matcher(said).replaceAll(polite -> polite.group().startsWith(",") && !polite.group().endsWith(",") ? ", " : " ");
        said = HOW.matcher(LEAD_IN.matcher(said).replaceAll("")).replaceAll(" ");
        List<String> clauses = new ArrayList<>();
        for (String clause : said.split("[,;:—–]\\s+|\\s+[—–]\\s+")) {
            String kept = clause.strip().replaceAll("\\s+", " ");
            if (!kept.isEmpty()) {
                clauses.add(kept);
            }
        }
        List<String> main = clauses.stream().filter(c -> !SUBORDINATE.matcher(c).matches()).toList();
        String title = String.join(", ", main.isEmpty() ? clauses : main);
        if (title.isEmpty()) {
            title = sentence.replaceAll("\\s+", " ").strip();
        }
        return cut(capitalised(title) + (asks && !title.isEmpty() ? "?" : ""));
    }

    /** The last sentence that ends with "?", else the last sentence. */
    private static String asking(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.strip());
            }
        }
        if (sentences.isEmpty()) {
            return "";
        }
        return sentences.stream().filter(s -> s.endsWith("?")).reduce((first, second) -> second).orElse(sentences.get(sentences.size() - 1));
    }

    /** At most {@value #WIDTH} characters: cut after the last whole word that fits, with "…". */
    static String cut(String title) {
        if (title.codePointCount(0, title.length()) <= WIDTH) {
            return title;
        }
        String head = title.substring(0, title.offsetByCodePoints(0, WIDTH - 1));
        int space = head.lastIndexOf(' ');
        String words = space > 0 ? head.substring(0, space) : head;
        while (DANGLING.matcher(words).find()) {
            words = DANGLING.matcher(words).replaceFirst("");
        }
        return words.replaceFirst("[\\s,;:.!?—–-]+$", "") + "…";
    }

    /** The text without pictographs, their joiners and variation selectors, with single spaces. */
    static String withoutEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isPictograph(c)).forEach(out::appendCodePoint);
        return out.toString().replaceAll("[ \\t]+", " ");
    }

    private static boolean isPictograph(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) || c == 0x20E3;
    }

    private static String capitalised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))).toUpperCase(Locale.ROOT) + text.substring(Character.charCount(first));
    }
}
