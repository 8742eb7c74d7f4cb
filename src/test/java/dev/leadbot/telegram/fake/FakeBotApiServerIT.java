package dev.leadbot.telegram.fake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.testing.BotProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's way to try a bot without Telegram: the fake served as a program, the packaged jar run against it, a prospect typing. */
class FakeBotApiServerIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBotAnswersWhatIsTypedIntoTheFakeAndAPressByNumberPicksThatButton() throws Exception {
        try (FakeBotApiServer server = new FakeBotApiServer(0, "ru", out)) {
            FakeBotApi api = server.api();
            long chat = server.prospectChat();
            Process bot = BotProcess.start(dir, "", Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                    "LEADBOT_TELEGRAM_API_URL", api.url().toString(), "LEADBOT_OWNER_CHAT_IDS", String.valueOf(FakeBotApiServer.OWNER),
                    "LEADBOT_LEADS_FILE", dir.resolve("data/leads.jsonl").toString()));
            try {
                server.handle("/start");
                List<BotMessage> question = api.await(chat, all -> all.stream().anyMatch(m -> m.text().contains("какой вариант")));
                List<String> labels = question.get(question.size() - 1).buttons();
                int owner = labels.indexOf("👨‍💼 Я владелец бизнеса / предприниматель") + 1;
                assertTrue(printed().contains("--- bot to you ---"), printed());
                assertTrue(printed().contains("\n  [" + owner + "] 👨‍💼 Я владелец бизнеса / предприниматель"), printed());

                server.handle("[" + owner + "]");
                api.await(chat, all -> all.stream().anyMatch(m -> m.text().contains("В какой сфере")));
                assertTrue(printed().contains("В какой сфере"), printed());
            } finally {
                bot.destroy();
            }
            assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "the bot did not stop on SIGTERM");
            assertTrue(BotProcess.output(dir, "").contains("@test_lead_bot is running"), BotProcess.output(dir, ""));
        }
    }
}
