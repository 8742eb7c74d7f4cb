package dev.leadbot.sink.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.VirtualTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmoCrmSinkTest {

    private final VirtualTime time = new VirtualTime();
    private final FakeAmoCrm amo = new FakeAmoCrm(time::now);

    AmoCrmSinkTest() throws Exception {
    }

    @AfterEach
    void stop() {
        amo.close();
    }

    private AmoCrmSink sink(Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("base_url", amo.server.url("").toString(), "token", FakeAmoCrm.TOKEN));
        values.putAll(extra);
        return AmoCrmSink.from(new SinkSettings("amocrm", "amo", "leadbot.yaml:4:5", values, Map.of("555001", "features")),
                time.setup(Duration.ofSeconds(2)));
    }

    @Test
    void aLeadIsCreatedWithItsContactAndTagsInOneCallThenTheAnswersGoInANote() throws Exception {
        Delivery outcome = sink(Map.of("pipeline_id", "7001", "status_id", "142001")).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Delivered(Optional.of("lead 10000000")), outcome);
        assertEquals(new ObjectMapper().readTree("""
                {"name": "Анна — Telegram #6f1c2d3e", "pipeline_id": 7001, "status_id": 142001,
                 "custom_fields_values": [{"field_id": 555001, "values": [{"value": "CRM и Google Таблицы"}]}],
                 "_embedded": {
                   "contacts": [{"name": "Анна", "custom_fields_values": [
                     {"field_code": "PHONE", "values": [{"value": "+79161234567", "enum_code": "WORK"}]}]}],
                   "tags": [{"name": "owner"}, {"name": "hot"}]},
                 "id": 10000000}"""), new ObjectMapper().readTree(amo.leads().get(0).toString()));
        JsonNode note = amo.notes().get(0);
        assertEquals(10000000, note.path("entity_id").asLong());
        assertEquals("common", note.path("note_type").asText());
        assertTrue(note.path("params").path("text").asText().contains("• features: CRM и Google Таблицы"), note.toString());
    }

    @Test
    void aPartialLeadIsTaggedPartialWithWhereItStoppedInTheNoteAndItsCompletionIsTaggedToo() throws Exception {
        AmoCrmSink sink = sink(Map.of());
        sink.deliver(SinkFixtures.PARTIAL, 1);
        sink.deliver(SinkFixtures.COMPLETING, 1);

        assertEquals("[{\"name\":\"owner\"},{\"name\":\"hot\"},{\"name\":\"partial\"}]",
                amo.leads().get(0).path("_embedded").path("tags").toString());
        String note = amo.notes().get(0).path("params").path("text").asText();
        assertTrue(note.startsWith("⏸ Неполная заявка · 50 баллов · qualification\n"), note);
        assertTrue(note.contains("\n⏸ Замолчал на вопросе: Как вам удобнее связаться?\n"), note);
        assertEquals("[{\"name\":\"owner\"},{\"name\":\"hot\"},{\"name\":\"completes_partial\"}]",
                amo.leads().get(1).path("_embedded").path("tags").toString());
        assertTrue(amo.notes().get(1).path("params").path("text").asText().contains("\n✅ Дополняет неполную заявку "
                + SinkFixtures.PARTIAL.id() + "\n"));
    }

    @Test
    void theIncomingModeSendsAnIncomingLeadsFormKeyedByTheLeadId() throws Exception {
        Delivery outcome = sink(Map.of("mode", "incoming", "pipeline_id", "7001")).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Delivered(Optional.of("lead 10000000")), outcome);
        FakeHttpServer.Request request = amo.server.requests().get(0);
        assertEquals("/api/v4/leads/unsorted/forms", request.path());
        JsonNode form = new ObjectMapper().readTree(request.body()).get(0);
        assertEquals(SinkFixtures.LEAD.id(), form.path("source_uid").asText());
        assertEquals(7001, form.path("pipeline_id").asLong());
        assertEquals("{\"form_id\":\"leadbot-qualification\",\"form_name\":\"Telegram: qualification\",\"form_page\":\"https://t.me\","
                + "\"form_sent_at\":1795341725,\"referer\":\"vk_ads\"}", form.path("metadata").toString());
        assertEquals("Анна", form.path("_embedded").path("contacts").get(0).path("name").asText());
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedLater() throws Exception {
        amo.failNext(Reply.json(429, "{\"title\":\"Too Many Requests\",\"status\":429}").with("Retry-After", "3"),
                Reply.json(503, "{\"title\":\"Service Unavailable\",\"status\":503}"));
        AmoCrmSink sink = sink(Map.of());

        assertEquals(new Delivery.RetryLater(Optional.of(Duration.ofSeconds(3)), "amoCRM asks to slow down (429 Too Many Requests)"),
                sink.deliver(SinkFixtures.LEAD, 1));
        assertEquals(new Delivery.RetryLater(Optional.empty(), "amoCRM answered 503: {\"title\":\"Service Unavailable\",\"status\":503}"),
                sink.deliver(SinkFixtures.LEAD, 2));
        assertEquals(new Delivery.Delivered(Optional.of("lead 10000000")), sink.deliver(SinkFixtures.LEAD, 3));
        assertEquals(1, amo.leads().size());
    }

    @Test
    void aRefusedTokenFailsForGoodSayingHowToMakeANewOne() throws Exception {
        Delivery outcome = sink(Map.of("token", "expired")).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Failed("amoCRM refused the token (401 Unauthorized): make a new long-lived token (Settings → Integrations"
                + " → your integration → Keys and access) and put it in the sink's token, then run leadbot leads --retry all"), outcome);
    }

    @Test
    void aForbiddenHtmlPageMeansTheAccountIsBlocked() throws Exception {
        amo.failNext(new Reply(403, "text/html; charset=utf-8", "<html><body><h1>Account is blocked</h1></body></html>", Map.of()));

        assertEquals(new Delivery.Failed("amoCRM answered 403 with an HTML page: the account (or this server's IP) is blocked; ask amoCRM"
                + " support to unblock it, then run leadbot leads --retry all"), sink(Map.of()).deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void anEndedSubscriptionAndARefusedLeadFailForGood() throws Exception {
        amo.failNext(Reply.json(402, "{\"title\":\"Payment Required\",\"status\":402}"),
                Reply.json(400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Request validation failed\",\"validation-errors\":"
                        + "[{\"request_id\":\"0\",\"errors\":[{\"code\":\"NotSupportedChoice\",\"path\":\"status_id\"}]}]}"));
        AmoCrmSink sink = sink(Map.of());

        assertEquals(new Delivery.Failed("amoCRM says the account's subscription has ended (402 Payment Required); renew it, then run"
                + " leadbot leads --retry all"), sink.deliver(SinkFixtures.LEAD, 1));
        assertTrue(((Delivery.Failed) sink.deliver(SinkFixtures.LEAD, 1)).reason().startsWith("amoCRM refused the lead (400): Request"
                + " validation failed [{\"request_id\":\"0\",\"errors\":[{\"code\":\"NotSupportedChoice\",\"path\":\"status_id\"}]}]"));
    }

    @Test
    void aRetryAfterATimeoutFindsTheLeadAlreadyCreatedAndDoesNotCreateItAgain() throws Exception {
        AmoCrmSink sink = sink(Map.of());
        amo.server.holdNextAnswer();

        Delivery first = sink.deliver(SinkFixtures.LEAD, 1);
        amo.server.release();
        Delivery second = sink.deliver(SinkFixtures.LEAD, 2);

        assertEquals(new Delivery.RetryLater(Optional.empty(),
                "amoCRM gave no answer within 2 s; the lead is looked up before it is created again"), first);
        assertEquals(new Delivery.Delivered(Optional.of("lead 10000000")), second);
        assertEquals(1, amo.leads().size());
        assertEquals("/api/v4/leads", amo.server.requests().get(1).path());
        assertEquals("query=6f1c2d3e&limit=50", amo.server.requests().get(1).query());
    }

    @Test
    void aBurstOfFiftyLeadsNeverMakesMoreThanSevenRequestsInAnySecond() throws Exception {
        AmoCrmSink sink = sink(Map.of());

        for (int i = 0; i < 50; i++) {
            assertTrue(sink.deliver(SinkFixtures.lead(i), 1) instanceof Delivery.Delivered);
        }

        assertEquals(100, amo.server.requests().size());
        assertTrue(amo.server.neverMoreThanPerSecond(7));
        assertTrue(!amo.server.neverMoreThanPerSecond(6), "the limit is used, not undercut");
        assertEquals(50, amo.leads().size());
    }

    @Test
    void theCheckReadsTheAccountAndAWrongTokenSaysWhatToDo() throws Exception {
        assertEquals(new SinkCheck.Passed("amoCRM account 'Кофейни Анны' (id 30000001) reached; the token works"), sink(Map.of()).check());
        assertEquals(new SinkCheck.Failed("amoCRM refused the token (401 Unauthorized): make a new long-lived token (Settings → Integrations"
                + " → your integration → Keys and access) and put it in the sink's token, then run leadbot leads --retry all"),
                sink(Map.of("token", "wrong")).check());
    }
}
