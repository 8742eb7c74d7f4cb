package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.testing.CapturedLog;
import java.io.IOException;
import java.util.List;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
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
