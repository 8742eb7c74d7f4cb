package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCommandTest {

    /** Expert, CRM + Sheets, a concept, consent, a name, call me, a phone, afternoons. */
    static final String EXPERT_SCRIPT = String.join("\n", "2", "1", "3", "8", "Бот для сети кофеен с баллами и оплатой", "1",
            "Иван", "1", "8 (916) 123-45-67", "2") + "\n";

    static final String INTRO = "(Пробный разговор в терминале: отвечайте номером варианта или словами. «назад» — шаг назад,"
            + " «заново» — начать сначала, «выход» — выйти, /help — подсказка.)";
    static final String ROLE_OPTIONS = """
              1. 👨‍💼 Я владелец бизнеса / предприниматель
              2. 🎯 Я маркетолог / специалист
              3. 🤔 Я пока просто изучаю возможности
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstScreenSaysHowToGoBackRestartAndQuit() {
        Run run = Run.of("quit\n", "chat", "--db", db());

        assertTrue(run.out().startsWith(INTRO + "\nbot: Здравствуйте! 👋 Я бот студии"), run.out());
    }

    @Test
    void withoutANameTheBotGreetsWithNoNameNotTheMachinesUser() {
        Run run = Run.of("quit\n", "chat", "--lang", "en", "--db", db());

        assertTrue(run.out().contains("\nbot: Hello! 👋 "), run.out());
        assertFalse(run.out().contains(System.getProperty("user.name")), run.out());
    }

    @Test
    void eachTerminalConversationHasItsOwnChatSoForgetKeepsTheEarlierLeads() {
        Run.of(EXPERT_SCRIPT, "chat", "--db", db(), "--name", "Anna");

        Run next = Run.of("1\n/forget\n1\nquit\n", "chat", "--db", db());

        assertTrue(next.out().startsWith(INTRO + "\nbot: Здравствуйте! 👋"), "a new conversation, not the finished one: " + next.out());
        assertTrue(next.out().contains("     (этот разговор в терминале и его заявки удалены из " + db() + ")"), next.out());
        assertTrue(Run.of("", "leads", "--db", db()).out().endsWith("\n1 lead\n"), "the first conversation's lead stays");
    }

    @Test
    void goingBackFromThePhoneQuestionIsANoticeAsEverywhereElse() {
        String toPhone = String.join("\n", "2", "1", "3", "8", "Бот для сети кофеен с баллами и оплатой", "1", "Иван", "1") + "\n";

        Run run = Run.of(toPhone + "back\nquit\n", "chat", "--db", db());

        assertTrue(run.out().contains(">      (↩️ Возвращаемся на шаг назад.)\nbot: "), run.out());
        assertFalse(run.out().contains("bot: ↩️"), run.out());
    }

    @Test
    void oneAtANumberQuestionIsTheAnswerOne() throws IOException {
        Path flow = dir.resolve("branches.yaml");
        Files.writeString(flow, """
                language: en
                start: hello
                nodes:
                  hello: {type: message, text: Hello!, next: branches}
                  branches: {type: input, kind: number, save_as: branches, text: "How many branches do you have?", next: bye}
                  bye: {type: end, text: "{branches}, noted."}
                """);

        Run run = Run.of("1\n", "chat", flow.toString(), "--db", db());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("bot: 1, noted.\n"), run.out());
        assertTrue(Run.of("", "leads", "--db", db(), "--format", "jsonl").out().contains("\"values\":[\"1\"]"));
    }

    @Test
    void theWayBackIsAWordAndNeverANumber() {
        Run run = Run.of("1\n6\nback\nquit\n", "chat", "--db", db(), "--name", "Anna");

        assertTrue(run.out().contains("""
                  5. 🏢 B2B-компания
                  6. Другое
                  ◀️ Назад — напишите «назад»
                """), run.out());
        assertTrue(run.out().contains("     ✔️ Другое\n"), run.out());
        assertTrue(run.out().contains("     (↩️ Возвращаемся на шаг назад.)\nbot: Отлично! В какой сфере ваш бизнес?"), run.out());
    }

    @Test
    void aLineThatIsNotAnAnswerShowsTheNumberedOptionsAgainAndSaysWhatToType() {
        Run run = Run.of("hello\nhello again\nquit\n", "chat", "--db", db(), "--name", "Anna");

        String hint = "(напишите номер от 1 до 3 или название варианта; «назад» — шаг назад)\n";
        assertTrue(run.out().contains("> bot: Не совсем понял ответ 🤔 Выберите, пожалуйста, один из вариантов:\n\n"
                + "Чтобы я мог говорить с вами на одном языке, подскажите, какой вариант вас лучше описывает?\n"
                + ROLE_OPTIONS + hint + "> " + ROLE_OPTIONS + hint + "> "), run.out());
        assertFalse(run.out().contains("👆"), run.out());
    }

    @Test
    void anOptionsNameIsAnAnswerToo() {
        Run run = Run.of("маркетолог\nquit\n", "chat", "--db", db(), "--name", "Anna");

        assertTrue(run.out().contains("     ✔️ 🎯 Я маркетолог / специалист\nbot: Понимаю."), run.out());
    }

    @Test
    void helpSaysWhatTheChatUnderstandsAndShowsTheQuestionsOptions() {
        Run run = Run.of("/help\nquit\n", "chat", "--db", db(), "--name", "Anna");

        assertTrue(run.out().contains("""
                > Что можно написать:
                  номер варианта или его название — выбрать его; в списке с галочками «1, 3» отмечает несколько;
                  любой текст — ответ на вопрос, где ждут текст, число, телефон или e-mail;
                  /contact НОМЕР — поделиться телефоном, как кнопкой в Telegram;
                  назад — шаг назад; заново — начать сначала; /forget — удалить мои данные;
                  выход — выйти (разговор сохранится и продолжится в следующий раз).
                """ + ROLE_OPTIONS + "> "), run.out());
    }

    @Test
    void theChatsOwnWordsFollowTheFlowsLanguage() {
        Run run = Run.of("hello\nquit\n", "chat", "--lang", "en", "--db", db(), "--name", "Sam");

        assertTrue(run.out().contains("(type a number from 1 to 3 or the option's name; \"back\" goes one step back)\n"), run.out());
        assertTrue(run.out().endsWith("(conversation saved in " + db() + "; to continue where you left off, run again:"
                + " java -jar target/leadbot.jar chat --lang en --db " + db() + " --name Sam)\n"), run.out());
    }

    @Test
    void aChecklistTakesSeveralNumbersAndSaysHowToFinish() {
        Run run = Run.of("2\n1, 3\nhm\nquit\n", "chat", "--db", db(), "--name", "Anna");

        assertTrue(run.out().contains("""
                  1. ✅ Интеграция с CRM (amoCRM, Bitrix24 и др.)
                  2. ▫️ Приём платежей (ЮKassa, Robokassa, Stripe)
                  3. ✅ Интеграция с Google Таблицами
                """), run.out());
        assertTrue(run.out().contains("  8. ➡️ Готово, я выбрал(а)\n  ◀️ Назад — напишите «назад»\n"
                + "(напишите номера вариантов, например 1, 3, чтобы отметить или снять галочки, и 8 — чтобы закончить)\n"), run.out());
    }

    @Test
    void aScriptedConversationPipedIntoChatStoresTheExpectedLead() {
        Run run = Run.of(EXPERT_SCRIPT, "chat", "--db", db(), "--name", "Anna", "--source", "vk_ads");
        Run leads = Run.of("", "leads", "--db", db(), "--format", "jsonl");

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("{\"id\":\"39de90b3-9768-30fd-8af2-010dcf3746f3\",\"flow\":\"qualification\","
                + "\"prospect\":{\"chat_id\":-9007199254740993,\"user_id\":-9007199254740993,\"first_name\":\"Anna\",\"language_code\":\"ru\"},\"source\":\"vk_ads\","
                + "\"contact\":{\"name\":\"Иван\",\"phone\":\"+79161234567\"},\"answers\":["
                + "{\"variable\":\"role\",\"node\":\"role\",\"values\":[\"expert\"],\"label\":\"🎯 Я маркетолог / специалист\"},"
                + "{\"variable\":\"features\",\"node\":\"features\",\"values\":[\"crm\",\"sheets\"],"
                + "\"label\":\"Интеграция с CRM (amoCRM, Bitrix24 и др.) и Интеграция с Google Таблицами\"},"
                + "{\"variable\":\"concept\",\"node\":\"concept\",\"values\":[\"Бот для сети кофеен с баллами и оплатой\"],"
                + "\"label\":\"Бот для сети кофеен с баллами и оплатой\"},"
                + "{\"variable\":\"consent\",\"node\":\"contact_intro\",\"values\":[\"agree\"],\"label\":\"✅ Продолжить\"},"
                + "{\"variable\":\"contact_name\",\"node\":\"contact_name\",\"values\":[\"Иван\"],\"label\":\"Иван\"},"
                + "{\"variable\":\"channel\",\"node\":\"channel\",\"values\":[\"call\"],\"label\":\"📞 Позвоните мне\"},"
                + "{\"variable\":\"phone\",\"node\":\"phone\",\"values\":[\"+79161234567\"],\"label\":\"+7 916 123-45-67\"},"
                + "{\"variable\":\"contact_time\",\"node\":\"contact_time\",\"values\":[\"afternoon\"],\"label\":\"☀️ Днём (12–18)\"}],"
                + "\"score\":35,\"tags\":[\"expert\",\"crm\",\"sheets\"],"
                + "\"path\":[\"greeting\",\"role\",\"features\",\"concept\",\"contact_intro\",\"contact_name\",\"channel\",\"phone\","
                + "\"contact_time\",\"thanks_expert\"],"
                + "\"started_at\":\"2026-11-22T10:00:00Z\",\"completed_at\":\"2026-11-22T10:00:00Z\"}"), leads.out().lines().toList());
    }

    @Test
    void theOwnerSummaryIsPrintedAtTheEnd() {
        Run run = Run.of(EXPERT_SCRIPT, "chat", "--db", db(), "--name", "Anna");

        assertTrue(run.out().contains("""
                ======== владелец получит ========
                🆕 Новый лид · 35 баллов · qualification
                👤 Иван · в Telegram: Anna
                📞 +79161234567
                📍 Источник: прямой заход
                """), run.out());
        assertTrue(run.out().contains("\n• Роль: 🎯 Я маркетолог / специалист\n"), "answers are titled with the question's title: " + run.out());
    }

    @Test
    void numbersPickOptionsAndWordsGoBackOrRestart() {
        Run run = Run.of("1\nback\n2\nrestart\nquit\n", "chat", "--db", db(), "--name", "Anna");

        assertEquals(0, run.status());
        assertTrue(run.out().contains("     ✔️ 👨‍💼 Я владелец бизнеса / предприниматель\nbot: Отлично! В какой сфере ваш бизнес?"), run.out());
        assertTrue(run.out().contains("     (↩️ Возвращаемся на шаг назад.)"), run.out());
        assertTrue(run.out().contains("     ✔️ 🎯 Я маркетолог / специалист"), run.out());
        assertTrue(run.out().contains("     (🔄 Начинаем сначала.)"), run.out());
    }

    @Test
    void inputEndingMidConversationStoresNoLead() {
        Run run = Run.of("1\n", "chat", "--db", db());

        assertEquals(0, run.status());
        assertTrue(run.out().endsWith("(разговор сохранён в " + db() + "; чтобы продолжить с этого места, запустите снова:"
                + " java -jar target/leadbot.jar chat --db " + db() + ")\n"), run.out());
        assertTrue(Run.of("", "leads", "--db", db()).out().endsWith("\n0 leads\n"));
    }

    @Test
    void aConversationLeftMidwayContinuesWhereItWasNextTime() {
        Run.of("1\n2\nquit\n", "chat", "--db", db(), "--name", "Anna");

        Run again = Run.of("1\n", "chat", "--db", db(), "--name", "Anna");

        assertTrue(again.out().startsWith(INTRO + "\nbot: Мы уже начали разговор. Продолжим с того же места или начнём заново?\n"
                + "  1. ▶️ Продолжить\n"), again.out());
        assertTrue(again.out().contains("bot: Что для вас сейчас важнее всего?"), again.out());
    }

    @Test
    void forgetInTheTerminalDeletesTheTerminalChat() {
        Run.of("1\nquit\n", "chat", "--db", db());

        Run run = Run.of("/forget\n1\nhello\nquit\n", "chat", "--db", db());

        assertTrue(run.out().contains("     (этот разговор в терминале и его заявки удалены из " + db() + ")"), run.out());
        assertTrue(run.out().contains("> bot: Здравствуйте! "), "the next line begins anew: " + run.out());
        assertTrue(Run.of("quit\n", "chat", "--db", db()).out().startsWith(INTRO + "\nbot: Здравствуйте"), "starts afresh");
    }

    @Test
    void leavingRightAfterForgetSaysNothingIsKept() {
        Run.of("1\nquit\n", "chat", "--db", db());

        Run run = Run.of("/forget\n1\nquit\n", "chat", "--db", db());

        assertTrue(run.out().contains("     (этот разговор в терминале и его заявки удалены из " + db() + ")"), run.out());
        assertTrue(run.out().endsWith("Чтобы начать заново, отправьте /start.\n> \n(в " + db() + " ничего не сохранено; чтобы начать заново, запустите снова:"
                + " java -jar target/leadbot.jar chat --db " + db() + ")\n"), run.out());
        assertFalse(run.out().contains("разговор сохранён"), run.out());
    }

    @Test
    void anEnglishProspectLeavingRightAfterForgetIsToldNothingIsKept() {
        Run run = Run.of("/forget\n1\n", "chat", "--lang", "en", "--db", db());

        assertTrue(run.out().endsWith("(nothing kept in " + db() + "; to start anew, run again:"
                + " java -jar target/leadbot.jar chat --lang en --db " + db() + ")\n"), run.out());
    }

    private String db() {
        return dir.resolve("data/leadbot.db").toString();
    }

    @Test
    void anEnglishProspectChatsInEnglish() {
        Run run = Run.of("quit\n", "chat", "--lang", "en", "--name", "Sam", "--db", db());

        assertTrue(run.out().startsWith("(A trial conversation in the terminal: answer with an option's number or in words."
                + " \"back\" goes one step back, \"restart\" starts over, \"quit\" leaves, /help shows what you can type.)\n"
                + "bot: Hello, Sam! 👋"), run.out());
        assertTrue(run.out().contains("  1. 👨‍💼 I own a business / I am an entrepreneur\n"), run.out());
    }

    @Test
    void anInvalidFlowIsRefusedWithItsProblems() throws IOException {
        Path flow = dir.resolve("broken.yaml");
        Files.writeString(flow, "start: a\nnodes:\n  a: {type: end, txt: Bye}\n");

        Run run = Run.of("", "chat", flow.toString());

        assertEquals(1, run.status());
        assertEquals(flow + ":3:18: unknown key 'txt' in node 'a'; did you mean 'text'?\n"
                + "1 problem in " + flow + "\n", run.err());
    }

    @Test
    void helpExplainsTheCommandsOfTheTerminalChat() {
        Run run = Run.of("", "chat", "--help");

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: leadbot chat [-hV] [--bot=NAME] [--config=FILE] [--db=FILE]"), run.out());
        assertTrue(run.out().contains("'restart' starts over, 'quit' leaves, '/help' lists what the chat understands,\n"), run.out());
    }

    @Test
    void aDatabaseInUseBySomeOtherChatIsRefusedWithHowToPickAnother() throws Exception {
        try (dev.leadbot.store.Store other = dev.leadbot.store.Store.open(Path.of(db()), Run.CLOCK)) {
            assertEquals(Path.of(db()).toString(), other.database().toString());
            Run run = Run.of("quit\n", "chat", "--db", db());

            assertEquals(new Run(1, "", db() + " is in use by another terminal chat or a running bot; pick another file with --db"
                    + " FILE, e.g. --db data/chat-2.db\n"), run);
        }
    }
}
