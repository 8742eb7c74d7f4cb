package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer's flow in real chats: owner, expert and explorer paths, and the summary the owner reads. */
class QualificationInTelegramTest {

    static final String ROLE = "какой вариант вас лучше описывает?";
    static final String CONTACT_INTRO = "Давайте обсудим ваш проект.";

    @TempDir
    Path dir;

    /** Consent, name, call me, the phone by the contact button, mornings. */
    static void leaveContact(ProspectChat chat) {
        chat.press("Продолжить", "Как к вам обращаться?");
        chat.send("Пётр", "Как вам удобнее связаться?");
        BotMessage phone = chat.press("Позвоните мне", "Нажмите кнопку «📱 Отправить мой номер»");
        assertTrue(phone.asksForContact(), phone.toString());
        chat.user.shareContact("79161234567", chat.user.chatId());
        assertTrue(chat.expect("📞 Записал номер: +7 916 123-45-67").removesKeyboard());
        chat.expect("Когда вам удобно");
        chat.press("Утром", "Спасибо, Пётр");
    }

    @Test
    void anOwnerWalksTheBusinessPathAndTheOwnerReadsTheSummaryWordForWord() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna").lastName("Kim").username("anna_k"));
            chat.send("/start vk_ads_march", ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере ваш бизнес?");
            chat.press("Товарный бизнес", "Что для вас сейчас важнее всего?");
            assertTrue(chat.press("Увеличить число заказов", CONTACT_INTRO).text().startsWith("📌 Кейс: магазин косметики"));
            leaveContact(chat);

            List<BotMessage> summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид"));
            String html = summary.get(0).html();
            String leadId = html.substring(html.indexOf("<code>") + 6, html.indexOf("</code>"));
            String time = html.substring(html.indexOf("⏱ Заполнено за ") + 15, html.indexOf("\n🆔"));
            assertEquals("🔥 <b>Новый лид</b> · 50 баллов · qualification\n"
                    + "👤 <a href=\"tg://user?id=42\">Anna Kim</a> @anna_k · представился: Пётр\n"
                    + "📞 +79161234567\n"
                    + "📍 Источник: vk_ads_march\n"
                    + "📝 <b>Ответы</b>\n"
                    + "• <b>Роль</b>: 👨‍💼 Я владелец бизнеса / предприниматель\n"
                    + "• <b>Сфера бизнеса</b>: 🛒 Товарный бизнес (магазин, e-commerce)\n"
                    + "• <b>Главная задача</b>: ✅ Увеличить число заказов через Telegram\n"
                    + "• <b>Согласие</b>: ✅ Продолжить\n"
                    + "• <b>Имя</b>: Пётр\n"
                    + "• <b>Способ связи</b>: 📞 Позвоните мне\n"
                    + "• <b>Телефон</b>: +7 916 123-45-67\n"
                    + "• <b>Удобное время</b>: 🌅 Утром (9–12)\n"
                    + "🏷 Теги: owner, ecommerce, hot, sales\n"
                    + "⏱ Заполнено за " + time + "\n"
                    + "🆔 <code>" + leadId + "</code>", html);
            assertTrue(time.matches("\\d+ с|\\d+ мин \\d+ с"), time);
            assertEquals(1, bot.api.botMessages(BotHarness.OWNER).size());
            bot.api.await(42, m -> true);
            assertTrue(Files.readString(bot.leads).contains("\"source\":\"vk_ads_march\""));
        }
    }

    @Test
    void anExpertTicksFeaturesIsEchoedThemAndDescribesTheProject() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(43, "Ivan"));
            chat.send("/start", ROLE);
            BotMessage checklist = chat.press("маркетолог", "Какие конкретно функции");
            chat.user.press("Интеграция с CRM");
            chat.user.press("Парсинг данных");
            bot.api.await(43, all -> all.stream().anyMatch(m -> m.id() == checklist.id() && m.buttons().contains("✅ Парсинг данных")));
            chat.press("Готово, я выбрал(а)", "Отлично, я зафиксировал ваш запрос на: Интеграция с CRM (amoCRM, Bitrix24 и др.) и Парсинг данных.");
            chat.send("Нужен бот для сбора цен конкурентов и выгрузки в amoCRM", CONTACT_INTRO);
            leaveContact(chat);

            String summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид")).get(0).text();
            assertTrue(summary.contains("• Нужные функции: Интеграция с CRM (amoCRM, Bitrix24 и др.)"
                    + " и Парсинг данных"), summary);
            assertTrue(summary.contains("🏷 Теги: expert, crm, parsing"), summary);
        }
    }

    @Test
    void anExplorerSeesTheDemoGoesBackToTheRoleQuestionAndTakesTheOwnerPath() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(44, "Olga"));
            chat.send("/start", ROLE);
            BotMessage demo = chat.press("просто изучаю", "Что дальше?");
            assertTrue(demo.text().startsWith("Вот что умеет хороший бот для бизнеса"), demo.text());
            assertTrue(chat.press("Показать пример", "сеть стоматологий").text().endsWith("Что дальше?"));
            chat.press("Вернуться к выбору роли", ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере ваш бизнес?");
            chat.press("HoReCa", "Что для вас сейчас важнее всего?");
            assertTrue(chat.press("Принимать заказы на доставку", CONTACT_INTRO).text().contains("пиццерия"));
            leaveContact(chat);

            String summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид")).get(0).text();
            assertEquals(List.of("greeting", "role", "demo", "demo_menu", "demo_case", "demo_menu", "role", "sphere"),
                    bot.store.leads().completedSince(java.time.Instant.EPOCH).get(0).path().subList(0, 8), "the lead keeps the path with its detour");
            assertFalse(summary.contains("demo_menu"), "node ids are the flow author's words, not the owner's: " + summary);
            assertTrue(summary.contains("• Роль: 👨‍💼 Я владелец бизнеса / предприниматель"), summary);
        }
    }
}
