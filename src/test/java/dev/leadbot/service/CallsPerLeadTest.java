package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each path of the customer's flow costs a prospect's chat in message calls (sends and
 * edits), through the real service and the fake Bot API: every call spends the chat's share of
 * Telegram's flood limit, so the transcript is kept with as few as it takes. The owner's
 * summary goes to the owner's chat and is not counted here.
 */
class CallsPerLeadTest {

    /** The goal for the owner path. */
    private static final int OWNER_PATH_GOAL = 16;

    @TempDir
    Path dir;

    @Test
    void theOwnerPathWithAPhoneCostsSixteenCalls() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(71, "Anna"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере ваш бизнес?");
            chat.press("Товарный бизнес", "Что для вас сейчас важнее всего?");
            chat.press("Увеличить число заказов", QualificationInTelegramTest.CONTACT_INTRO);
            QualificationInTelegramTest.leaveContact(chat);

            int calls = calls(bot, chat);
            assertEquals(16, calls);
            assertTrue(calls <= OWNER_PATH_GOAL);
        }
    }

    @Test
    void theOwnerPathWithoutAPhoneCostsFourteenCalls() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(72, "Anna"));
            Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM);

            assertEquals(14, calls(bot, chat));
        }
    }

    @Test
    void theExpertPathWithTwoFeaturesCostsEighteenCalls() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(73, "Ivan"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            BotMessage checklist = chat.press("маркетолог", "Какие конкретно функции");
            chat.user.press("Интеграция с CRM");
            bot.api.await(73, all -> all.stream().anyMatch(m -> m.id() == checklist.id() && m.buttons().contains("✅ Интеграция с CRM (amoCRM, Bitrix24 и др.)")));
            chat.user.press("Парсинг данных");
            bot.api.await(73, all -> all.stream().anyMatch(m -> m.id() == checklist.id() && m.buttons().contains("✅ Парсинг данных")));
            chat.press("Готово, я выбрал(а)", "опишите, пожалуйста, в одном сообщении");
            chat.send("Нужен бот для сбора цен конкурентов и выгрузки в amoCRM", QualificationInTelegramTest.CONTACT_INTRO);
            QualificationInTelegramTest.leaveContact(chat);

            assertEquals(18, calls(bot, chat));
        }
    }

    @Test
    void theExplorerPathToAContactByTelegramCostsTwelveCalls() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(74, "Olga"));
            chat.send("/start", QualificationInTelegramTest.ROLE);
            chat.press("просто изучаю", "Что дальше?");
            chat.press("Хочу обсудить свой проект", QualificationInTelegramTest.CONTACT_INTRO);
            chat.press("Продолжить", "Как к вам обращаться?");
            chat.send("Ольга", "Как вам удобнее связаться?");
            chat.press("Напишите мне в Telegram", "Когда вам удобно");
            chat.press("Днём", "Спасибо, Ольга!");

            assertEquals(12, calls(bot, chat));
        }
    }

    /**
     * Sends and edits the prospect's chat took, counted once the closing words are shown: a chat's
     * calls leave in order, so every earlier one has left by then.
     */
    private static int calls(BotHarness bot, ProspectChat chat) {
        assertEquals(List.of(), bot.api.botMessages(chat.user.chatId()).stream().filter(m -> !m.buttons().isEmpty()).toList(),
                "no buttons left live");
        return chat.messages().stream().mapToInt(message -> 1 + message.edits()).sum();
    }
}
