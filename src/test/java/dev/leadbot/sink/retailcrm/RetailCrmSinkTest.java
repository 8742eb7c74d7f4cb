package dev.leadbot.sink.retailcrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.VirtualTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetailCrmSinkTest {

    private final VirtualTime time = new VirtualTime();
    private final FakeRetailCrm retail = new FakeRetailCrm(time::now);

    RetailCrmSinkTest() throws Exception {
    }

    @AfterEach
    void stop() {
        retail.close();
    }

    private RetailCrmSink sink(Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("base_url", retail.server.url("").toString(), "api_key", FakeRetailCrm.KEY,
                "site", "main-shop"));
        values.putAll(extra);
        return RetailCrmSink.from(new SinkSettings("retailcrm", "shop", "leadbot.yaml:14:5", values, Map.of("sphere", "role")),
                time.setup(Duration.ofSeconds(2)));
    }

    @Test
    void aLeadBecomesAnOrderFormEncodedWithTheLeadIdAsExternalId() throws Exception {
        Delivery outcome = sink(Map.of()).deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Delivered(Optional.of("order 501")), outcome);
        assertEquals("main-shop", retail.forms().get(0).get("site"));
        assertEquals(new ObjectMapper().readTree("""
                {"externalId": "6f1c2d3e-0000-4000-8000-000000000001", "firstName": "Анна", "phone": "+79161234567",
                 "customerComment": "role: 👨‍💼 Я владелец бизнеса\\nfeatures: CRM и Google Таблицы\\nconcept: Бот, \\"умный\\",\\nс <b>тегами</b>\\nTelegram: @anna_k",
                 "source": {"source": "telegram", "campaign": "vk_ads"},
                 "customFields": {"sphere": "👨‍💼 Я владелец бизнеса"}}"""), retail.orders().get(0));
    }

    @Test
    void aPartialLeadAndItsCompletionSayWhatTheyAreAtTheTopOfTheComment() throws Exception {
        sink(Map.of()).deliver(SinkFixtures.PARTIAL, 1);
        sink(Map.of()).deliver(SinkFixtures.COMPLETING, 1);

        assertTrue(retail.orders().get(0).path("customerComment").asText().startsWith("⏸ Неполная заявка: клиент замолчал на"
                + " вопросе «Как вам удобнее связаться?»\nrole: "), retail.orders().get(0).toString());
        assertTrue(retail.orders().get(1).path("customerComment").asText().startsWith("✅ Дополняет неполную заявку "
                + SinkFixtures.PARTIAL.id() + "\nrole: "), retail.orders().get(1).toString());
    }

    @Test
    void aRetryAfterATimeoutFindsTheOrderByExternalIdAndDoesNotCreateItAgain() throws Exception {
        RetailCrmSink sink = sink(Map.of());
        retail.server.holdNextAnswer();

        Delivery first = sink.deliver(SinkFixtures.LEAD, 1);
        retail.server.release();
        Delivery second = sink.deliver(SinkFixtures.LEAD, 2);

        assertEquals(new Delivery.RetryLater(Optional.empty(),
                "RetailCRM gave no answer within 2 s; the lead is looked up before it is created again"), first);
        assertEquals(new Delivery.Delivered(Optional.of("order 501")), second);
        assertEquals(1, retail.orders().size());
        assertEquals("by=externalId&site=main-shop", retail.server.requests().get(1).query());
    }

    @Test
    void aRetryThatFindsNothingCreatesTheOrder() throws Exception {
        assertEquals(new Delivery.Delivered(Optional.of("order 501")), sink(Map.of()).deliver(SinkFixtures.LEAD, 2));
        assertEquals(1, retail.orders().size());
    }

    @Test
    void limitsAndServerErrorsAreRetriedLater() throws Exception {
        retail.failNext(Reply.json(429, "{\"success\":false,\"errorMsg\":\"Limit of requests exceeded\"}").with("Retry-After", "1"),
                Reply.json(500, "{\"success\":false,\"errorMsg\":\"Internal error\"}"));
        RetailCrmSink sink = sink(Map.of());

        assertEquals(new Delivery.RetryLater(Optional.of(Duration.ofSeconds(1)), "RetailCRM asks to slow down (429 Too Many Requests)"),
                sink.deliver(SinkFixtures.LEAD, 1));
        assertEquals(new Delivery.RetryLater(Optional.empty(), "RetailCRM answered 500: {\"success\":false,\"errorMsg\":\"Internal error\"}"),
                sink.deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void aWrongKeyAndARefusedOrderFailForGood() throws Exception {
        assertEquals(new Delivery.Failed("RetailCRM refused the API key (403 Wrong \"apiKey\" value.): make a key in Settings → Integration →"
                + " API access keys with the order_write permission, then run leadbot leads --retry all"),
                sink(Map.of("api_key", "wrong")).deliver(SinkFixtures.LEAD, 1));
        retail.failNext(Reply.json(400, "{\"success\":false,\"errorMsg\":\"Order is not loaded\",\"errors\":{\"site\":\"Site is not found\"}}"));
        assertEquals(new Delivery.Failed("RetailCRM refused the order (400): Order is not loaded {\"site\":\"Site is not found\"}; check 'site'"
                + " and 'fields', then run leadbot leads --retry all"), sink(Map.of()).deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void theCheckReadsTheKeysPermissions() throws Exception {
        assertEquals(new SinkCheck.Passed("RetailCRM reached; the API key may create orders in store main-shop"), sink(Map.of()).check());
        assertEquals(new SinkCheck.Failed("the API key works but lacks the customer_write permission; tick it for the key in Settings →"
                + " Integration → API access keys"), sink(Map.of("create", "customer")).check());
    }

    @Test
    void aBurstOfFiftyLeadsNeverMakesMoreThanTenRequestsInAnySecond() throws Exception {
        RetailCrmSink sink = sink(Map.of());

        for (int i = 0; i < 50; i++) {
            assertEquals(Delivery.Delivered.class, sink.deliver(SinkFixtures.lead(i), 1).getClass());
        }

        assertEquals(50, retail.server.requests().size());
        assertEquals(true, retail.server.neverMoreThanPerSecond(10));
        assertEquals(50, retail.orders().size());
    }
}
