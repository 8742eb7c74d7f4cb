package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Copies of the customer's flow, each with one realistic mistake an owner makes by hand: each
 * must be caught, at the line a person would point at, in exactly one report.
 */
class OneMistakeCorpusTest {

    /** One mistake: what it is, how it is made, and the line a person would point at. */
    record Mistake(String name, UnaryOperator<List<String>> edit, int line) {
    }

    static final List<String> FLOW;

    static {
        try {
            FLOW = Files.readAllLines(Path.of("flows/qualification.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line (1-based) of the flow's top-level follow_ups:, appended after the nodes. */
    static final int FOLLOW_UPS = lineOf("follow_ups:");

    /** The line (1-based) that reads exactly {@code text}, so the corpus follows edits above it. */
    static int lineOf(String text) {
        int index = FLOW.indexOf(text);
        if (index < 0) {
            throw new IllegalStateException("flows/qualification.yaml has no line '" + text + "'");
        }
        return index + 1;
    }

    /** Line {@code number} (1-based) with {@code from} replaced by {@code to}; the text must be there. */
    static UnaryOperator<List<String>> replace(int number, String from, String to) {
        return lines -> {
            List<String> copy = new ArrayList<>(lines);
            String line = copy.get(number - 1);
            if (!line.contains(from)) {
                throw new IllegalArgumentException("line " + number + " has no '" + from + "': " + line);
            }
            copy.set(number - 1, line.replace(from, to));
            return copy;
        };
    }

    static UnaryOperator<List<String>> delete(int first, int last) {
        return lines -> {
            List<String> copy = new ArrayList<>(lines);
            copy.subList(first - 1, last).clear();
            return copy;
        };
    }

    static UnaryOperator<List<String>> insertAfter(int number, String... added) {
        return lines -> {
            List<String> copy = new ArrayList<>(lines);
            copy.addAll(number, List.of(added));
            return copy;
        };
    }

    static UnaryOperator<List<String>> both(UnaryOperator<List<String>> first, UnaryOperator<List<String>> second) {
        return lines -> second.apply(first.apply(lines));
    }

    /** The role question's title, as the shipped flow writes it. */
    private static final String ROLE_TITLE = "    title: { ru: \"Роль\", en: \"Role\" }";

    static final String LONG = "Очень длинный текст. ".repeat(200);

    static final List<Mistake> CORPUS = List.of(
            // YAML syntax
            new Mistake("unclosed double quote", replace(233, "перепиской.\"", "перепиской."), 233),
            new Mistake("unclosed single quote", replace(233, "ru: \"", "ru: '"), 233),
            new Mistake("unclosed quote in a one-line label", replace(98, "через Telegram\",", "через Telegram,"), 98),
            new Mistake("no colon after next", replace(423, "next: channel", "next channel"), 423),
            new Mistake("no space after the colon", replace(423, "next: channel", "next:channel"), 423),
            new Mistake("a tab for indentation", replace(24, "    next", "\tnext"), 24),
            new Mistake("indented one space less", replace(24, "    next", "   next"), 24),
            new Mistake("indented one space more", replace(24, "    next", "     next"), 24),
            new Mistake("option lost its dash, at the dash's column", replace(107, "      - id: reviews", "      id: reviews"), 107),
            new Mistake("option lost its dash, keeping the indentation", replace(107, "      - id: reviews", "        id: reviews"), 107),
            new Mistake("unclosed flow mapping", replace(36, "entrepreneur\" }", "entrepreneur\""), 36),
            new Mistake("one closing brace too many", replace(36, "entrepreneur\" }", "entrepreneur\" }}"), 36),
            new Mistake("unclosed tag list", replace(100, "tags: [hot, sales]", "tags: [hot, sales"), 100),
            new Mistake("a text with ': ' unquoted", replace(421, "text: { ru: \"Как к вам обращаться?\", en: \"How should we address you?\" }",
                    "text: Внимание: как к вам обращаться?"), 421),
            new Mistake("a text starting with a placeholder unquoted", replace(421,
                    "text: { ru: \"Как к вам обращаться?\", en: \"How should we address you?\" }", "text: {name}, как к вам обращаться?"), 421),
            new Mistake("an option key indented like the dash", replace(99, "        score: 30", "      score: 30"), 99),
            new Mistake("unclosed quote in the second language", replace(234, "of chatting.\"", "of chatting."), 234),
            new Mistake("a text that starts with an asterisk unquoted", replace(421, "text: { ru: \"Как к вам обращаться?\", en: \"How should we address you?\" }",
                    "text: *Как* к вам обращаться?"), 421),
            new Mistake("a text with ' #' unquoted", replace(421, "text: { ru: \"Как к вам обращаться?\", en: \"How should we address you?\" }",
                    "text: Ваше имя #1 вопрос"), 421),
            new Mistake("a language given twice in one text", replace(421, "en: \"How should we address you?\"", "ru: \"How should we address you?\""), 421),
            new Mistake("a three-letter language code", replace(23, "en: \"Hello", "eng: \"Hello"), 23),
            new Mistake("a quoted number", replace(99, "score: 30", "score: \"30\""), 99),
            new Mistake("an if without goto", delete(80, 80), 79),
            new Mistake("next as a list of one id", replace(24, "next: role", "next: [role]"), 24),
            new Mistake("if without braces", replace(79, "- if: { sphere: goods }", "- if: sphere: goods"), 79),
            new Mistake("quotes inside a quoted text", replace(421, "ru: \"Как к вам обращаться?\"", "ru: \"Как к вам \"лучше\" обращаться?\""), 421),
            new Mistake("a colon inside a text in braces", replace(421, "ru: \"Как к вам обращаться?\"", "ru: Внимание: как к вам обращаться?"), 421),
            new Mistake("the nodes key deleted", delete(18, 18), 18),
            new Mistake("a node indented into the one above", replace(230, "  case_faq:", "    case_faq:"), 230),
            new Mistake("an empty option", insertAfter(111, "      -"), 112),
            new Mistake("a node indented into the one above, with its keys", both(replace(230, "  case_faq:", "    case_faq:"),
                    both(replace(231, "    type: message", "      type: message"), both(replace(232, "    text:", "      text:"),
                    both(replace(233, "      ru:", "        ru:"), both(replace(234, "      en:", "        en:"),
                    replace(235, "    next:", "      next:")))))), 230),
            // keys and types
            new Mistake("a choice made a checklist", replace(92, "type: choice", "type: multi_select"), 92),
            new Mistake("a choice made an input", replace(92, "type: choice", "type: input"), 92),
            new Mistake("next indented into the text", replace(229, "    next: contact_intro", "      next: contact_intro"), 229),
            new Mistake("tags without brackets", replace(100, "tags: [hot, sales]", "tags: hot, sales"), 100),
            new Mistake("a misspelt label key", replace(98, "label:", "lable:"), 98),
            new Mistake("a save_as in capitals", replace(417, "save_as: contact_name", "save_as: Contact_Name"), 417),
            new Mistake("misspelt next of a node", replace(24, "next: role", "nxt: role"), 24),
            new Mistake("misspelt next of an option", replace(101, "next: case_orders", "nxt: case_orders"), 101),
            new Mistake("misspelt type key", replace(20, "type: message", "tpye: message"), 20),
            new Mistake("misspelt node type", replace(20, "type: message", "type: mesage"), 20),
            new Mistake("misspelt choice type", replace(28, "type: choice", "type: choise"), 28),
            new Mistake("misspelt input kind", replace(440, "kind: phone", "kind: phon"), 440),
            new Mistake("misspelt options key", replace(58, "options:", "optons:"), 58),
            new Mistake("a key given twice", insertAfter(421, "    text: { ru: \"Ваше имя?\", en: \"Your name?\" }"), 422),
            new Mistake("score that is a word", replace(99, "score: 30", "score: high"), 99),
            new Mistake("an end with next", insertAfter(483, "    next: role"), 484),
            new Mistake("an empty next", replace(24, "next: role", "next:"), 24),
            // variables and placeholders
            new Mistake("misspelt save_as used elsewhere", replace(417, "save_as: contact_name", "save_as: contat_name"), 417),
            new Mistake("save_as with a hyphen", replace(417, "save_as: contact_name", "save_as: contact-name"), 417),
            new Mistake("misspelt placeholder", replace(470, "{contact_name}", "{contat_name}"), 470),
            new Mistake("placeholder with a Cyrillic letter", replace(470, "{contact_name}", "{contact_namе}"), 470),
            new Mistake("placeholder with a hyphen", replace(470, "{contact_name}", "{contact-name}"), 470),
            new Mistake("placeholder in Russian", replace(22, "{name}", "{имя}"), 22),
            new Mistake("name placeholder with a Cyrillic a", replace(22, "{name}", "{nаme}"), 22),
            new Mistake("unclosed placeholder", replace(358, "{features}", "{features"), 358),
            new Mistake("placeholder not answered on every path", replace(421, "Как к вам обращаться?", "Как к вам обращаться, {contact_time}?"), 421),
            new Mistake("placeholder with spaces", replace(470, "{contact_name}", "{ contact_name }"), 470),
            new Mistake("misspelt summary variable", replace(16, "phone: phone", "phone: phon"), 16),
            new Mistake("if on a misspelt value", replace(79, "{ sphere: goods }", "{ sphere: good }"), 79),
            new Mistake("if on a misspelt variable", replace(79, "{ sphere: goods }", "{ sphre: goods }"), 79),
            new Mistake("if on the role with a typo", replace(463, "{ role: expert }", "{ role: exprt }"), 463),
            // links and ids
            new Mistake("misspelt goto", replace(80, "goto: pain_goods", "goto: pain_godos"), 80),
            new Mistake("next with a Cyrillic o", replace(229, "next: contact_intro", "next: cоntact_intro"), 229),
            new Mistake("next with a zero-width space", replace(235, "next: contact_intro", "next: contact_\u200bintro"), 235),
            new Mistake("misspelt start", replace(12, "start: greeting", "start: greting"), 12),
            new Mistake("misspelt goto to an end", replace(464, "goto: thanks_expert", "goto: thanks_expret"), 464),
            new Mistake("a node renamed that many link to", replace(397, "contact_intro:", "contact_intr:"), 397),
            new Mistake("a node renamed with a Cyrillic letter", replace(397, "contact_intro:", "contаct_intro:"), 397),
            new Mistake("a node id pasted twice", replace(230, "case_faq:", "case_orders:"), 230),
            new Mistake("a node deleted that one links to", delete(296, 301), 199),
            new Mistake("a node id with a hyphen", replace(448, "contact_time:", "contact-time:"), 448),
            new Mistake("duplicate option id", replace(102, "id: faq", "id: orders"), 102),
            new Mistake("option id with a hyphen", replace(45, "id: explorer", "id: just-looking"), 45),
            new Mistake("option id that is a number with a point", replace(45, "id: explorer", "id: 1.5"), 45),
            new Mistake("option id with a Cyrillic e", replace(35, "id: owner", "id: ownеr"), 35),
            new Mistake("empty label", replace(46, "ru: \"🤔 Я пока просто изучаю возможности\"", "ru: \"\""), 46),
            new Mistake("option without a label", delete(46, 46), 45),
            new Mistake("option id too long for button data", replace(35, "id: owner", "id: " + "o".repeat(50)), 35),
            // ranges
            new Mistake("min_length zero", replace(355, "min_length: 20", "min_length: 0"), 355),
            new Mistake("max_length negative", replace(356, "max_length: 3000", "max_length: -1"), 356),
            new Mistake("max_length over the limit", replace(356, "max_length: 3000", "max_length: 10000"), 356),
            new Mistake("min_length over the limit", replace(355, "min_length: 20", "min_length: 5000"), 355),
            new Mistake("min_length a word", replace(355, "min_length: 20", "min_length: twenty"), 355),
            new Mistake("checklist min over its options", replace(317, "min: 1", "min: 10"), 317),
            new Mistake("checklist min negative", replace(317, "min: 1", "min: -1"), 317),
            new Mistake("checklist max zero", insertAfter(317, "    max: 0"), 318),
            new Mistake("checklist max below min", both(replace(317, "min: 1", "min: 3"), insertAfter(317, "    max: 2")), 318),
            new Mistake("text limits on a phone", insertAfter(440, "    max_length: 20"), 441),
            // texts
            new Mistake("a text too long for Telegram", replace(305, "быстрее всего.", "быстрее всего. " + LONG), 305),
            new Mistake("language written out", replace(11, "language: ru", "language: russian"), 11),
            new Mistake("language the texts are not in", replace(11, "language: ru", "language: de"), 11),
            new Mistake("a text without the default language", delete(22, 22), 22),
            new Mistake("a language code misspelt", replace(22, "ru: \"", "rus: \""), 22),
            // consent
            new Mistake("consent value misspelt", replace(407, "consent: given", "consent: gvien"), 407),
            new Mistake("consent value that is no answer", replace(407, "consent: given", "consent: agreed"), 407),
            new Mistake("consent key misspelt", replace(407, "consent: given", "consnet: given"), 407),
            // the graph
            new Mistake("a loop with no way out", both(delete(463, 465), replace(462, "next:", "next: channel")), 462),
            new Mistake("a message that leads to itself", replace(229, "next: contact_intro", "next: case_orders"), 229),
            new Mistake("a node without next", delete(24, 24), 19),
            new Mistake("an option without next", delete(48, 48), 45),
            new Mistake("rules without a default", delete(89, 89), 87),
            new Mistake("an option deleted, cutting off a branch", delete(45, 48), 359),
            // the partial-lead point
            new Mistake("a misspelt partial-lead variable", replace(490, "contact_name", "contact_nmae"), 490),
            new Mistake("a partial-lead variable asked before consent", replace(490, "contact_name", "sphere"), 490),
            new Mistake("a misspelt partial-lead key", replace(489, "partial_lead", "partial_leads"), 489),

            // follow-ups
            new Mistake("a misspelt follow-up key", replace(FOLLOW_UPS + 4, "abandon_after", "abandon_afer"), FOLLOW_UPS + 4),
            new Mistake("a reminder's wait without a unit", replace(FOLLOW_UPS + 6, "after: 15m", "after: 15"), FOLLOW_UPS + 6),
            new Mistake("reminders whose gaps do not grow", replace(FOLLOW_UPS + 10, "after: 3h", "after: 20m"), FOLLOW_UPS + 10),
            new Mistake("a reminder without English", delete(FOLLOW_UPS + 13, FOLLOW_UPS + 13), FOLLOW_UPS + 12),
            new Mistake("a misspelt time zone", replace(FOLLOW_UPS + 2, "Europe/Moscow", "Europe/Moskow"), FOLLOW_UPS + 2),
            new Mistake("quiet hours past midnight's clock", replace(FOLLOW_UPS + 1, "21:00", "25:00"), FOLLOW_UPS + 1),
            new Mistake("a reminder showing an answer", replace(FOLLOW_UPS + 8, "{name}, мы", "{contact_name}, мы"), FOLLOW_UPS + 8),
            new Mistake("quiet hours at a question", insertAfter(lineOf("  contact_time:"), "    follow_ups:",
                    "      quiet_hours: \"22:00-08:00\""), lineOf("  contact_time:") + 2),
            new Mistake("a question's follow-ups neither none nor reminders", insertAfter(lineOf("  contact_time:"),
                    "    follow_ups: off"), lineOf("  contact_time:") + 1),
            // a question's title for the owner's summary
            new Mistake("an empty title", replace(lineOf(ROLE_TITLE), ROLE_TITLE.strip(), "title: \"\""), lineOf(ROLE_TITLE)),
            new Mistake("a title that is the whole question", replace(lineOf(ROLE_TITLE), "\"Роль\"",
                    "\"Подскажите, какой вариант вас лучше описывает?\""), lineOf(ROLE_TITLE)),
            new Mistake("a title that shows an answer", replace(lineOf(ROLE_TITLE), "\"Role\"", "\"Role: {role}\""), lineOf(ROLE_TITLE)));

    @Test
    void everyMistakeIsCaughtOnceAtTheLineAPersonWouldPointAt() {
        List<String> misses = new ArrayList<>();
        int caught = 0;
        int atLine = 0;
        int single = 0;
        for (Mistake mistake : CORPUS) {
            String yaml = String.join("\n", mistake.edit().apply(FLOW)) + "\n";
            List<Problem> problems;
            try {
                FlowLoader.parse("flow.yaml", yaml);
                problems = List.of();
            } catch (InvalidFlowException e) {
                problems = e.problems();
            }
            boolean isCaught = !problems.isEmpty();
            boolean isAtLine = isCaught && problems.get(0).at().line() == mistake.line();
            boolean isSingle = problems.size() == 1;
            caught += isCaught ? 1 : 0;
            atLine += isAtLine ? 1 : 0;
            single += isSingle ? 1 : 0;
            if (!isAtLine || !isSingle) {
                misses.add(mistake.name() + " (line " + mistake.line() + "): " + problems);
            }
        }
        String figure = CORPUS.size() + " one-mistake flows: " + caught + " caught, " + atLine + " at the right line, " + single
                + " in a single report";
        System.out.println(figure);
        assertEquals(List.of(), misses, figure);
    }
}
