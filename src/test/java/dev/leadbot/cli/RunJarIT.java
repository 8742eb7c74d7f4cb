package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.BotProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leadbot run} as deployed: the packaged jar in its own process, against the fake Bot API. */
class RunJarIT {

    @TempDir
    Path dir;

    private Process start(Map<String, String> env) throws IOException {
        return BotProcess.start(dir, "", env);
    }

    private String output() throws IOException {
        return BotProcess.output(dir, "");
    }

    @Test
    void theBotAnswersAProspectAndStopsCleanlyOnSigterm() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.startedEarlier(1000);
            Process bot = start(BotProcess.against(api, dir));
            try {
                api.user(42, "Anna").send("/start site");
                api.await(42, messages -> messages.size() == 1 && messages.get(0).text().contains("какой вариант вас лучше описывает?"));
                assertTrue(Files.exists(dir.resolve("data/heartbeat")));
            } finally {
                bot.destroy();
            }

            assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "the bot did not stop on SIGTERM");
            String output = output();
            assertTrue(output.contains("@test_lead_bot is running"), output);
            assertTrue(output.contains("bot=@test_lead_bot stopped"), output);
            assertFalse(output.contains(FakeBotApi.TOKEN.substring(10)), "the token is in the output");
            assertEquals(List.of("start", "back", "restart", "forget"), api.commands());
        }
    }

    @Test
    void withoutATokenItRefusesToStartAndSaysWhereToGetOne() throws Exception {
        Process bot = start(Map.of());

        assertTrue(bot.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, bot.exitValue());
        assertTrue(output().contains("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather"), output());
    }

    @Test
    void aTokenTelegramRefusesIsReportedWithoutBeingPrinted() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            String wrong = "9876543:AAWrongTokenWrongTokenWrongToken_xyz";
            Process bot = start(Map.of("TELEGRAM_BOT_TOKEN", wrong, "LEADBOT_TELEGRAM_API_URL", api.url().toString()));

            assertTrue(bot.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, bot.exitValue());
            assertTrue(output().contains("Telegram refused the token (401 Unauthorized); check TELEGRAM_BOT_TOKEN"), output());
            assertFalse(output().contains("WrongToken"), output());
        }
    }

    @Test
    void aSinkDeclaredInTheSettingsFileReceivesTheLeadSigned() throws Exception {
        try (FakeBotApi api = new FakeBotApi(); FakeHttpServer hook = new FakeHttpServer()) {
            hook.handle(request -> FakeHttpServer.Reply.json(204, ""));
            Files.writeString(dir.resolve("leadbot.yaml"), "sinks:\n  - type: webhook\n    name: n8n\n    url: " + hook.url("/leads")
                    + "\n    secret: ${HOOK_SECRET}\n");
            Map<String, String> env = new java.util.HashMap<>(BotProcess.against(api, dir));
            env.put("HOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            api.startedEarlier(1000);
            Process bot = start(env);
            try {
                FakeUser user = api.user(43, "Klient");
                BotProcess.ownerPath(api, user, "/start site");
                api.awaitState(() -> hook.requests().size() == 1);
            } finally {
                bot.destroy();
                bot.waitFor(60, TimeUnit.SECONDS);
            }

            FakeHttpServer.Request request = hook.requests().get(0);
            assertTrue(request.header("webhook-signature").startsWith("v1,"), request.headers().toString());
            assertTrue(request.body().contains("\"source\":\"site\""), request.body());
            assertFalse(output().contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "the secret is in the output");
        }
    }
}
