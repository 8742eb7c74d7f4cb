package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.leadbot.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/** Each Bot API answer, in Telegram's real error shapes, sorted into what the outbox does next. */
class BotApiTest {

    private FakeBotApi fake;
    private OkHttpClient http;
    private BotApi api;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBotApi();
        http = new OkHttpClient();
        TelegramUrl url = new TelegramUrl("http", "127.0.0.1", fake.url().getPort(), false);
        api = new BotApi(new OkHttpTelegramClient(http, FakeBotApi.TOKEN, url), FakeBotApi.TOKEN);
    }

    @AfterEach
    void stop() {
        fake.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static SendMessage hello(long chat) {
        return SendMessage.builder().chatId(chat).text("hello").parseMode("HTML").build();
    }

    @Test
    void aSentMessageReportsItsId() {
        assertEquals(new CallResult.Done(Optional.of(1)), api.call(hello(5)));
    }

    @Test
    void notModifiedCountsAsDone() {
        api.call(hello(5));

        CallResult again = api.call(EditMessageText.builder().chatId(5L).messageId(1).text("hello").parseMode("HTML").build());

        assertEquals(new CallResult.Done(Optional.empty()), again);
    }

    @Test
    void tooManyRequestsCarriesTheWait() {
        fake.rateLimitNext(1);

        assertEquals(new CallResult.RetryAfter(Duration.ofSeconds(1)), api.call(hello(5)));
    }

    @Test
    void aServerErrorIsWorthRetrying() {
        fake.failNext(1, 502);

        assertInstanceOf(CallResult.Transient.class, api.call(hello(5)));
    }

    @Test
    void aBlockedChatIsBlocked() {
        fake.block(5);

        assertEquals(new CallResult.Blocked("Forbidden: bot was blocked by the user"), api.call(hello(5)));
    }

    @Test
    void badHtmlIsRejectedForGood() {
        CallResult result = api.call(SendMessage.builder().chatId(5L).text("<b>bold").parseMode("HTML").build());

        assertInstanceOf(CallResult.Rejected.class, result);
    }

    @Test
    void noReasonEverContainsTheToken() {
        fake.close();

        CallResult result = api.call(hello(5));

        assertInstanceOf(CallResult.Transient.class, result);
        assertFalse(result.toString().contains(FakeBotApi.TOKEN), result.toString());
    }
}
