package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mistakes owners make by hand, each reported once, at the line a person would point at,
 * with the exact message: placeholders, look-alike characters, lengths, ranges, YAML syntax,
 * and the cascades one mistake used to cause.
 */
class MistakeReportsTest {

    private static List<String> problems(String yaml) {
        InvalidFlowException e = assertThrows(InvalidFlowException.class, () -> FlowLoader.parse("bad.yaml", yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static final String ASK_NAME = """
            start: ask
            nodes:
              ask:
                type: input
                save_as: contact_name
                text: Your name?
                next: bye
              bye:
                type: end
            """;

    // placeholders

    @Test
    void aPlaceholderWithACyrillicLetterIsNamedWithItsColumnAndTheNameItLooksLike() {
        assertEquals(List.of("bad.yaml:10:23: '{contact_namе}' in node 'bye' ('е' at column 35 is Cyrillic) is not saved by any"
                + " node; did you mean '{contact_name}'?"), problems(ASK_NAME + "    text: \"Thank you, {contact_namе}!\"\n"));
    }

    @Test
    void aPlaceholderWithAHyphenGetsADidYouMean() {
        assertEquals(List.of("bad.yaml:10:23: '{contact-name}' in node 'bye' is not saved by any node; did you mean"
                + " '{contact_name}'?"), problems(ASK_NAME + "    text: \"Thank you, {contact-name}!\"\n"));
    }

    @Test
    void aPlaceholderInAnotherScriptWithNothingCloseSaysHowToShowBraces() {
        assertEquals(List.of("bad.yaml:10:23: '{имя}' in node 'bye' ('и' at column 24 is Cyrillic) is not saved by any node; use the"
                + " save_as of an earlier question or '{name}', and write '{{' and '}}' to show braces"),
                problems(ASK_NAME + "    text: \"Thank you, {имя}!\"\n"));
    }

    @Test
    void aPlaceholderAfterEscapesInADoubleQuotedTextIsPointedAtExactly() {
        assertEquals(List.of("bad.yaml:10:24: '{fone}' in node 'bye' is not saved by any node; use the save_as of an earlier"
                + " question or '{name}', and write '{{' and '}}' to show braces"),
                problems(ASK_NAME + "    text: \"Bye\\n\\\"ok\\\" {fone}\"\n"));
    }

    @Test
    void aBraceNeverClosedIsReportedAtItsColumn() {
        assertEquals(List.of("bad.yaml:10:23: the '{' at column 23 in 'text' in node 'bye' is never closed; write '{name}' for a"
                + " value, or '{{' to show a brace"), problems(ASK_NAME + "    text: \"Thank you, {contact_name!\"\n"));
    }

    @Test
    void doubledBracesAreLiteralAndNeedNoVariable() throws InvalidFlowException {
        Flow flow = FlowLoader.parse("ok.yaml", ASK_NAME + "    text: \"Use {{curly}} braces, {contact_name}\"\n");

        assertEquals("Use {curly} braces, Anna", flow.node("bye").orElseThrow().text()
                .render("ru", name -> java.util.Optional.of("Anna").filter(v -> name.equals("contact_name"))));
    }

    @Test
    void aBotPhraseMayUseOnlyWhatTheBotFillsIn() {
        assertEquals(List.of("bad.yaml:3:24: '{mn}' in texts.too_short is not filled in by the bot; did you mean '{min}'?"), problems("""
                start: a
                texts:
                  too_short: "At least {mn} characters"
                nodes:
                  a: {type: end, text: Bye}
                """));
    }

    // look-alike and invisible characters in ids

    @Test
    void aLinkWithACyrillicLetterNamesTheLetterAndItsColumn() {
        assertEquals(List.of("bad.yaml:3:38: 'next' of node 'a' names unknown node 'cоntact' ('о' at column 39 is Cyrillic); did you"
                + " mean 'contact' (line 4)?"), problems("""
                start: a
                nodes:
                  a: {type: message, text: Hi, next: cоntact}
                  contact: {type: end, text: Bye}
                """));
    }

    @Test
    void aLinkWithAZeroWidthSpaceNamesTheInvisibleCharacter() {
        assertEquals(List.of("bad.yaml:3:38: 'next' of node 'a' names unknown node 'con\u200btact' (an invisible zero width space"
                + " (U+200B) at column 41); did you mean 'contact' (line 4)?"), problems("""
                start: a
                nodes:
                  a: {type: message, text: Hi, next: con\u200btact}
                  contact: {type: end, text: Bye}
                """));
    }

    @Test
    void anOptionIdWithAHyphenIsToldTheIdToWrite() {
        assertEquals(List.of("bad.yaml:7:15: option id 'just-looking' may use only Latin letters, digits and '_', e.g. 'pain_goods';"
                + " write 'just_looking'"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Who are you?
                    options:
                      - { id: just-looking, label: Just looking }
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    // lengths

    @Test
    void aTextOverTelegramsLimitAsWrittenIsReported() {
        assertEquals(List.of("bad.yaml:3:24: the text of node 'a' is 4,100 characters long, over Telegram's 4,096 for one message;"
                + " shorten it, or split it into a message node followed by the rest"), problems("""
                start: a
                nodes:
                  a: {type: end, text: %s}
                """.formatted("x".repeat(4100))));
    }

    @Test
    void aTextThatOnlyTheLongestAnswerPushesOverTheLimitIsReported() {
        assertEquals(List.of("bad.yaml:10:11: the text of node 'bye' can reach 4,111 characters with the longest answers in its"
                + " placeholders, over Telegram's 4,096 for one message; shorten it, or lower the max_length of the answers it shows"),
                problems("""
                start: ask
                nodes:
                  ask:
                    type: input
                    max_length: 4000
                    text: Tell us everything
                    next: bye
                  bye:
                    type: end
                    text: "%s{ask}"
                """.formatted("y".repeat(111))));
    }

    // ranges: the line of the value that is out of range

    @Test
    void aMaxLengthOutOfRangeIsReportedAtItsOwnValueNotAtMinLength() {
        assertEquals(List.of("bad.yaml:6:17: max_length 10000 in node 'q' is out of range; write a number from 1 to 4000 (Telegram"
                + " takes at most 4096 characters a message)"), problems("""
                start: q
                nodes:
                  q:
                    type: input
                    min_length: 20
                    max_length: 10000
                    text: Tell us
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aChecklistMaxOfZeroIsReportedAtMax() {
        assertEquals(List.of("bad.yaml:7:10: max 0 in node 'm' allows no tick at all; write at least 1, or remove it to allow every"
                + " option"), problems("""
                start: m
                nodes:
                  m:
                    type: multi_select
                    text: Pick
                    min: 1
                    max: 0
                    options: [{id: a, label: A}]
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    // YAML syntax: the likely line, not where the parser gave up

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        assertEquals(List.of("bad.yaml:3:24: YAML syntax: the quote opened on line 3 is never closed (the parser gave up on line 4);"
                + " end the text with the same quote it starts with"), problems("""
                start: a
                nodes:
                  a: {type: end, text: "Bye}
                  b: {type: end, text: "Bye again"}
                """));
    }

    @Test
    void aKeyWithoutItsColonIsNamed() {
        assertEquals(List.of("bad.yaml:6:5: YAML syntax: line 6 has no ':' after 'next' (the parser gave up on line 8); write"
                + " 'next: bye'"), problems("""
                start: a
                nodes:
                  a:
                    type: message
                    text: Hi
                    next bye

                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void anOptionThatLostItsDashAtTheDashesColumnIsRecognised() {
        assertEquals(List.of("bad.yaml:8:7: YAML syntax: line 8 starts a new item of the list above but has lost its leading '- ';"
                + " write '- id: b'"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Pick
                    options:
                      - id: a
                      id: b
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aQuestionMarkInsideBracesIsExplained() {
        assertEquals(List.of("bad.yaml:3:29: YAML syntax: line 3 has a text with '?' inside { }, where YAML reads '?' as a sign;"
                + " put the text in quotes, e.g. { text: \"Ready?\" }"), problems("""
                start: a
                nodes:
                  a: {type: end, text: Ready?, next: b}
                """));
    }

    @Test
    void aPlainTextCutShortByAHashIsReportedWhereTheCommentStarts() {
        assertEquals(List.of("bad.yaml:5:20: 'text' in node 'a' stops before '#1 for you': YAML reads ' #' as the start of a comment;"
                + " put the whole text in quotes: \"Discount #1 for you\""), problems("""
                start: a
                nodes:
                  a:
                    type: end
                    text: Discount #1 for you
                """));
    }

    @Test
    void aThreeLetterLanguageCodeIsToldTheTwoLetterOne() {
        assertEquals(List.of("bad.yaml:3:35: 'eng:' in 'text' in node 'a' is a three-letter code, but Telegram tells the prospect's"
                + " language in two; write 'en:'"), problems("""
                start: a
                nodes:
                  a: {type: end, text: {ru: Пока, eng: Bye}}
                """));
    }

    // one mistake, one report

    @Test
    void aQuestionWhoseTypeTakesNoOptionsIsOneReportAtItsType() {
        assertEquals(List.of("bad.yaml:4:11: node 'q' has options, which an 'input' node does not take; write 'type: choice' for one"
                + " answer or 'type: multi_select' for several, or remove the options"), problems("""
                start: q
                nodes:
                  q:
                    type: input
                    text: Sure?
                    options:
                      - {id: y, label: Yes, next: yes_path}
                      - {id: n, label: No, next: bye}
                  yes_path: {type: message, text: Great, next: bye}
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aNextIndentedIntoTheTextIsOneReport() {
        assertEquals(List.of("bad.yaml:7:7: 'next:' is indented into 'text' in node 'a', so it is read as a language; indent it like"
                + " the keys of node 'a'"), problems("""
                start: a
                nodes:
                  a:
                    type: message
                    text:
                      ru: Привет
                      next: b
                  b: {type: end, text: Пока}
                """));
    }

    @Test
    void tagsWithoutBracketsAreToldToBeAList() {
        assertEquals(List.of("bad.yaml:7:33: 'tags' in an option of node 'q' is one tag with a comma in it; write a list: tags:"
                + " [hot, sales]"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Pick
                    options:
                      - {id: a, label: A, tags: "hot, sales"}
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void anIfWithoutBracesIsExplained() {
        assertEquals(List.of("bad.yaml:8:14: YAML syntax: the 'if' on line 8 needs braces around its condition, e.g. if: { sphere:"
                + " goods }"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Pick
                    options: [{id: a, label: A}]
                    next:
                      - if: q: a
                        goto: bye
                      - goto: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aDoubleQuoteInsideADoubleQuotedTextIsPointedAt() {
        assertEquals(List.of("bad.yaml:3:38: YAML syntax: the '\"' at column 38 of line 3 ends the text early; inside a text in double"
                + " quotes write \\\" or use «»"), problems("""
                start: a
                nodes:
                  a: {type: end, text: {ru: "Нажмите "Да" ниже"}}
                """));
    }

    @Test
    void nodesWithoutTheirNodesLineAreReadAsNodesWithOneReport() {
        assertEquals(List.of("bad.yaml:4:3: node 'a' and the 1 after it are read as part of 'texts:', as the 'nodes:' line above"
                + " them is missing; write 'nodes:' on a line of its own before line 4"), problems("""
                start: a
                texts:
                  done: Готово
                  a: {type: message, text: Hi, next: b}
                  b: {type: end, text: Bye}
                """));
    }

    @Test
    void aNodeIndentedIntoTheOneAboveIsReadAsItsOwnNodeWithOneReport() {
        assertEquals(List.of("bad.yaml:7:5: node 'b' is indented into node 'a' above it; indent 'b:' like 'a:'"), problems("""
                start: a
                nodes:
                  a:
                    type: message
                    text: Hi
                    next: b
                    b:
                    type: end
                    text: Bye
                """));
    }

    @Test
    void aNextInBracketsIsReadAsMeantAndReportedOnce() {
        assertEquals(List.of("bad.yaml:3:39: 'next' in node 'a' is a list of one node id; write 'next: b' without brackets"), problems("""
                start: a
                nodes:
                  a: {type: message, text: Hi, next: [b]}
                  b: {type: end, text: Bye}
                """));
    }

    @Test
    void aRuleWithoutGotoNamesTheNodeItCutOff() {
        assertEquals(List.of("bad.yaml:8:9: a rule of 'next' in node 'q' has no 'goto'; write 'goto: <node id>'; perhaps it should lead"
                + " to 'yes_path', which nothing leads to now"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Sure?
                    options: [{id: y, label: Yes}, {id: n, label: No}]
                    next:
                      - if: {q: y}
                      - goto: bye
                  yes_path: {type: message, text: Great, next: bye}
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void anOptionThatLostItsDashInsideTheOptionAboveIsOneReportNotEveryKeyTwice() {
        assertEquals(List.of("bad.yaml:9:9: line 9 starts a new option but has lost its leading '- ', so its keys are read into the"
                + " option above; write '- id: b'"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Pick
                    options:
                      - id: a
                        label: A
                        id: b
                        label: B
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aLanguageWrittenOutIsOneReportWithTheCode() {
        assertEquals(List.of("bad.yaml:1:11: language 'russian' is not a language code; write 'ru'"), problems("""
                language: russian
                start: a
                nodes:
                  a: {type: message, text: {ru: Привет}, next: b}
                  b: {type: end, text: {ru: Пока}}
                """));
    }

    @Test
    void aLanguageTheTextsAreNotInIsOneReportAtLanguage() {
        assertEquals(List.of("bad.yaml:1:11: language 'en' is missing from 2 texts, the first on line 4, which are written in 'ru';"
                + " write 'language: ru', or add a 'en:' text to each"), problems("""
                language: en
                start: a
                nodes:
                  a: {type: message, text: {ru: Привет}, next: b}
                  b: {type: end, text: {ru: Пока}}
                """));
    }

    @Test
    void aRenamedNodeThatSeveralLinksNameIsOneReportAtItsId() {
        assertEquals(List.of("bad.yaml:4:3: node 'contact' is linked from nowhere, while 2 links name 'contacts' (line 3), which"
                + " is no node; rename the node to 'contacts'"), problems("""
                start: a
                nodes:
                  a: {type: choice, text: Hi, options: [{id: x, label: X, next: contacts}, {id: y, label: Y}], next: contacts}
                  contact: {type: end, text: Bye}
                """));
    }

    @Test
    void aMisspeltSaveAsThatSeveralTextsUseIsOneReportAtTheSaveAs() {
        assertEquals(List.of("bad.yaml:5:14: node 'ask' saves its answer as 'contat_name', which is used nowhere, while"
                + " 'contact_name' is used (lines 9, 12) and saved by no node; write 'save_as: contact_name'"), problems("""
                start: ask
                nodes:
                  ask:
                    type: input
                    save_as: contat_name
                    text: Your name?
                    next: hi
                  hi:
                    text: "Hi {contact_name}"
                    type: message
                    next: bye
                  bye: {type: end, text: "Bye {contact_name}"}
                """));
    }

    @Test
    void aNodeIdGivenTwiceForTheOneLinksNameIsOneReport() {
        assertEquals(List.of("bad.yaml:5:3: duplicate node id 'bye', while a 'next' names 'thanks' (line 3), which is no node;"
                + " rename this one to 'thanks'"), problems("""
                start: a
                nodes:
                  a: {type: choice, text: Hi, options: [{id: x, label: X, next: thanks}, {id: y, label: Y, next: bye}]}
                  bye: {type: end, text: Bye}
                  bye: {type: end, text: Thanks}
                """));
    }

    @Test
    void aNodeWithoutNextNamesTheNodesItCutsOffInsteadOfReportingThemNeverReached() {
        assertEquals(List.of("bad.yaml:3:3: node 'a' has nowhere to go; add 'next: <node id>', or make it 'type: end' if the flow"
                + " finishes here; perhaps it should lead to 'b', which nothing leads to now"), problems("""
                start: a
                nodes:
                  a: {type: message, text: Hi}
                  b: {type: message, text: More, next: c}
                  c: {type: end, text: Bye}
                """));
    }

    @Test
    void nodesOnlyReachableThroughAnUnreachedOneAreFoldedIntoItsReport() {
        assertEquals(List.of("bad.yaml:4:3: node 'b' is never reached from start 'a', and so neither is 'c', reached only through it;"
                + " link to it from another node's next, or delete it"), problems("""
                start: a
                nodes:
                  a: {type: end, text: Bye}
                  b: {type: message, text: More, next: c}
                  c: {type: end, text: Bye}
                """));
    }

    // traps

    @Test
    void aLoopOfQuestionsWithNoWayOutIsNamedAtTheLinkThatClosesIt() {
        assertEquals(List.of("bad.yaml:4:68: nodes q → r → q form a loop with no way out: none of them leads to an end, so a"
                + " prospect who reaches 'q' can never finish; perhaps one of them should lead to 'bye', which nothing leads to now"),
                problems("""
                start: q
                nodes:
                  q: {type: choice, text: One, options: [{id: a, label: A}], next: r}
                  r: {type: choice, text: Two, options: [{id: b, label: B}], next: q}
                  bye: {type: end, text: Bye}
                """));
    }
}
