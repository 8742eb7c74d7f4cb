package dev.leadbot.console;

import java.util.List;

/** The commands an owner's command menu shows besides a prospect's, and the help that explains them. */
public final class OwnerMenu {

    /** A line of the bot's command menu. */
    public record Entry(String command, String description) {
    }

    public static final List<Entry> COMMANDS = List.of(
            new Entry("leads", "Последние лиды: /leads 20, today, hot"),
            new Entry("lead", "Карточка лида: /lead ID"),
            new Entry("export", "Лиды в CSV для Excel: /export 7d"),
            new Entry("stats", "Воронка: /stats, /stats 30d"),
            new Entry("reload", "Перечитать файл опроса"),
            new Entry("close", "Завершить разговор с клиентом"),
            new Entry("help", "Команды владельца"));

    static final String HELP = String.join("\n",
            "Команды владельца (их видите только вы и другие владельцы):",
            "/leads — последние " + ConsoleCommand.DEFAULT_LATEST + " лидов; /leads 20 — последние 20, /leads today — за сегодня,"
                    + " /leads hot — горячие. Кнопка под списком открывает лид.",
            "/lead ID — полная карточка лида (хватит первых 8 символов номера). Когда лидов много, они приходят по нескольку"
                    + " в одном сообщении, коротко; /lead_… под каждым открывает его карточку одним нажатием.",
            "/export — все лиды файлом CSV для Excel, тот же, что leadbot leads --format csv; /export 7d — за 7 дней.",
            "/stats — воронка за 7 дней картинкой: где клиенты уходят; /stats 30d — за 30 дней, /stats 24h — за сутки.",
            "/reload — перечитать файл опроса и сразу перейти на него, если в нём нет ошибок (иначе — список ошибок со строками,"
                    + " работает прежний). Изменения файла на диске бот замечает и сам.",
            "/help — эта справка.",
            "",
            "Под каждым новым лидом — «🙋 Беру»: лид ваш, и все владельцы видят, кто его взял; потом «✅ Сделка» или «❌ Не лид».",
            "«💬 Написать» под лидом (в личном чате — и ответ на его сводку; в группе — только ответ на подсказку бота или на"
                    + " слова клиента): ваше сообщение уйдёт клиенту от имени бота с вашим именем;"
                    + " пока разговор открыт, ответы клиента приходят сюда, а опрос ждёт. /close или «✖ Завершить» — закончить.",
            "",
            "Как клиент вы можете пройти опрос сами: /start, /back, /restart, /forget.");

    private OwnerMenu() {
    }
}
