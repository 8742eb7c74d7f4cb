package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.telegram.fake.FakeBotApi;
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
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", "target/leadbot.jar", "run")
                .redirectOutput(dir.resolve("out.log").toFile()).redirectError(dir.resolve("err.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LEADBOT_") || key.equals("TELEGRAM_BOT_TOKEN"));
        // Each run gets its own database: a stored polling offset would make a fresh fake's update ids look handled already.
        builder.environment().put("LEADBOT_DB", dir.resolve("data/leadbot.db").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("out.log")) + Files.readString(dir.resolve("err.log"));
    }

    @Test
    void theBotAnswersAProspectAndStopsCleanlyOnSigterm() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.startedEarlier(1000);
            Process bot = start(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "LEADBOT_TELEGRAM_API_URL", api.url().toString(),
                    "LEADBOT_OWNER_CHAT_IDS", "1000", "LEADBOT_LEADS_FILE", dir.resolve("data/leads.jsonl").toString()));
            try {
                api.user(42, "Anna").send("/start site");
                api.await(42, messages -> messages.size() >= 2);
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
}
