package dev.leadbot.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.testing.Flows;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathWalkerTest {

    private static Walk walk(String yaml) throws Exception {
        return new PathWalker(FlowLoader.parse("walk.yaml", yaml)).walk();
    }

    @Test
    void theCustomersFlowHas720PathsThatAllEnd() throws Exception {
        Flow flow = FlowLoader.load(Path.of("flows/qualification.yaml"));

        Walk walk = new PathWalker(flow).walk();

        assertEquals(List.of(), walk.problems());
        assertEquals(720, walk.paths().size());
        assertEquals(11, walk.longest());
        assertEquals(0, walk.endless());
        assertFalse(walk.cut());
    }

    @Test
    void everyOptionAndATypedAnswerMakeOnePathEachWithItsTranscriptAndLead() throws Exception {
        Walk walk = walk("""
                start: color
                nodes:
                  color:
                    type: choice
                    text: Color?
                    options:
                      - { id: red, label: Red, score: 10, tags: [warm] }
                      - { id: blue, label: Blue }
                    next: age
                  age:
                    type: input
                    kind: number
                    min: 18
                    max: 99
                    text: Age?
                    next: bye
                  bye: { type: end, text: "Thanks, {name}: {color}, {age}" }
                """);

        assertEquals(List.of(), walk.problems());
        assertEquals(List.of(List.of("color=red", "age=typed"), List.of("color=blue", "age=typed")),
                walk.paths().stream().map(WalkedPath::choices).toList());
        assertEquals(List.of(
                "",
                "bot: Color?",
                "     [Red]",
                "     [Blue]",
                "prospect taps: Red",
                "     (the question now shows the answer: ✔️ Red)",
                "",
                "bot: Age?",
                "     [◀️ Назад]",
                "prospect types: 18",
                "",
                "bot: Thanks, Анна: Red, 18",
                "",
                "lead: score 10, tags warm",
                "  color: Red",
                "  age: 18",
                "  contact telegram: @anna_walks",
                "  path: color → age → bye"), walk.paths().get(0).transcript());
        assertEquals("red", walk.paths().get(0).name());
    }

    @Test
    void aChecklistIsWalkedWithEachOptionAloneAndWithAllOfThem() throws Exception {
        Walk walk = walk("""
                start: extras
                nodes:
                  extras:
                    type: multi_select
                    text: Extras?
                    options: [{ id: a, label: A }, { id: b, label: B }, { id: c, label: C }]
                    next: bye
                  bye: { type: end, text: "You picked {extras}" }
                """);

        assertEquals(List.of("extras=a", "extras=b", "extras=c", "extras=all"),
                walk.paths().stream().map(p -> p.choices().get(0)).toList());
        assertTrue(walk.paths().get(3).transcript().contains("bot: You picked A, B и C"), walk.paths().get(3).transcript().toString());
    }

    @Test
    void aLoopThatOnlyAnEarlierAnswerClosesIsAPathThatCannotEnd() throws Exception {
        Walk walk = walk(Flows.TRAP);

        assertEquals(List.of("a path cannot end: kind=a → ask=x → again=y comes back to 'ask', whose every answer was already given"
                + " on the way, and none leads to an end"), walk.problems());
        assertEquals(2, walk.paths().size());
        assertEquals(1, walk.endless());
    }

    @Test
    void aProblemSeenOnManyPathsIsReportedOnceWithTheCountOfTheOthers() throws Exception {
        Walk walk = walk("""
                start: kind
                nodes:
                  kind:
                    type: choice
                    text: Kind?
                    options: [{ id: a, label: A }, { id: b, label: B }, { id: c, label: C }]
                    next: ask
                  ask:
                    type: choice
                    text: Sure?
                    options: [{ id: x, label: X }]
                    next:
                      - if: { kind: [a, b] }
                        goto: again
                      - goto: bye
                  again:
                    type: choice
                    text: Really sure?
                    options: [{ id: y, label: Y }]
                    next: ask
                  bye: { type: end, text: Bye }
                """);

        assertEquals(List.of("a path cannot end: kind=a → ask=x → again=y comes back to 'ask', whose every answer was already given"
                + " on the way, and none leads to an end (and on 1 other path)"), walk.problems());
        assertEquals(2, walk.endless());
    }

    @Test
    void aBotPhraseTooLongForAPopUpIsReported() throws Exception {
        Walk walk = walk("""
                start: q
                texts:
                  went_back: "%s"
                nodes:
                  q: { type: choice, text: "One?", options: [{ id: a, label: A }], next: r }
                  r: { type: choice, text: "Two?", options: [{ id: b, label: B }], next: bye }
                  bye: { type: end, text: Bye }
                """.formatted("Назад. ".repeat(40)));

        assertEquals(List.of("at 'r' after q=a a pop-up is 279 characters, over Telegram's 200: "
                + "Назад. ".repeat(11) + "…"), walk.problems());
    }
}
