package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.testing.OwnerChat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leadbot run} with several bots in the settings file, against one fake Bot API serving their tokens. */
class RunCommandTest {

    private static final String CAFE_TOKEN = "7000002:AACafeTokenForLocalTestsOnly_abcdefghijk";

    @TempDir
    Path dir;

    @Test
    void aBotWithAnInvalidFlowIsReportedToItsOwnerAndStoppedAloneWhileTheOtherRuns() throws Exception {
        Path good = dir.resolve("shop.yaml");
        Files.writeString(good, """
                start: role
                nodes:
                  role:
                    type: choice
                    text: Who are you?
                    options: [{id: owner, label: Owner}, {id: other, label: Someone else}]
                    next: bye
                  bye: {type: end, text: Thanks}
                """);
        Path bad = dir.resolve("cafe.yaml");
        Files.writeString(bad, "start: role\nnodes:\n  role: {type: choice, text: Who?, options: [], next: gone}\n");
        try (FakeBotApi shop = new FakeBotApi(); CapturedLog log = new CapturedLog()) {
            FakeBotApi cafe = shop.anotherBot(CAFE_TOKEN, "cafe_bot");
            shop.startedEarlier(1000);
            cafe.startedEarlier(2000);
            Path settings = dir.resolve("leadbot.yaml");
            Files.writeString(settings, "telegram_api_url: " + shop.url() + "\nbots:\n"
                    + "  shop:\n    telegram_bot_token: ${SHOP_TOKEN}\n    owner_chat_ids: [1000]\n    flow: " + good + "\n"
                    + "    db: " + dir.resolve("shop/leadbot.db") + "\n    leads_file: " + dir.resolve("shop/leads.jsonl") + "\n"
                    + "  cafe:\n    telegram_bot_token: ${CAFE_TOKEN}\n    owner_chat_ids: [2000]\n    flow: " + bad + "\n"
                    + "    db: " + dir.resolve("cafe/leadbot.db") + "\n    leads_file: " + dir.resolve("cafe/leads.jsonl") + "\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"run", "--config",
                    settings.toString()}, new ByteArrayInputStream(new byte[0]), out, err, Clock.systemUTC(),
                    Map.of("SHOP_TOKEN", FakeBotApi.TOKEN, "CAFE_TOKEN", CAFE_TOKEN)));

            List<BotMessage> told = cafe.await(2000, messages -> !messages.isEmpty());
            assertTrue(told.get(0).text().startsWith("⚠️ Бот «cafe» не запущен: его сценарий " + bad + " не может работать. Исправьте его"
                    + " (проверка: leadbot validate --bot cafe) и запустите leadbot снова.\n\n" + bad + ":3:"), told.get(0).text());
            FakeUser prospect = shop.user(555, "Anna");
            prospect.send("/start");
            shop.await(555, messages -> messages.stream().anyMatch(m -> m.text().contains("Who are you?")));
            prospect.press("Owner");
            assertEquals(1, OwnerChat.leadsIn(shop.await(1000, messages -> OwnerChat.leadsIn(messages) == 1)));
            assertEquals(List.of(), cafe.calls().stream().filter(call -> call.equals("getupdates")).toList());

            shop.revoke();
            assertEquals(1, run.get(60, TimeUnit.SECONDS));
            assertEquals("bot 'shop' is running as @test_lead_bot\n1 bot is running, 1 not started; stop them with Ctrl+C or SIGTERM\n",
                    out.toString(StandardCharsets.UTF_8));
            String errors = err.toString(StandardCharsets.UTF_8);
            assertTrue(errors.startsWith("bot 'cafe' is not started: its flow " + bad + " cannot run; fix it (leadbot validate --bot"
                    + " cafe) and start leadbot again:\n  " + bad + ":3:"), errors);
            assertTrue(errors.endsWith("  told in owner chats [2000]\nno bot is running any more: Telegram refused the token of each"
                    + " (see the log)\n"), errors);
            assertEquals(1, log.lines("bot 'shop' (@test_lead_bot) is stopped: Telegram refused its token").size());
        }
    }

    @Test
    void aMisspeltFlowPathStopsTheStartAtItsLineWithTheClosestFlow() throws Exception {
        Path settings = dir.resolve("leadbot.yaml");
        Files.writeString(settings, "owner_chat_ids: [1000]\nflow: flows/qualificaton.yaml\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"run", "--config", settings.toString()}, new ByteArrayInputStream(new byte[0]), out, err,
                Clock.systemUTC(), Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "LEADBOT_DB", dir.resolve("leadbot.db").toString()));

        assertEquals(1, status);
        assertEquals(settings + ":2:1: flow names flows/qualificaton.yaml, which does not exist; did you mean flows/qualification.yaml?\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
