package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One small broken flow per kind of mistake, each with the exact message and where it points. */
class FlowValidationTest {

    private static List<String> problems(String yaml) {
        InvalidFlowException e = assertThrows(InvalidFlowException.class, () -> FlowLoader.parse("bad.yaml", yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aYamlSyntaxErrorPointsAtItsLineAndColumn() {
        assertEquals(List.of("bad.yaml:3:10: YAML syntax: the ':' at column 10 of line 3 is read as a new key; a text that"
                + " contains ': ' must be in quotes, e.g. text: \"Note: …\""), problems("""
                start: a
                nodes:
                  a: text: hi
                """));
    }

    @Test
    void anEmptyFileSaysHowToStart() {
        assertEquals(List.of("bad.yaml:1:1: the file is empty; start with 'start: <first node>' and 'nodes:' (see flows/README.md)"),
                problems(""));
    }

    @Test
    void aMissingStartIsReported() {
        assertEquals(List.of("bad.yaml:1:1: the flow file has no 'start'; write 'start: <id of the first node>'"), problems("""
                nodes:
                  a: {type: end, text: Bye}
                """));
    }

    @Test
    void anUnknownStartSuggestsTheClosestNode() {
        assertEquals(List.of("bad.yaml:1:8: start names unknown node 'greting'; did you mean 'greeting'?"), problems("""
                start: greting
                nodes:
                  greeting: {type: end, text: Bye}
                """));
    }

    @Test
    void aNextNamingAnUnknownNodeSuggestsTheClosestOne() {
        assertEquals(List.of("bad.yaml:6:11: 'next' of node 'hello' names unknown node 'pain_godos'; did you mean 'pain_goods' (line 7)?"), problems("""
                start: hello
                nodes:
                  hello:
                    type: message
                    text: Hi
                    next: pain_godos
                  pain_goods: {type: end, text: Bye}
                """));
    }

    @Test
    void anUnreachableNodeIsReportedAtItsId() {
        assertEquals(List.of("bad.yaml:4:3: node 'orphan' is never reached from start 'a'; link to it from another node's next, or delete it"),
                problems("""
                start: a
                nodes:
                  a: {type: end, text: Bye}
                  orphan: {type: end, text: Nobody comes here}
                """));
    }

    @Test
    void aMisspeltNextIsOneReportWithoutItsConsequences() {
        assertEquals(List.of("bad.yaml:6:5: unknown key 'nxt' in node 'hello'; did you mean 'next'?"), problems("""
                start: hello
                nodes:
                  hello:
                    type: message
                    text: Hi
                    nxt: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void anUnknownKeyWithNothingCloseListsTheAllowedKeys() {
        assertEquals(List.of("bad.yaml:2:1: unknown key 'colour' in the flow file; allowed keys: id, language, phone_region, start, texts,"
                + " summary, partial_lead, nodes, follow_ups"),
                problems("""
                start: a
                colour: blue
                nodes:
                  a: {type: end, text: Bye}
                """));
    }

    @Test
    void anUnknownNodeTypeSuggestsTheClosestType() {
        assertEquals(List.of("bad.yaml:4:11: unknown node type 'choise' in node 'role'; did you mean 'choice'?"), problems("""
                start: role
                nodes:
                  role:
                    type: choise
                    text: Who are you?
                """));
    }

    @Test
    void aNodeWithoutATypeListsTheTypes() {
        assertEquals(List.of("bad.yaml:3:6: node 'a' has no 'type'; write one of: message, choice, multi_select, input, end"), problems("""
                start: a
                nodes:
                  a: {text: Bye}
                """));
    }

    @Test
    void aDuplicateNodeIdIsReportedAtTheSecondOne() {
        assertEquals(List.of("bad.yaml:4:3: duplicate node id 'a'; node ids must be unique, rename one of them"), problems("""
                start: a
                nodes:
                  a: {type: end, text: Bye}
                  a: {type: end, text: Bye again}
                """));
    }

    @Test
    void aDuplicateOptionIdIsReportedAtTheSecondOption() {
        assertEquals(List.of("bad.yaml:8:9: option id 'x' is used twice in node 'q'; option ids must be unique within a node"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Pick
                    options:
                      - {id: x, label: One}
                      - {id: x, label: Two}
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void emptyTextsAndLabelsAreReported() {
        assertEquals(List.of(
                "bad.yaml:5:11: 'text' in node 'q' is empty; write what the prospect should read",
                "bad.yaml:7:24: 'label' in an option of node 'q' is empty; write the text of the button"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: ""
                    options:
                      - {id: x, label: "  "}
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aChoiceOptionWithNowhereToGoIsReportedAtTheOption() {
        assertEquals(List.of("bad.yaml:7:9: option 'no' of node 'q' has nowhere to go; add 'next:' to the option, or to the node"
                + " for all its options"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Sure?
                    options:
                      - {id: no, label: No}
                      - {id: yes, label: Yes, next: bye}
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void rulesWithoutADefaultAreReportedAtTheLastRule() {
        assertEquals(List.of("bad.yaml:10:13: the rules of 'next' in node 'q' have no default, so some answers lead nowhere;"
                + " end them with a rule without 'if': '- goto: <node id>'"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Sure?
                    options:
                      - {id: a, label: A}
                      - {id: b, label: B}
                    next:
                      - if: {q: a}
                        goto: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aRuleAfterTheDefaultIsNeverUsed() {
        assertEquals(List.of("bad.yaml:9:13: this rule of 'next' in node 'q' comes after the default rule (the one without 'if')"
                + " and is never used; move the default rule last"), problems("""
                start: q
                nodes:
                  q:
                    type: choice
                    text: Sure?
                    options: [{id: a, label: A}]
                    next:
                      - goto: bye
                      - if: {q: a}
                        goto: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void idsTooLongForTelegramButtonDataAreReported() {
        String node = "n".repeat(30);
        String option = "o".repeat(21);
        assertEquals(List.of("bad.yaml:7:9: node id '" + node + "' and option id '" + option + "' take 51 bytes of button data,"
                + " over the 50 that Telegram leaves for them; shorten the ids"), problems("""
                start: %s
                nodes:
                  %s:
                    type: choice
                    text: Pick
                    options:
                      - {id: %s, label: One}
                    next: bye
                  bye: {type: end, text: Bye}
                """.formatted(node, node, option)));
    }

    @Test
    void aVariableNotAnsweredOnEveryPathToItsTextIsReported() {
        assertEquals(List.of("bad.yaml:16:25: '{phone}' in node 'bye' is not answered on every path that reaches it, so some"
                + " prospects would see it empty; ask for 'phone' on every path before this node, or remove it from the text"), problems("""
                start: how
                nodes:
                  how:
                    type: choice
                    text: Call or write?
                    options:
                      - {id: call, label: Call, next: phone}
                      - {id: write, label: Write, next: bye}
                  phone:
                    type: input
                    kind: text
                    text: Your phone?
                    next: bye
                  bye:
                    type: end
                    text: "We will call {phone}"
                """));
    }

    @Test
    void aVariableNoNodeSavesIsReportedWithADidYouMean() {
        assertEquals(List.of("bad.yaml:10:25: '{fone}' in node 'bye' is not saved by any node; did you mean '{phone}'?"), problems("""
                start: phone
                nodes:
                  phone:
                    type: input
                    kind: text
                    text: Your phone?
                    next: bye
                  bye:
                    type: end
                    text: "We will call {fone}"
                """));
    }

    @Test
    void anIfOnAVariableNoNodeSavesIsReported() {
        assertEquals(List.of("bad.yaml:8:13: 'if' tests 'sphre', which no node saves; did you mean 'sphere'?"), problems("""
                start: sphere
                nodes:
                  sphere:
                    type: choice
                    text: Sphere?
                    options: [{id: goods, label: Goods}]
                    next:
                      - if: {sphre: goods}
                        goto: bye
                      - goto: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void anIfOnAValueNoOptionHasIsReported() {
        assertEquals(List.of("bad.yaml:8:13: 'if' tests sphere: 'good', but no option saved as 'sphere' has that id;"
                + " did you mean 'goods'?"), problems("""
                start: sphere
                nodes:
                  sphere:
                    type: choice
                    text: Sphere?
                    options: [{id: goods, label: Goods}, {id: food, label: Food}]
                    next:
                      - if: {sphere: good}
                        goto: bye
                      - goto: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aLoopOfMessagesThatNeverAsksIsReported() {
        assertEquals(List.of("bad.yaml:4:37: nodes a → b → a form a loop of messages that never asks a question, so the bot would"
                + " send them forever; make one of them a question or lead out of the loop"), problems("""
                start: a
                nodes:
                  a: {type: message, text: A, next: b}
                  b: {type: message, text: B, next: a}
                """));
    }

    @Test
    void aTextWithoutTheDefaultLanguageIsReported() {
        assertEquals(List.of("bad.yaml:4:24: 'text' in node 'a' has no 'ru:' text, the flow's default language; add one, it is shown"
                + " to every prospect whose language has no text of its own"), problems("""
                language: ru
                start: a
                nodes:
                  a: {type: end, text: {en: Bye}}
                """));
    }

    @Test
    void anEndNodeWithNextIsReported() {
        assertEquals(List.of("bad.yaml:3:29: 'next' in end node 'a' is never used: an end node finishes the flow; remove it, or use"
                + " 'type: message' to go on"), problems("""
                start: a
                nodes:
                  a: {type: end, text: Bye, next: a}
                """));
    }

    @Test
    void aChecklistWhoseMinExceedsItsMaxIsReported() {
        assertEquals(List.of("bad.yaml:7:10: max 2 in node 'm' is below min 3, so no answer could be accepted; write max 3 or more,"
                + " or lower min"), problems("""
                start: m
                nodes:
                  m:
                    type: multi_select
                    text: Pick
                    min: 3
                    max: 2
                    options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void theProspectsNameCannotBeOverwrittenByAnAnswer() {
        assertEquals(List.of("bad.yaml:5:5: 'name' is the prospect's Telegram first name and cannot be saved by node 'q'; write"
                + " 'save_as: contact_name' or another name"), problems("""
                start: q
                nodes:
                  q:
                    type: input
                    save_as: name
                    text: Your name?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void anUnknownInputKindSuggestsTheClosestKind() {
        assertEquals(List.of("bad.yaml:5:11: unknown input kind 'phon' in node 'q'; did you mean 'phone'?"), problems("""
                start: q
                nodes:
                  q:
                    type: input
                    kind: phon
                    text: Your phone?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aLengthLimitOnANonTextInputIsReported() {
        assertEquals(List.of("bad.yaml:6:5: 'max_length' in node 'q' applies only to 'kind: text'; remove it"), problems("""
                start: q
                nodes:
                  q:
                    type: input
                    kind: number
                    max_length: 20
                    text: Your age?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void aSummaryFieldNamingAnUnsavedVariableIsReported() {
        assertEquals(List.of("bad.yaml:3:10: summary.phone names 'phon', which no node saves; did you mean 'phone'?"), problems("""
                start: phone
                summary:
                  phone: phon
                nodes:
                  phone:
                    type: input
                    kind: text
                    text: Your phone?
                    next: bye
                  bye: {type: end, text: Bye}
                """));
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceInFileOrder() {
        assertEquals(List.of(
                "bad.yaml:1:8: start names unknown node 'strt'; did you mean 'start'?",
                "bad.yaml:4:11: unknown node type 'mesage' in node 'start'; did you mean 'message'?",
                "bad.yaml:6:3: node 'end' is never reached from start 'start'; link to it from another node's next, or delete it",
                "bad.yaml:9:11: 'next' of node 'end' names unknown node 'start2'; did you mean 'start'?"), problems("""
                start: strt
                nodes:
                  start:
                    type: mesage
                    text: Hi
                  end:
                    type: message
                    text: Bye
                    next: start2
                """));
    }
}
