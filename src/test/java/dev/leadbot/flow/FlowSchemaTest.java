package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** flows/flow.schema.json is what owners' editors check flows with, so it must agree with the loader. */
class FlowSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FLOWS = Path.of("flows");

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(FLOWS.resolve("flow.schema.json")));
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        JsonNode tree = JSON.valueToTree(new Yaml().load(yaml));
        return schema().validate(tree);
    }

    private static List<Path> shippedFlows() throws IOException {
        try (Stream<Path> files = Files.list(FLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedFlowValidatesAgainstTheSchemaAndLoads() throws Exception {
        List<Path> flows = shippedFlows();
        assertFalse(flows.isEmpty(), "no flows in " + FLOWS.toAbsolutePath());
        for (Path flow : flows) {
            assertEquals(Set.of(), validate(Files.readString(flow)), flow.toString());
            FlowLoader.load(flow);
        }
    }

    @Test
    void everyShippedFlowPointsItsEditorAtTheSchemaOnItsFirstLine() throws IOException {
        for (Path flow : shippedFlows()) {
            assertEquals("# yaml-language-server: $schema=./flow.schema.json", Files.readAllLines(flow).get(0), flow.toString());
        }
    }

    @Test
    void theSchemaFlagsAMisspeltKeyAsTheOwnerTypes() throws IOException {
        Set<ValidationMessage> errors = validate("""
                start: a
                nodes:
                  a: {type: end, text: Bye, nxt: b}
                """);

        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("nxt")), errors.toString());
    }

    @Test
    void theSchemaKnowsEveryBotTextTheLoaderAccepts() throws IOException {
        JsonNode botTexts = JSON.readTree(FLOWS.resolve("flow.schema.json").toFile()).at("/definitions/botTexts/properties");
        Set<String> inSchema = new TreeSet<>();
        botTexts.fieldNames().forEachRemaining(inSchema::add);

        assertEquals(new TreeSet<>(Arrays.stream(BotText.values()).map(BotText::key).toList()), inSchema);
    }
}
