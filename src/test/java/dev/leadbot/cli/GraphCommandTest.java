package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTinyFlowIsDrawnWithOneShapePerKindAndLabelledArrows() throws IOException {
        Path flow = dir.resolve("tiny.yaml");
        Files.writeString(flow, """
                language: en
                start: hi
                nodes:
                  hi: {type: message, text: "Hello, \\"friend\\"", next: role}
                  role:
                    type: choice
                    text: Who are you?
                    options:
                      - {id: owner, label: Owner, next: size}
                      - {id: other, label: Someone else}
                    next: bye
                  size:
                    type: multi_select
                    text: Which sizes?
                    options: [{id: s, label: S}, {id: m, label: M}]
                    next:
                      - if: {size: s}
                        goto: phone
                      - goto: bye
                  phone: {type: input, kind: number, text: "Your age?", next: bye}
                  bye: {type: end, text: This is a rather long goodbye that the chart will shorten}
                """);

        Run run = Run.of("", "graph", flow.toString());

        assertEquals(new Run(0, """
                flowchart TD
                    hi["hi: Hello, #quot;friend#quot;"]
                    role{{"role: Who are you?"}}
                    size[["size: Which sizes?"]]
                    phone[/"phone: Your age?"/]
                    bye(["bye: This is a rather long goodbye that the…"])
                    hi --> role
                    role -->|"Owner"| size
                    role --> bye
                    size -->|"size = s"| phone
                    size -->|"otherwise"| bye
                    phone --> bye
                """, ""), run);
    }

    @Test
    void nodesNamedLikeMermaidKeywordsGetIdsMermaidReadsAsIds() throws IOException {
        Path flow = dir.resolve("keywords.yaml");
        Files.writeString(flow, """
                language: en
                start: graph
                nodes:
                  graph: {type: message, text: Hi, next: class}
                  class: {type: message, text: Two, next: id_x}
                  id_x: {type: message, text: Three, next: End}
                  End: {type: message, text: Four, next: end}
                  end: {type: end, text: Bye}
                """);

        Run run = Run.of("", "graph", flow.toString());

        assertEquals(new Run(0, """
                flowchart TD
                    id_graph["graph: Hi"]
                    id_class["class: Two"]
                    id_id_x["id_x: Three"]
                    id_End["End: Four"]
                    id_end(["end: Bye"])
                    id_graph --> id_class
                    id_class --> id_id_x
                    id_id_x --> id_End
                    id_End --> id_end
                """, ""), run);
    }

    @Test
    void theDefaultFlowIsDrawn() {
        Run run = Run.of("", "graph");

        assertEquals(0, run.status());
        assertEquals("flowchart TD", run.out().lines().findFirst().orElseThrow());
        assertEquals(true, run.out().contains("    demo_menu -->|\"↩️ Вернуться к выбору роли\"| role\n"), run.out());
    }
}
