package dev.leadbot.cli;

import static dev.leadbot.testing.LeadFiles.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.BotProcess;
import dev.leadbot.testing.OwnerChat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged bot killed with SIGKILL mid-conversation and started again: nothing is lost, nothing doubled. */
class KillJarIT {

    @TempDir
    Path dir;

    private Process start(FakeBotApi api, int run) throws IOException {
        return BotProcess.start(dir, String.valueOf(run), BotProcess.against(api, dir));
    }

    @Test
    void chatsKilledMidwayResumeAtTheirQuestionAndEachFinishedChatMakesOneLeadAndOneSummary() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.startedEarlier(1000);
            List<FakeUser> users = IntStream.range(0, 3).mapToObj(i -> api.user(500 + i, "Klient")).toList();
            Process first = start(api, 1);
            try {
                for (FakeUser user : users) {
                    user.send("/start ads");
                    api.await(user.chatId(), all -> all.stream().anyMatch(m -> m.text().contains("какой вариант")));
                    BotProcess.press(api, user, "Я владелец бизнеса", "В какой сфере");
                    BotProcess.press(api, user, "B2B-компания", "Что для вас сейчас важнее всего?");
                }
            } finally {
                first.destroyForcibly();
                assertTrue(first.waitFor(60, TimeUnit.SECONDS));
            }

            Process second = start(api, 2);
            try {
                for (FakeUser user : users) {
                    BotProcess.press(api, user, "Квалифицировать входящие заявки", "Давайте обсудим");
                    BotProcess.press(api, user, "Продолжить", "Как к вам обращаться?");
                    BotProcess.send(api, user, "Клиент", "Как вам удобнее");
                    BotProcess.press(api, user, "Напишите мне в Telegram", "Когда вам удобно");
                    BotProcess.press(api, user, "Вечером", "Спасибо, Клиент!");
                }
                List<BotMessage> summaries = api.await(1000, all -> OwnerChat.leadsIn(all) >= 3);
                api.awaitState(() -> lines(dir.resolve("data/leads.jsonl")) >= 3);

                assertEquals(3, OwnerChat.leadsIn(summaries));
                for (BotMessage summary : summaries) {
                    assertTrue(summary.text().contains("• Сфера бизнеса: 🏢 B2B-компания"), summary.text());
                    assertTrue(summary.text().contains("📍 Источник: ads"), summary.text());
                }
                assertEquals(3, lines(dir.resolve("data/leads.jsonl")));
                for (FakeUser user : users) {
                    assertEquals(1, api.botMessages(user.chatId()).stream().filter(m -> m.text().contains("В какой сфере")).count());
                }
            } finally {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

}
