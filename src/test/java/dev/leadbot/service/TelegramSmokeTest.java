package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.store.Store;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.Flows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramSmokeTest {

    @TempDir
    Path dir;

    @Test
    void startGreetsAndAsksTheRoleQuestionWithButtonsInOneMessage() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser anna = bot.api.user(42, "Anna").username("anna_k");

            anna.send("/start vk_ads");

            List<BotMessage> messages = bot.awaitCount(42, 1);
            assertEquals("Здравствуйте, Anna! 👋 Я бот студии, которая делает Telegram-ботов для бизнеса. Задам пару вопросов, чтобы"
                    + " предложить решение именно под вашу задачу — это займёт около минуты.\n\n"
                    + "Чтобы я мог говорить с вами на одном языке, подскажите, какой вариант вас лучше описывает?", messages.get(0).text());
            assertEquals(List.of("👨‍💼 Я владелец бизнеса / предприниматель", "🎯 Я маркетолог / специалист",
                    "🤔 Я пока просто изучаю возможности"), messages.get(0).buttons());
            assertEquals(List.of("start", "back", "restart", "forget"), bot.api.commands());
        }
    }

    @Test
    void anOwnerChatThatNeverStartedTheBotIsReportedAtStartUp() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER))) {
            assertEquals(List.of(), bot.service.unreachableOwners());
        }
        FakeBotApi api = new FakeBotApi();
        try (api; Store store = Store.open(dir.resolve("other.db"), Clock.systemUTC());
                TelegramService service = TelegramService.start(new TelegramSettings(FakeBotApi.TOKEN, List.of(2000L), api.url(),
                        dir.resolve("leads.jsonl")), Flows.QUALIFICATION, Flows.qualification(), store, List.of(), Clock.systemUTC())) {
            assertEquals(List.of(2000L), service.unreachableOwners());
        }
    }
}
