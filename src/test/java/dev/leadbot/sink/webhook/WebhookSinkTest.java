package dev.leadbot.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.RequestRate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:03:00Z"), ZoneOffset.UTC);

    private final FakeHttpServer receiver = new FakeHttpServer();

    WebhookSinkTest() throws Exception {
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookSink sink() throws InvalidSinkException {
        SinkSettings settings = new SinkSettings("webhook", "n8n", "leadbot.yaml:3:5",
                Map.of("url", receiver.url("/hooks/leads").toString(), "secret", SECRET), Map.of());
        return WebhookSink.from(settings, new HttpCalls(HttpCalls.client(), Duration.ofSeconds(2), RequestRate.unlimited()), CLOCK);
    }

    @Test
    void aLeadIsPostedAsJsonWithASignatureAnIndependentVerifierAccepts() throws Exception {
        receiver.handle(request -> Reply.json(204, ""));

        assertEquals(new Delivery.Delivered(Optional.empty()), sink().deliver(SinkFixtures.LEAD, 1));

        FakeHttpServer.Request request = receiver.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/hooks/leads", request.path());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals(SinkFixtures.LEAD.id(), request.header("webhook-id"));
        assertEquals("1795341780", request.header("webhook-timestamp"));
        assertTrue(request.body().startsWith("{\"type\":\"lead.completed\",\"timestamp\":\"2026-11-22T10:02:05Z\",\"data\":{\"id\":\""
                + SinkFixtures.LEAD.id() + "\""), request.body());
        assertTrue(new StandardWebhooksVerifier(SECRET).verify(request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body(), CLOCK.instant().getEpochSecond()));
        assertTrue(!new StandardWebhooksVerifier(SECRET).verify(request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body() + " ", CLOCK.instant().getEpochSecond()), "a changed body fails");
    }

    @Test
    void aPartialLeadIsALeadPartialEventWithWhereItStoppedAndItsCompletionNamesIt() throws Exception {
        receiver.handle(request -> Reply.json(204, ""));

        sink().deliver(SinkFixtures.PARTIAL, 1);
        sink().deliver(SinkFixtures.COMPLETING, 1);

        String partial = receiver.requests().get(0).body();
        assertTrue(partial.startsWith("{\"type\":\"lead.partial\",\"timestamp\":\"2026-11-22T11:02:05Z\""), partial);
        assertTrue(partial.endsWith(",\"partial\":true,\"stopped_at\":{\"node\":\"channel\",\"question\":\"Как вам удобнее связаться?\"}}}"),
                partial);
        String completing = receiver.requests().get(1).body();
        assertTrue(completing.startsWith("{\"type\":\"lead.completed\""), completing);
        assertTrue(completing.endsWith(",\"completes\":\"" + SinkFixtures.PARTIAL.id() + "\"}}"), completing);
    }

    @Test
    void aRedirectIsNotFollowedAndNotSuccess() throws Exception {
        receiver.handle(request -> Reply.json(302, "").with("Location", receiver.url("/elsewhere").toString()));

        Delivery outcome = sink().deliver(SinkFixtures.LEAD, 1);

        assertEquals(new Delivery.Failed("the endpoint answered 302 (a redirect, not followed for a POST); put the final URL in leadbot.yaml"),
                outcome);
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void aServerErrorIsRetriedAfterItsRetryAfter() throws Exception {
        receiver.handle(request -> Reply.json(503, "{\"error\":\"maintenance\"}").with("Retry-After", "120"));

        assertEquals(new Delivery.RetryLater(Optional.of(Duration.ofSeconds(120)), "the webhook answered 503: {\"error\":\"maintenance\"}"),
                sink().deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void aClientErrorOtherThanAuthIsRetriedToo() throws Exception {
        receiver.handle(request -> Reply.json(422, "{\"error\":\"bad\"}"));

        assertEquals(new Delivery.RetryLater(Optional.empty(), "the endpoint answered 422: {\"error\":\"bad\"}"),
                sink().deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void goneTurnsTheSinkOffWithoutFurtherRequests() throws Exception {
        receiver.handle(request -> Reply.json(410, ""));
        WebhookSink sink = sink();

        Delivery first = sink.deliver(SinkFixtures.LEAD, 1);
        Delivery second = sink.deliver(SinkFixtures.lead(2), 1);

        assertTrue(((Delivery.Failed) first).reason().startsWith("the endpoint answered 410 Gone"), first.toString());
        assertEquals(new Delivery.Failed("the endpoint answered 410 Gone earlier; the sink is off until leadbot restarts"), second);
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void noAnswerInTimeIsRetriedLater() throws Exception {
        receiver.handle(request -> Reply.json(200, "{}"));
        receiver.holdNextAnswer();

        assertEquals(new Delivery.RetryLater(Optional.empty(),
                "the webhook gave no answer within 2 s; the lead is looked up before it is created again"), sink().deliver(SinkFixtures.LEAD, 1));
    }

    @Test
    void aSecretThatIsNotWhsecIsRefusedWithoutBeingEchoed() {
        SinkSettings settings = new SinkSettings("webhook", "n8n", "leadbot.yaml:3:5",
                Map.of("url", "ftp://example.com", "secret", "hunter2-secret"), Map.of());

        InvalidSinkException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSinkException.class,
                () -> WebhookSink.from(settings, new HttpCalls(HttpCalls.client(), Duration.ofSeconds(2), RequestRate.unlimited()), CLOCK));

        assertEquals(List.of("leadbot.yaml:3:5: sink 'n8n' (webhook): 'url' must be an http or https URL such as https://hooks.example.com/leads",
                "leadbot.yaml:3:5: sink 'n8n' (webhook): 'secret' must be whsec_ followed by base64 (at least 24 bytes), as Standard Webhooks"
                        + " tools generate it"), e.problems());
        assertTrue(!e.getMessage().contains("hunter2"));
    }
}
