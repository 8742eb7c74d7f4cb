package dev.leadbot.flow;

import static dev.leadbot.flow.OneMistakeCorpusTest.FLOW;
import static dev.leadbot.flow.OneMistakeCorpusTest.FOLLOW_UPS;
import static dev.leadbot.flow.OneMistakeCorpusTest.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * flows/flow.schema.json (what editors check as the owner types) and the validator agree in
 * both directions on everything a schema can judge: unusual but valid flows pass both, and
 * mistakes within one value are refused by both. Links, reachability and variables are the
 * validator's alone, and keys given twice are lost before a schema sees them (editors' YAML
 * parsers flag those).
 */
class SchemaAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Variant(String name, UnaryOperator<List<String>> edit) {
    }

    private static final List<Variant> BOTH_ACCEPT = List.of(
            new Variant("a number as a label", replace(75, "label: { ru: \"Другое\", en: \"Other\" }", "label: 42")),
            new Variant("a number in a text map", replace(75, "ru: \"Другое\"", "ru: 42")),
            new Variant("a number as an option id", replace(74, "id: other", "id: 7")),
            new Variant("yes as an option id", replace(74, "id: other", "id: yes")),
            new Variant("a negative score", replace(99, "score: 30", "score: -5")),
            new Variant("a number as a tag", replace(100, "tags: [hot, sales]", "tags: [hot, 2024]")),
            new Variant("one tag without a list", replace(100, "tags: [hot, sales]", "tags: hot")),
            new Variant("literal braces in a text", replace(56, "Отлично!", "Отлично {{!}}")),
            new Variant("a number as the flow id", replace(10, "id: qualification", "id: 2024")),
            new Variant("no checklist min", replace(317, "min: 1", "max: 7")),
            new Variant("number limits on a number input", OneMistakeCorpusTest.both(replace(440, "kind: phone", "kind: number"),
                    OneMistakeCorpusTest.insertAfter(440, "    min: 1", "    max: 99.5"))),
            new Variant("one variable as the partial-lead point", replace(490, "[contact_name, phone]", "contact_name")),
            new Variant("no partial-lead point", OneMistakeCorpusTest.delete(489, 490)),

            new Variant("reminders in seconds", OneMistakeCorpusTest.both(replace(FOLLOW_UPS + 6, "15m", "30s"),
                    replace(FOLLOW_UPS + 10, "3h", "1m30s"))),
            new Variant("no follow-ups at a question", OneMistakeCorpusTest.insertAfter(OneMistakeCorpusTest.lineOf("  contact_time:"),
                    "    follow_ups: none")),
            new Variant("a question's own reminder", OneMistakeCorpusTest.insertAfter(OneMistakeCorpusTest.lineOf("  contact_time:"),
                    "    follow_ups:", "      abandon_after: 2d", "      reminders:", "        - after: 1h",
                    "          text: { ru: \"Когда вам удобно?\", en: \"When suits you?\" }")),
            new Variant("quiet hours within one day", replace(FOLLOW_UPS + 1, "21:00-09:00", "13:00-14:30")),
            new Variant("abandonment without reminders", OneMistakeCorpusTest.delete(FOLLOW_UPS + 5, FOLLOW_UPS + 17)));

    private static final List<Variant> BOTH_REJECT = List.of(
            new Variant("a title over 40 characters", replace(30, "\"Роль\"", "\"Какой вариант вас лучше всего описывает сейчас?\"")),
            new Variant("an empty title", replace(30, "\"Role\"", "\" \"")),
            new Variant("a title with a placeholder", replace(30, "\"Role\"", "\"{role}\"")),
            new Variant("an option id with a hyphen", replace(74, "id: other", "id: just-looking")),
            new Variant("an option id with a point", replace(74, "id: other", "id: 1.5")),
            new Variant("a negative option id", replace(74, "id: other", "id: -1")),
            new Variant("a quoted min_length", replace(355, "min_length: 20", "min_length: '20'")),
            new Variant("a quoted score", replace(99, "score: 30", "score: \"30\"")),
            new Variant("a fractional score", replace(99, "score: 30", "score: 2.5")),
            new Variant("max_length over 4000", replace(356, "max_length: 3000", "max_length: 10000")),
            new Variant("min_length over 4000", replace(355, "min_length: 20", "min_length: 5000")),
            new Variant("min_length zero", replace(355, "min_length: 20", "min_length: 0")),
            new Variant("a text limit on a phone", OneMistakeCorpusTest.insertAfter(440, "    max_length: 20")),
            new Variant("a number limit on a text", OneMistakeCorpusTest.insertAfter(356, "    max: 20")),
            new Variant("a checklist max of zero", OneMistakeCorpusTest.insertAfter(317, "    max: 0")),
            new Variant("a negative checklist min", replace(317, "min: 1", "min: -1")),
            new Variant("an empty label", replace(75, "label: { ru: \"Другое\", en: \"Other\" }", "label: \"\"")),
            new Variant("a blank label", replace(75, "label: { ru: \"Другое\", en: \"Other\" }", "label: \"   \"")),
            new Variant("a null label", replace(75, "label: { ru: \"Другое\", en: \"Other\" }", "label: ~")),
            new Variant("an empty text map", replace(75, "label: { ru: \"Другое\", en: \"Other\" }", "label: {}")),
            new Variant("a text as a list", replace(75, "label: { ru: \"Другое\", en: \"Other\" }", "label: [Другое, Other]")),
            new Variant("a three-letter language code", replace(75, "en: \"Other\"", "eng: \"Other\"")),
            new Variant("a language code in capitals", replace(75, "ru: \"Другое\"", "RU: \"Другое\"")),
            new Variant("a misspelt key", replace(24, "next: role", "nxt: role")),
            new Variant("an unknown node type", replace(20, "type: message", "type: mesage")),
            new Variant("an unknown input kind", replace(440, "kind: phone", "kind: phon")),
            new Variant("save_as name", replace(417, "save_as: contact_name", "save_as: name")),
            new Variant("save_as with a hyphen", replace(417, "save_as: contact_name", "save_as: contact-name")),
            new Variant("a node id with a hyphen", OneMistakeCorpusTest.both(replace(479, "goodbye:", "good-bye:"),
                    replace(412, "next: goodbye", "next: good-bye"))),
            new Variant("language written out", replace(11, "language: ru", "language: russian")),
            new Variant("an option with next in a checklist", OneMistakeCorpusTest.insertAfter(323, "        next: concept")),
            new Variant("consent on a checklist option", OneMistakeCorpusTest.insertAfter(323, "        consent: given")),
            new Variant("a consent value misspelt", replace(407, "consent: given", "consent: gven")),
            new Variant("a consent value that is no answer", replace(407, "consent: given", "consent: yes")),
            new Variant("a message without next", OneMistakeCorpusTest.delete(24, 24)),
            new Variant("a partial-lead point naming no variable", replace(490, "[contact_name, phone]", "[]")),
            new Variant("a partial-lead point without once_known", OneMistakeCorpusTest.delete(490, 490)),
            new Variant("a misspelt once_known", replace(490, "once_known", "once_knwon")),
            new Variant("an unknown key in partial_lead", OneMistakeCorpusTest.insertAfter(490, "  after: 3h")),
            new Variant("a partial-lead variable with a hyphen", replace(490, "contact_name", "contact-name")),
            new Variant("the prospect's name as a partial-lead variable", replace(490, "contact_name", "name")),
            new Variant("a partial-lead point as a mapping of variables", replace(490, "[contact_name, phone]", "{contact_name: yes}")),

            new Variant("a reminder's wait without a unit", replace(FOLLOW_UPS + 6, "after: 15m", "after: 15")),
            new Variant("a reminder's wait in weeks", replace(FOLLOW_UPS + 6, "after: 15m", "after: 1w")),
            new Variant("a reminder's wait of zero", replace(FOLLOW_UPS + 6, "after: 15m", "after: 0m")),
            new Variant("a lateness with a space", replace(FOLLOW_UPS + 3, "6h", "6 h")),
            new Variant("a reminder without its text", OneMistakeCorpusTest.delete(FOLLOW_UPS + 7, FOLLOW_UPS + 9)),
            new Variant("a misspelt follow-up key", replace(FOLLOW_UPS + 4, "abandon_after", "abandon_afer")),
            new Variant("quiet hours at 25 o'clock", replace(FOLLOW_UPS + 1, "21:00", "25:00")),
            new Variant("quiet hours as one time", replace(FOLLOW_UPS + 1, "21:00-09:00", "21:00")),
            new Variant("a question's follow-ups that are neither none nor reminders", OneMistakeCorpusTest.insertAfter(
                    OneMistakeCorpusTest.lineOf("  contact_time:"), "    follow_ups: off")),
            new Variant("quiet hours at a question", OneMistakeCorpusTest.insertAfter(OneMistakeCorpusTest.lineOf("  contact_time:"),
                    "    follow_ups:", "      quiet_hours: \"22:00-08:00\"")),
            new Variant("follow-ups at an end", OneMistakeCorpusTest.insertAfter(OneMistakeCorpusTest.lineOf("  goodbye:"),
                    "    follow_ups: none")));

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(Path.of("flows/flow.schema.json")));
    }

    private static boolean schemaAccepts(String yaml) throws IOException {
        JsonNode tree = JSON.valueToTree(new Yaml().load(yaml));
        return schema().validate(tree).isEmpty();
    }

    private static boolean validatorAccepts(String yaml) {
        try {
            FlowLoader.parse("flow.yaml", yaml);
            return true;
        } catch (InvalidFlowException e) {
            return false;
        }
    }

    private static String apply(Variant variant) {
        return String.join("\n", variant.edit().apply(FLOW)) + "\n";
    }

    @Test
    void unusualButValidFlowsPassTheSchemaAndTheValidator() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (Variant variant : BOTH_ACCEPT) {
            String yaml = apply(variant);
            if (!schemaAccepts(yaml) || !validatorAccepts(yaml)) {
                disagreements.add(variant.name() + ": schema " + schemaAccepts(yaml) + ", validator " + validatorAccepts(yaml));
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void mistakesWithinOneValueAreRefusedByTheSchemaAndTheValidator() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (Variant variant : BOTH_REJECT) {
            String yaml = apply(variant);
            if (schemaAccepts(yaml) || validatorAccepts(yaml)) {
                disagreements.add(variant.name() + ": schema " + schemaAccepts(yaml) + ", validator " + validatorAccepts(yaml));
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void nothingTheSchemaRefusesInTheOneMistakeCorpusPassesTheValidator() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (OneMistakeCorpusTest.Mistake mistake : OneMistakeCorpusTest.CORPUS) {
            String yaml = String.join("\n", mistake.edit().apply(FLOW)) + "\n";
            try {
                if (!schemaAccepts(yaml) && validatorAccepts(yaml)) {
                    disagreements.add(mistake.name());
                }
            } catch (YAMLException e) {
                // a syntax error: the schema never sees it; the corpus test shows the validator reports it
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
