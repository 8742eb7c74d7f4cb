package dev.leadbot.telegram.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One long poll per token, as Telegram keeps it: a second getUpdates ends the waiting one with 409, and the fake counts it. */
class FakeLongPollTest {

    private static final String OTHER_TOKEN = "7000009:AAOtherTokenForLocalTestsOnly_abcdefghi";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeBotApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private CompletableFuture<HttpResponse<String>> poll(URI at, String token, int timeoutSeconds) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(at + "/bot" + token + "/getUpdates"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"timeout\":" + timeoutSeconds + "}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitWaiting(FakeBotApi bot, int polls) {
        bot.awaitState(() -> bot.calls().stream().filter(call -> call.equals("getupdates")).count() == polls);
    }

    @Test
    void aSecondPollOfOneTokenEndsTheWaitingOneWithTelegramsConflictAndTakesItsPlace() throws Exception {
        CompletableFuture<HttpResponse<String>> older = poll(api.entrance("first"), FakeBotApi.TOKEN, 20);
        // The fake notes the entrance as the poll starts to wait, under the lock it waits on.
        api.awaitState(() -> api.lastPolledThrough().equals(Optional.of("first")));
        CompletableFuture<HttpResponse<String>> newer = poll(api.entrance("second"), FakeBotApi.TOKEN, 20);

        HttpResponse<String> ended = older.get(30, TimeUnit.SECONDS);
        assertEquals(409, ended.statusCode());
        JsonNode answer = FakeBotApi.JSON.readTree(ended.body());
        assertEquals("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                answer.path("description").asText());
        assertEquals(409, answer.path("error_code").asInt());
        assertFalse(newer.isDone(), "the newer poll still waits");

        api.user(42, "Anna").send("/start");
        HttpResponse<String> served = newer.get(30, TimeUnit.SECONDS);
        assertEquals(200, served.statusCode());
        assertEquals("/start", FakeBotApi.JSON.readTree(served.body()).path("result").get(0).path("message").path("text").asText());
        assertEquals(List.of(new FakeBotApi.Conflict("first", "second")), api.conflicts());
        assertEquals(Optional.of("second"), api.lastPolledThrough());
    }

    @Test
    void pollsOneAfterTheOtherAndPollsOfDifferentBotsAtOnceAreNoConflict() throws Exception {
        FakeBotApi other = api.anotherBot(OTHER_TOKEN, "other_bot");
        assertEquals(200, poll(api.url(), FakeBotApi.TOKEN, 0).get(30, TimeUnit.SECONDS).statusCode());
        CompletableFuture<HttpResponse<String>> mine = poll(api.url(), FakeBotApi.TOKEN, 20);
        CompletableFuture<HttpResponse<String>> theirs = poll(api.url(), OTHER_TOKEN, 20);
        awaitWaiting(api, 2);
        awaitWaiting(other, 1);

        api.user(42, "Anna").send("/start");
        other.user(43, "Boris").send("/start");

        assertEquals(200, mine.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(200, theirs.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(List.of(), api.conflicts());
        assertEquals(List.of(), other.conflicts());
        assertEquals(Optional.of(FakeBotApi.URL), api.lastPolledThrough());
    }

    @Test
    void anEntranceKeepsItsAddressAndServesEveryBot() throws Exception {
        URI door = api.entrance("instance-a");
        assertEquals(door, api.entrance("instance-a"));
        FakeBotApi other = api.anotherBot(OTHER_TOKEN, "other_bot");

        assertEquals(200, poll(door, OTHER_TOKEN, 0).get(30, TimeUnit.SECONDS).statusCode());

        assertEquals(Optional.of("instance-a"), other.lastPolledThrough());
        assertEquals(Optional.empty(), api.lastPolledThrough());
    }
}
