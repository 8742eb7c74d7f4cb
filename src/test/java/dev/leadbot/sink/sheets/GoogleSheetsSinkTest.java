package dev.leadbot.sink.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.VirtualTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoogleSheetsSinkTest {

    private final FakeAppsScript script = new FakeAppsScript();

    GoogleSheetsSinkTest() throws Exception {
    }

    @AfterEach
    void stop() {
        script.close();
    }

    private GoogleSheetsSink sink(Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("url", script.server.url(FakeAppsScript.EXEC).toString(), "token", "sheet-token",
                "columns", "lead_id, name, phone, role, score"));
        values.putAll(extra);
        return GoogleSheetsSink.from(new SinkSettings("google_sheets", "sheet", "leadbot.yaml:20:5", values, Map.of()),
                new VirtualTime().setup(Duration.ofSeconds(2)));
    }

    @Test
    void aLeadIsPostedOnceAsARowAndTheScriptsReplyIsReadFromTheRedirectWithAGet() throws Exception {
        Delivery outcome = sink(Map.of()).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Delivered(Optional.of("row 2")), outcome);
        assertEquals("[\"6f1c2d3e-0000-4000-8000-000000000001\",\"Анна\",\"+79161234567\",\"👨‍💼 Я владелец бизнеса\",\"50\"]",
                script.rows().get(0).toString());
        List<FakeHttpServer.Request> requests = script.server.requests();
        assertEquals(List.of("POST " + FakeAppsScript.EXEC, "GET /macros/echo"), requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("{\"lead_id\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"sheet\":\"Leads\",\"token\":\"sheet-token\","
                + "\"header\":[\"lead_id\",\"name\",\"phone\",\"role\",\"score\"],"
                + "\"row\":[\"6f1c2d3e-0000-4000-8000-000000000001\",\"Анна\",\"+79161234567\",\"👨‍💼 Я владелец бизнеса\",\"50\"]}",
                requests.get(0).body());
    }

    @Test
    void aPartialLeadIsMarkedInTheStageColumnWithWhereItStoppedAndItsCompletionNamesIt() throws Exception {
        GoogleSheetsSink sink = sink(Map.of("columns", "lead_id, name, stage, stopped_at, completes"));
        sink.deliver(SinkFixtures.PARTIAL, 1);
        sink.deliver(SinkFixtures.COMPLETING, 1);

        assertEquals("[\"" + SinkFixtures.PARTIAL.id() + "\",\"Анна\",\"partial\",\"Как вам удобнее связаться?\",\"\"]",
                script.rows().get(0).toString());
        assertEquals("[\"" + SinkFixtures.LEAD.id() + "\",\"Анна\",\"complete\",\"\",\"" + SinkFixtures.PARTIAL.id() + "\"]",
                script.rows().get(1).toString());
    }

    @Test
    void theDefaultColumnsEndWithTheStage() throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("url", script.server.url(FakeAppsScript.EXEC).toString(), "token", "sheet-token"));
        GoogleSheetsSink.from(new SinkSettings("google_sheets", "sheet", "leadbot.yaml:20:5", values, Map.of()),
                new VirtualTime().setup(Duration.ofSeconds(2))).deliver(SinkFixtures.PARTIAL, 1);

        assertTrue(script.rows().get(0).toString().endsWith(",\"partial\"]"), script.rows().get(0).toString());
    }

    @Test
    void aRetryAfterATimeoutLeavesOneRowBecauseTheScriptSkipsAKnownLeadId() throws Exception {
        GoogleSheetsSink sink = sink(Map.of());
        script.server.holdNextAnswer();

        Delivery first = sink.deliver(SinkFixtures.LEAD, 1);
        script.server.release();
        Delivery second = sink.deliver(SinkFixtures.LEAD, 2);

        assertEquals(new Delivery.RetryLater(Optional.empty(),
                "the Apps Script gave no answer within 2 s; the lead is looked up before it is created again"), first);
        assertEquals(new Delivery.Delivered(Optional.empty()), second);
        assertEquals(1, script.rows().size());
    }

    @Test
    void googleServerErrorsAreRetriedAndAMissingDeploymentFailsForGood() throws Exception {
        GoogleSheetsSink sink = sink(Map.of());
        script.failNext(new Reply(503, "text/html", "<html>Service unavailable</html>", Map.of()));
        assertEquals(new Delivery.RetryLater(Optional.empty(), "the Apps Script answered 503"), sink.deliver(SinkFixtures.LEAD, 1));

        GoogleSheetsSink wrong = GoogleSheetsSink.from(new SinkSettings("google_sheets", "sheet", "leadbot.yaml:20:5",
                Map.of("url", script.server.url("/macros/s/deleted/exec").toString()), Map.of()), new VirtualTime().setup(Duration.ofSeconds(2)));
        assertEquals(new Delivery.Failed("the Apps Script web app answered 404: check the URL, and that the web app is deployed to execute as"
                + " you with access for 'Anyone', then run leadbot leads --retry all"), wrong.deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void aTokenTheScriptRefusesFailsForGood() throws Exception {
        assertEquals(new Delivery.Failed("the Apps Script refused the row: bad token; check 'token' and the script's TOKEN property, then run"
                + " leadbot leads --retry all"), sink(Map.of("token", "stale")).deliver(SinkFixtures.LEAD, 1));
        assertEquals(0, script.rows().size());
    }

    @Test
    void theCheckCallsTheScriptsDoGet() throws Exception {
        assertEquals(new SinkCheck.Passed("the Apps Script answered from spreadsheet 'Лиды'"), sink(Map.of()).check());
    }
}
