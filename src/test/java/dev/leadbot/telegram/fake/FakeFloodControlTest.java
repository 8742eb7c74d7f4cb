package dev.leadbot.telegram.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Bot API's flood control, on a stopped clock: which calls Telegram would take, and which it answers 429. */
class FakeFloodControlTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeBotApi();
        api.floodClock(() -> 42L);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode call(String method, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + "/bot" + FakeBotApi.TOKEN + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return FakeBotApi.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The error code of each send, 0 for one taken. */
    private List<Integer> send(long chat, int times) throws IOException, InterruptedException {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            codes.add(call("sendMessage", "{\"chat_id\": " + chat + ", \"text\": \"m" + i + "\"}").path("error_code").asInt());
        }
        return codes;
    }

    @Test
    void aChatInConversationTakesABurstOfFiveThenA429WithRetryAfter() throws Exception {
        api.user(7, "Anna").send("hi");

        assertEquals(List.of(0, 0, 0, 0, 0, 429), send(7, 6));
        JsonNode refused = call("sendMessage", "{\"chat_id\": 7, \"text\": \"more\"}");
        assertEquals("Too Many Requests: retry after 1", refused.path("description").asText());
        assertEquals(1, refused.path("parameters").path("retry_after").asInt());
    }

    @Test
    void editsSpendTheSameBudgetAsSends() throws Exception {
        api.user(7, "Anna").send("hi");
        send(7, 4);

        JsonNode edit = call("editMessageText", "{\"chat_id\": 7, \"message_id\": 2, \"text\": \"changed\"}");
        JsonNode next = call("editMessageText", "{\"chat_id\": 7, \"message_id\": 2, \"text\": \"changed again\"}");

        assertEquals(true, edit.path("ok").asBoolean(), edit.toString());
        assertEquals(429, next.path("error_code").asInt());
    }

    @Test
    void repliesToChatsInConversationHaveNoOverallCap() throws Exception {
        for (long chat = 1; chat <= 100; chat++) {
            api.user(chat, "Klient").send("hi");
        }
        List<Integer> codes = new ArrayList<>();
        for (long chat = 1; chat <= 100; chat++) {
            codes.addAll(send(chat, 3));
        }

        assertEquals(300, codes.stream().filter(code -> code == 0).count());
        assertEquals(0, api.rateLimited());
    }

    @Test
    void messagesToChatsThatHaveNotWrittenAreBulkAndCappedAtThirtyAcrossChats() throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (long chat = 1; chat <= 31; chat++) {
            codes.addAll(send(chat, 1));
        }

        assertEquals(30, codes.stream().filter(code -> code == 0).count());
        assertEquals(429, codes.get(30));
    }

    @Test
    void callbackAnswersAreNeverLimited() throws Exception {
        FakeUser user = api.user(7, "Anna");
        user.send("hi");
        send(7, 5);
        List<Boolean> answered = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String query = user.pressData(1, "x");
            answered.add(call("answerCallbackQuery", "{\"callback_query_id\": \"" + query + "\"}").path("ok").asBoolean());
        }

        assertEquals(20, answered.stream().filter(ok -> ok).count());
    }
}
