package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.telegram.fake.FakeBotApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class PollingFailuresTest {

    private static final String TOKEN = "110201543:test-token-not-real";

    @Test
    void aFailedPollIsOneLineWithTheBotApisWordsAndNoToken() throws IOException {
        try (FakeHttpServer api = new FakeHttpServer(); CapturedLog log = new CapturedLog()) {
            api.handle(request -> Reply.json(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"));
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new PollingFailures(TOKEN, () -> { })).build();

            try (Response response = http.newCall(new Request.Builder().url(api.url("/bot" + TOKEN + "/getUpdates").toString()).build())
                    .execute()) {
                assertEquals(502, response.code());
                assertTrue(response.body().string().contains("Bad Gateway"), "the body is still there for the library");
            }

            List<String> lines = log.lines("PollingFailures");
            assertEquals(1, lines.size(), log.lines().toString());
            assertTrue(lines.get(0).endsWith("[WARN] PollingFailures - getUpdates failed: 502 Bad Gateway; polling again shortly"), lines.get(0));
        }
    }

    /** What the failover test relies on: a live poller whose poll another ended reads Telegram's 409 and says so. */
    @Test
    void aPollEndedByAnotherPollOfTheSameTokenIsLoggedWithTelegramsConflict() throws Exception {
        try (FakeBotApi api = new FakeBotApi(); CapturedLog log = new CapturedLog()) {
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new PollingFailures(FakeBotApi.TOKEN, () -> { }))
                    .readTimeout(java.time.Duration.ofSeconds(60)).build();
            Request poll = new Request.Builder().url(api.url() + "/bot" + FakeBotApi.TOKEN + "/getUpdates")
                    .post(RequestBody.create("{\"timeout\":20}", MediaType.get("application/json"))).build();
            CompletableFuture<Integer> older = CompletableFuture.supplyAsync(() -> {
                try (Response response = http.newCall(poll).execute()) {
                    return response.code();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            api.awaitState(() -> api.lastPolledThrough().isPresent());
            Call newer = http.newCall(poll);
            newer.enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                }

                @Override
                public void onResponse(Call call, Response response) {
                    response.close();
                }
            });

            assertEquals(409, older.get(30, TimeUnit.SECONDS));
            newer.cancel();
            assertEquals(List.of("[WARN] PollingFailures - getUpdates failed: 409 Conflict: terminated by other getUpdates request; make"
                    + " sure that only one bot instance is running; polling again shortly"),
                    log.lines("PollingFailures").stream().map(line -> line.substring(line.indexOf("[WARN]"))).toList());
        }
    }

    @Test
    void aPollCancelledAtShutdownIsNotAFailure() throws IOException {
        try (FakeHttpServer api = new FakeHttpServer(); CapturedLog log = new CapturedLog()) {
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new PollingFailures(TOKEN, () -> { })).build();
            Call call = http.newCall(new Request.Builder().url(api.url("/bot" + TOKEN + "/getUpdates").toString()).build());
            call.cancel();

            assertThrows(IOException.class, call::execute);

            assertEquals(List.of(), log.lines("PollingFailures"));
        }
    }
}
