package dev.leadbot.service;

import static dev.leadbot.testing.LeadFiles.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Conversation;
import dev.leadbot.store.Store;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a prospect sees in Telegram when things go right, and when they do odd things. */
class ProspectExperienceTest {

    private static final String ROLE = QualificationInTelegramTest.ROLE;
    private static final String STALE = "Эта кнопка уже не действует — ответьте на последний вопрос 👇";

    @TempDir
    Path dir;

    /** Explorer, "discuss my project", consent, a name, "call me": the phone question. */
    private static void toPhoneStep(ProspectChat chat) {
            chat.send("/start", ROLE);
            chat.press("просто изучаю", "Что дальше?");
            chat.press("Хочу обсудить свой проект", "Давайте обсудим");
            chat.press("Продолжить", "Как к вам обращаться?");
            chat.send("Анна", "Как вам удобнее связаться?");
            chat.press("Позвоните мне", "Отправить мой номер");
    }

    private static BotMessage toChecklist(ProspectChat chat) {
        chat.send("/start", ROLE);
        return chat.press("маркетолог", "Какие конкретно функции");
    }

    @Test
    void aPickEditsTheQuestionToShowTheAnswerAndRemovesItsButtons() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(50, "Anna"));
            BotMessage question = chat.send("/start", ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере ваш бизнес?");

            BotMessage edited = bot.api.botMessages(50).stream().filter(m -> m.id() == question.id()).findFirst().orElseThrow();
            assertEquals(question.text() + "\n\n✔️ 👨‍💼 Я владелец бизнеса / предприниматель", edited.text());
            assertEquals(Optional.empty(), edited.markup());
        }
    }

    @Test
    void shortOptionLabelsShareRowsAndLongOnesKeepARowEach() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(51, "Anna"));
            BotMessage role = chat.send("/start", ROLE);
            assertEquals(3, role.rows().size());
            chat.press("Я владелец бизнеса", "В какой сфере");
            chat.press("B2B-компания", "Что для вас сейчас важнее всего?");
            chat.press("Квалифицировать входящие заявки", "Давайте обсудим");
            chat.press("Продолжить", "Как к вам обращаться?");
            chat.send("Анна", "Как вам удобнее связаться?");
            BotMessage when = chat.press("Напишите мне в Telegram", "Когда вам удобно");

            assertEquals(List.of(List.of("🌅 Утром (9–12)", "☀️ Днём (12–18)"), List.of("🌙 Вечером (18–21)", "🕐 В любое время"),
                    List.of("◀️ Назад")), when.rows());
        }
    }

    @Test
    void checklistPressesToggleTheMarksOnTheSameMessageAndDoneWithNothingTickedShowsANotice() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(52, "Ivan"));
            BotMessage checklist = toChecklist(chat);

            String tick = chat.tap("Парсинг данных");
            bot.api.await(52, all -> all.stream().anyMatch(m -> m.id() == checklist.id() && m.buttons().contains("✅ Парсинг данных")));
            awaitAnswer(bot, tick);
            String untick = chat.tap("Парсинг данных");
            bot.api.await(52, all -> all.stream().anyMatch(m -> m.id() == checklist.id() && m.buttons().contains("▫️ Парсинг данных")));
            awaitAnswer(bot, untick);

            String done = chat.tap("Готово");
            awaitAnswer(bot, done);

            assertEquals(Optional.of("Отметьте хотя бы 1 вариант."), bot.api.callbackAnswer(done));
            BotMessage kept = bot.api.botMessages(52).stream().filter(m -> m.id() == checklist.id()).findFirst().orElseThrow();
            assertEquals(checklist.text(), kept.text());
            assertEquals(9, kept.buttons().size());
            assertEquals(checklist.id(), BotHarness.last(bot.api.botMessages(52)).id());
        }
    }

    @Test
    void aTypedPhoneIsCheckedAndAValidOneAccepted() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(53, "Anna"));
            toPhoneStep(chat);

            chat.send("позвоните завтра", "Не похоже на номер телефона.");
            BotMessage saved = chat.send("+374 10 123456", "📞 Записал номер: +374 10 123456");

            assertTrue(saved.removesKeyboard());
            chat.expect("Когда вам удобно");
        }
    }

    @Test
    void someoneElsesContactIsAcceptedAndMarkedOnTheLead() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(54, "Anna"));
            toPhoneStep(chat);

            chat.user.shareContact("+7 701 000 00 00", 999);
            chat.expect("📞 Записал номер: +7 701 000 0000");
            chat.press("Вечером", "Спасибо, Анна!");

            String summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид")).get(0).text();
            assertTrue(summary.contains("• Телефон: +7 701 000 0000 (чужой контакт)"), summary);
        }
    }

    @Test
    void staleAndForgedButtonsAreAnsweredAndChangeNothing() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(55, "Anna"));
            BotMessage role = chat.send("/start", ROLE);
            BotMessage sphere = chat.press("Я владелец бизнеса", "В какой сфере");
            int before = bot.api.botMessages(55).size();

            String old = chat.user.pressData(role.id(), role.callbackData("маркетолог").orElse("1:role:p:expert"));
            String garbage = chat.user.pressData(sphere.id(), "drop table leads");
            String otherNode = chat.user.pressData(sphere.id(), "2:pain_goods:p:orders");
            String unknown = chat.user.pressData(sphere.id(), "2:sphere:p:casino");
            String tooLong = chat.user.pressData(sphere.id(), "2:sphere:p:" + "x".repeat(60));

            for (String query : List.of(old, garbage, otherNode, unknown, tooLong)) {
                awaitAnswer(bot, query);
                assertEquals(Optional.of(STALE), bot.api.callbackAnswer(query), query);
            }
            chat.press("Товарный бизнес", "Что для вас сейчас важнее всего?");
            assertEquals(before + 1, bot.api.botMessages(55).size());
        }
    }

    @Test
    void aStickerGetsTheQuestionOnceMoreBelowItNotAFlood() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(56, "Anna"));
            BotMessage first = chat.send("/start", ROLE);

            chat.user.sendSticker();
            BotMessage again = chat.expect("Не совсем понял ответ 🤔 Выберите, пожалуйста, один из вариантов:\n\n");
            assertTrue(again.text().endsWith(ROLE), again.text());
            chat.user.sendSticker();
            chat.user.sendSticker();
            chat.press("Я владелец бизнеса", "В какой сфере");

            assertEquals(List.of(first.id(), again.id()), bot.api.botMessages(56).stream().filter(m -> m.text().contains(ROLE))
                    .map(BotMessage::id).toList());
            assertEquals(List.of(), bot.api.botMessages(56).get(0).buttons());
            assertEquals(3, bot.api.botMessages(56).size());
        }
    }

    @Test
    void aTypedAnswerAtAButtonQuestionIsTakenAndTheQuestionShowsIt() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(66, "Anna"));
            BotMessage role = chat.send("/start", ROLE);

            chat.send("владелец", "В какой сфере ваш бизнес?");

            BotMessage answered = bot.api.botMessages(66).get(0);
            assertEquals(role.id(), answered.id());
            assertTrue(answered.text().endsWith(ROLE + "\n\n✔️ 👨‍💼 Я владелец бизнеса / предприниматель"), answered.text());
            assertEquals(List.of(), answered.buttons());
        }
    }

    @Test
    void textThatIsNoOptionBringsTheQuestionBelowItOnceThenAShortReminder() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(67, "Anna"));
            chat.send("/start", ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере ваш бизнес?");

            BotMessage again = chat.send("Расскажите сначала, сколько это стоит? " + "Очень подробно. ".repeat(240), "Не совсем понял ответ");
            chat.send("а всё-таки?", "Пожалуйста, выберите вариант кнопкой 👆");

            assertEquals("Не совсем понял ответ 🤔 Выберите, пожалуйста, один из вариантов:\n\nОтлично! В какой сфере ваш бизнес?",
                    again.text());
            assertEquals(7, again.buttons().size(), "six spheres and the way back");
            List<BotMessage> sphere = bot.api.botMessages(67).stream().filter(m -> m.text().endsWith("В какой сфере ваш бизнес?")).toList();
            assertEquals(List.of(List.of(), again.buttons()), sphere.stream().map(BotMessage::buttons).toList());
            chat.press("B2B", "Что для вас сейчас важнее всего?");
        }
    }

    @Test
    void aFourThousandCharacterMessageIsAnsweredWithTheLimit() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(57, "Ivan"));
            toChecklist(chat);
            chat.tap("Парсинг данных");
            chat.press("Готово", "опишите, пожалуйста, в одном сообщении");

            chat.send("Очень подробно. ".repeat(250), "Слишком длинно — уложитесь, пожалуйста, в 3000 символов.");
            chat.send("Бот для мониторинга цен конкурентов", "Давайте обсудим");
        }
    }

    @Test
    void backAndRestartWorkAsCommands() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(58, "Anna"));
            chat.send("/start", ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере");

            chat.send("/back", ROLE);
            chat.press("маркетолог", "Какие конкретно функции");
            chat.send("/restart", "🔄 Начинаем сначала.");
            chat.expect(ROLE);
            chat.send("/help", "Я понимаю команды /start, /back (шаг назад), /restart (начать заново) и /forget (удалить мои данные).");
        }
    }

    @Test
    void forgetDeletesTheProspectsLeadsAfterConfirmationAndNobodyElses() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            List<ProspectChat> chats = List.of(new ProspectChat(bot.api, bot.api.user(64, "Klient")), new ProspectChat(bot.api, bot.api.user(65, "Klient")));
            Lockstep.walk(chats, Lockstep.OWNER_VIA_TELEGRAM);
            bot.api.await(BotHarness.OWNER, summaries -> BotHarness.leadsIn(summaries) == 2);
            bot.api.awaitState(() -> lines(bot.leads) == 2);

            ProspectChat chat = chats.get(0);
            BotMessage prompt = chat.send("/forget", "Удалить все ваши ответы и контакты из бота?");
            chat.press("Да, удалить", "Готово: ваши ответы и контакты удалены.");
            // Its buttons go with the data: the used confirmation cannot be pressed again, and a stale press says so.
            bot.api.awaitState(() -> chat.messages().stream().filter(m -> m.id() == prompt.id()).allMatch(m -> m.buttons().isEmpty()));
            String again = chat.user.pressData(prompt.id(), prompt.callbackData("Да, удалить").orElseThrow());
            bot.api.awaitState(() -> bot.api.callbackAnswered(again));
            assertEquals(Optional.of("Эта кнопка уже не действует — ответьте на последний вопрос 👇"), bot.api.callbackAnswer(again));
            // Committed with the confirmation, before it was sent: a crash from here on loses no part of the deletion.
            assertEquals(List.of(65L), bot.store.leads().completedSince(Instant.EPOCH).stream().map(lead -> lead.prospect().chatId()).toList());

            bot.api.awaitState(() -> lines(bot.leads) == 1);
            assertTrue(java.nio.file.Files.readString(bot.leads).contains("\"chat_id\":65"));
            chat.send("/start", ROLE);
        }
    }


    @Test
    void aForgetByTheOwnersToolBesideTheRunningBotIsNotUndoneByTheProspectsNextMessage() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(66, "Anna"));
            chat.send("/start", ROLE);
            chat.press("просто изучаю", "Что дальше?");
            chat.press("Хочу обсудить свой проект", "Давайте обсудим");
            chat.press("Продолжить", "Как к вам обращаться?");
            chat.send("Анна Кузнецова", "Как вам удобнее связаться?");

            try (Store tools = Store.openForTools(dir.resolve("leadbot.db"), Clock.systemUTC())) {
                assertEquals(1, tools.forget(66).conversations());
            }
            // The cached conversation would ask whether to continue where Anna left off.
            chat.send("/start", ROLE);

            Conversation now = bot.store.conversations().conversation(66).orElseThrow();
            assertEquals(List.of(), now.answers());
        }
    }

    @Test
    void aSecondStartMidFlowAsksWhetherToContinue() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(59, "Anna"));
            chat.send("/start", ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере");

            chat.send("/start", "Продолжим с того же места или начнём заново?");
            chat.press("Продолжить", "В какой сфере");
        }
    }

    @Test
    void namesAndAnswersWithHtmlAreShownAsTypedNeverBreakingASend() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(60, "<b>Boss").lastName("& Co </i>"));
            BotMessage greeting = chat.send("/start", "Здравствуйте, <b>Boss!");
            assertTrue(greeting.html().startsWith("Здравствуйте, &lt;b&gt;Boss!"), greeting.html());
            assertTrue(greeting.text().contains(ROLE), greeting.text());
            chat.press("просто изучаю", "Что дальше?");
            chat.press("Хочу обсудить свой проект", "Давайте обсудим");
            chat.press("Продолжить", "Как к вам обращаться?");
            chat.send("<i>Tom & Jerry</i>", "Как вам удобнее связаться?");
            chat.press("Напишите мне в Telegram", "Когда вам удобно");
            chat.press("Днём", "Спасибо, <i>Tom & Jerry</i>!");

            BotMessage summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид")).get(0);
            assertTrue(summary.html().contains("<a href=\"tg://user?id=60\">&lt;b&gt;Boss &amp; Co &lt;/i&gt;</a>"), summary.html());
            assertTrue(summary.text().contains("• Имя: <i>Tom & Jerry</i>"), summary.text());
        }
    }

    @Test
    void aGroupChatIsToldOnceThatTheBotWorksInPrivateAndKeepsNoConversation() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            bot.api.user(61, "Anna").sendInGroup(-100500, "/start");
            bot.awaitCount(-100500, 1);
            bot.api.user(62, "Boris").sendInGroup(-100500, "hello bot");
            ProspectChat someoneElse = new ProspectChat(bot.api, bot.api.user(63, "Vera"));
            someoneElse.send("/start", ROLE);
            // Vera's answer says nothing of Boris's message, handled in another chat's lane: wait until it was, and sent.
            bot.awaitSettled();

            assertEquals(List.of("Я работаю только в личных сообщениях — напишите мне напрямую 🙂"),
                    bot.api.botMessages(-100500).stream().map(BotMessage::text).toList());
            assertFalse(bot.api.botMessages(-100500).get(0).markup().isPresent());
        }
    }

    private static boolean awaitAnswer(BotHarness bot, String queryId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!bot.api.callbackAnswered(queryId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callback " + queryId + " never answered");
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
