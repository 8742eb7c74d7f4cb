package dev.leadbot.sink.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.VirtualTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Bitrix24SinkTest {

    private final VirtualTime time = new VirtualTime();
    private final FakeBitrix24 bitrix = new FakeBitrix24(time::now);

    Bitrix24SinkTest() throws Exception {
    }

    @AfterEach
    void stop() {
        bitrix.close();
    }

    private Bitrix24Sink sink(String code) throws Exception {
        return Bitrix24Sink.from(new SinkSettings("bitrix24", "b24", "leadbot.yaml:9:5", Map.of("webhook_url", bitrix.webhook(code)),
                Map.of("UF_CRM_SPHERE", "role")), time.setup(Duration.ofSeconds(2)));
    }

    @Test
    void aLeadIsAddedWithItsContactsAnswersSourceAndOrigin() throws Exception {
        Delivery outcome = sink(FakeBitrix24.CODE).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Delivered(Optional.of("lead 101")), outcome);
        assertEquals(new ObjectMapper().readTree("""
                {"TITLE": "Telegram: Анна (qualification, 50)",
                 "COMMENTS": "role: 👨‍💼 Я владелец бизнеса\\nfeatures: CRM и Google Таблицы\\nconcept: Бот, \\"умный\\",\\nс <b>тегами</b>\\nTelegram: @anna_k\\nТеги: owner, hot",
                 "SOURCE_ID": "OTHER", "SOURCE_DESCRIPTION": "Telegram-бот leadbot, поток qualification", "UTM_SOURCE": "vk_ads",
                 "ORIGINATOR_ID": "leadbot", "ORIGIN_ID": "6f1c2d3e-0000-4000-8000-000000000001",
                 "UF_CRM_SPHERE": "👨‍💼 Я владелец бизнеса",
                 "NAME": "Анна", "PHONE": [{"VALUE": "+79161234567", "VALUE_TYPE": "WORK"}]}"""), bitrix.created("lead").get(0));
        assertEquals("/rest/1/" + FakeBitrix24.CODE + "/crm.lead.add.json", bitrix.server.requests().get(1).path());
    }

    @Test
    void aPartialLeadSaysSoInItsTitleAndWhereItStoppedAtTheTopOfItsComments() throws Exception {
        sink(FakeBitrix24.CODE).deliver(SinkFixtures.PARTIAL, 1);
        sink(FakeBitrix24.CODE).deliver(SinkFixtures.COMPLETING, 1);

        JsonNode partial = bitrix.created("lead").get(0);
        assertEquals("Неполная заявка, Telegram: Анна (qualification, 50)", partial.path("TITLE").asText());
        assertTrue(partial.path("COMMENTS").asText().startsWith("⏸ Неполная заявка: клиент замолчал на вопросе «Как вам удобнее"
                + " связаться?»\nrole: "), partial.toString());
        JsonNode completing = bitrix.created("lead").get(1);
        assertEquals("Telegram: Анна (qualification, 50)", completing.path("TITLE").asText());
        assertTrue(completing.path("COMMENTS").asText().startsWith("✅ Дополняет неполную заявку " + SinkFixtures.PARTIAL.id()
                + "\nrole: "), completing.toString());
    }

    @Test
    void aPortalInSimpleModeGetsAContactAndADeal() throws Exception {
        bitrix.mode(2);

        Delivery outcome = sink(FakeBitrix24.CODE).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Delivered(Optional.of("deal 101")), outcome);
        assertEquals("101", bitrix.created("deal").get(0).path("CONTACT_ID").asText());
        assertEquals("Анна", bitrix.created("contact").get(0).path("NAME").asText());
        assertEquals(0, bitrix.created("lead").size());
    }

    @Test
    void busyPortalsAndServerErrorsAreRetriedLater() throws Exception {
        Bitrix24Sink sink = sink(FakeBitrix24.CODE);
        bitrix.failNext(Reply.json(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}"));
        assertEquals(new Delivery.RetryLater(Optional.empty(), "Bitrix24 is busy (QUERY_LIMIT_EXCEEDED): Too many requests"),
                sink.deliver(SinkFixtures.LEAD, 1));
        bitrix.failNext(Reply.json(200, "{\"result\":1}"), Reply.json(503, "{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":"
                + "\"Method is blocked due to operation time limit.\"}"));
        assertEquals(new Delivery.RetryLater(Optional.empty(), "Bitrix24 is busy (OPERATION_TIME_LIMIT): Method is blocked due to operation"
                + " time limit."), sink.deliver(SinkFixtures.LEAD, 2));
        bitrix.failNext(Reply.json(502, "<html>Bad Gateway</html>"));
        assertEquals(new Delivery.RetryLater(Optional.empty(), "Bitrix24 answered 502"), sink.deliver(SinkFixtures.LEAD, 3));
        assertEquals(new Delivery.Delivered(Optional.of("lead 101")), sink.deliver(SinkFixtures.LEAD, 4));
        assertEquals(1, bitrix.created("lead").size());
    }

    @Test
    void permanentErrorsFailForGoodSayingWhatToDo() throws Exception {
        String then = ", then run leadbot leads --retry all";
        assertEquals(new Delivery.Failed("Bitrix24 refused the webhook (INVALID_CREDENTIALS): it was deleted or its code changed; make a new"
                + " incoming webhook (Developer resources → Other → Incoming webhook) with the crm scope and put its URL in webhook_url" + then),
                sink("wrong-code").deliver(SinkFixtures.LEAD, 1));
        Bitrix24Sink sink = sink(FakeBitrix24.CODE);
        bitrix.failNext(Reply.json(401, "{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher privileges\"}"));
        assertEquals(new Delivery.Failed("the incoming webhook lacks the CRM scope (insufficient_scope): edit it in Bitrix24 and tick CRM (crm)"
                + then), sink.deliver(SinkFixtures.LEAD, 1));
        bitrix.failNext(Reply.json(403, "{\"error\":\"ACCESS_DENIED\",\"error_description\":\"REST API is available only on commercial plans\"}"));
        assertEquals(new Delivery.Failed("Bitrix24 denied access (ACCESS_DENIED): REST is not available on the free plan, or the webhook's"
                + " user may not add to the CRM; move to a paid plan or use an administrator's webhook" + then), sink.deliver(SinkFixtures.LEAD, 1));
        bitrix.failNext(Reply.json(503, "{\"error\":\"OVERLOAD_LIMIT\",\"error_description\":\"REST API is blocked due to overload.\"}"));
        assertEquals(new Delivery.Failed("Bitrix24 has blocked REST for this portal after overload (OVERLOAD_LIMIT); ask Bitrix24 support to"
                + " lift the block" + then), sink.deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void aRetryAfterATimeoutFindsTheLeadByItsOriginAndDoesNotAddItAgain() throws Exception {
        Bitrix24Sink sink = sink(FakeBitrix24.CODE);
        sink.check(); // the portal's mode is known before the lead is sent
        bitrix.server.holdNextAnswer();

        Delivery first = sink.deliver(SinkFixtures.LEAD, 1);
        bitrix.server.release();
        Delivery second = sink.deliver(SinkFixtures.LEAD, 2);

        assertEquals(new Delivery.RetryLater(Optional.empty(),
                "Bitrix24 gave no answer within 2 s; the lead is looked up before it is created again"), first);
        assertEquals(new Delivery.Delivered(Optional.of("lead 101")), second);
        assertEquals(1, bitrix.created("lead").size());
        assertEquals("/rest/1/" + FakeBitrix24.CODE + "/crm.lead.add.json", bitrix.server.requests().get(2).path());
        assertEquals("/rest/1/" + FakeBitrix24.CODE + "/crm.lead.list.json", bitrix.server.requests().get(3).path());
    }

    @Test
    void theCheckReadsTheProfileAndTheCrmMode() throws Exception {
        assertEquals(new SinkCheck.Passed("Bitrix24 reached as Анна Ким; CRM in classic mode: each lead becomes a lead"),
                sink(FakeBitrix24.CODE).check());
        assertEquals(SinkCheck.Failed.class, sink("wrong-code").check().getClass());
    }

    @Test
    void aBurstOfFiftyLeadsNeverMakesMoreThanTwoRequestsInAnySecond() throws Exception {
        Bitrix24Sink sink = sink(FakeBitrix24.CODE);

        for (int i = 0; i < 50; i++) {
            assertEquals(Delivery.Delivered.class, sink.deliver(SinkFixtures.lead(i), 1).getClass());
        }

        assertEquals(51, bitrix.server.requests().size());
        assertEquals(true, bitrix.server.neverMoreThanPerSecond(2));
        assertEquals(50, bitrix.created("lead").size());
    }
}
