package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leadbot.telegram.fake.FakeBotApi;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The first getMe of a start, tried again with backoff until the Bot API answers; the waits are recorded, never slept. */
class FirstContactTest {

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
    private final List<String> said = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Records each wait; the {@code tries}-th one calls the start off, as stopping the bot would. */
    private FirstContact.Pause givingUpAfter(int tries) {
        return wait -> {
            waits.add(wait);
            if (waits.size() == tries) {
                throw new InterruptedException("called off");
            }
        };
    }

    private BotApi api(URI url) {
        return new BotApi(new OkHttpTelegramClient(http, FakeBotApi.TOKEN, new TelegramUrl(url.getScheme(), url.getHost(), url.getPort(),
                false)), FakeBotApi.TOKEN);
    }

    @Test
    void aRefusedConnectionIsSaidSoAndTriedAgainWithGrowingWaits() throws Exception {
        int port;
        try (ServerSocket closedAtOnce = new ServerSocket(0)) {
            port = closedAtOnce.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);

        assertThrows(InterruptedException.class, () -> FirstContact.username(api(url), url, givingUpAfter(3), said::add));

        String cause = "cannot reach the Bot API at " + url + " (connection refused by 127.0.0.1:" + port
                + "; is the address right, or a firewall in the way?); trying again in ";
        assertEquals(List.of(cause + "1 s, try 2", cause + "2 s, try 3", cause + "4 s, try 4"), said);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    }

    @Test
    void aSilentBotApiIsATimeout() throws Exception {
        // Connections are taken into the backlog and never answered.
        try (ServerSocket silent = new ServerSocket(0)) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort());

            assertThrows(InterruptedException.class, () -> FirstContact.username(api(url), url, givingUpAfter(1), said::add));

            assertEquals(List.of("cannot reach the Bot API at " + url + " (timeout: 127.0.0.1 did not answer in time; is a firewall or"
                    + " proxy swallowing the calls?); trying again in 1 s, try 2"), said);
        }
    }

    @Test
    void aNameThatDoesNotResolveIsADnsFailure() {
        URI url = URI.create("http://api.leadbot-test.invalid:8081");

        assertThrows(InterruptedException.class, () -> FirstContact.username(api(url), url, givingUpAfter(1), said::add));

        assertEquals(List.of("cannot reach the Bot API at " + url + " (DNS: the name api.leadbot-test.invalid does not resolve; is the"
                + " network up?); trying again in 1 s, try 2"), said);
    }

    @Test
    void theBotStartsOnceTheBotApiAnswersAgain() throws Exception {
        try (FakeBotApi fake = new FakeBotApi()) {
            fake.failNext(2, 502);

            String username = FirstContact.username(api(fake.url()), fake.url(), givingUpAfter(10), said::add);

            assertEquals("test_lead_bot", username);
            String cause = "cannot reach the Bot API at " + fake.url() + " (the Bot API answered 502 Bad Gateway); trying again in ";
            assertEquals(List.of(cause + "1 s, try 2", cause + "2 s, try 3"), said);
        }
    }

    @Test
    void aRevokedTokenEndsTheStartAtOnce() throws Exception {
        try (FakeBotApi fake = new FakeBotApi()) {
            fake.revoke();

            TelegramApiRequestException refused = assertThrows(TelegramApiRequestException.class,
                    () -> FirstContact.username(api(fake.url()), fake.url(), givingUpAfter(10), said::add));

            assertEquals(401, refused.getErrorCode());
            assertEquals(List.of(), said);
            assertEquals(List.of(), waits);
        }
    }
}
