package dev.leadbot.cli;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Flow;
import java.util.Map;

/**
 * The terminal chat's own hints and frames, in Russian and English, chosen like the bot's
 * phrases: the prospect's language, else the one its readers in the flow's market read. Words
 * in braces are filled in: {@code {n}} a count, {@code {db}} a file, {@code {command}} a command line.
 */
enum TerminalText {
    INTRO("(Пробный разговор в терминале: отвечайте номером варианта или словами. «назад» — шаг назад, «заново» — начать"
            + " сначала, «выход» — выйти, /help — подсказка.)",
            "(A trial conversation in the terminal: answer with an option's number or in words. \"back\" goes one step back,"
            + " \"restart\" starts over, \"quit\" leaves, /help shows what you can type.)"),
    HELP("""
            Что можно написать:
              номер варианта или его название — выбрать его; в списке с галочками «1, 3» отмечает несколько;
              любой текст — ответ на вопрос, где ждут текст, число, телефон или e-mail;
              /contact НОМЕР — поделиться телефоном, как кнопкой в Telegram;
              назад — шаг назад; заново — начать сначала; /forget — удалить мои данные;
              выход — выйти (разговор сохранится и продолжится в следующий раз).""",
            """
            What you can type:
              an option's number or its name to pick it; in a checklist "1, 3" ticks several;
              any text to answer a question that asks for text, a number, a phone or an e-mail;
              /contact NUMBER to share a phone, as with the button in Telegram;
              back to go one step back; restart to start over; /forget to delete my data;
              quit to leave (the conversation is saved and continues next time)."""),
    CHOOSE("(напишите номер от 1 до {n} или название варианта; «назад» — шаг назад)",
            "(type a number from 1 to {n} or the option's name; \"back\" goes one step back)"),
    TICK("(напишите номера вариантов, например 1, 3, чтобы отметить или снять галочки, и {n} — чтобы закончить)",
            "(type the numbers of options, e.g. 1, 3, to tick or untick them, and {n} to finish)"),
    BACK_LINE("  {label} — напишите «назад»", "  {label}: type \"back\""),
    CONTACT("(напишите номер телефона или /contact НОМЕР — как кнопка «{label}» в Telegram)",
            "(type the phone number, or /contact NUMBER for Telegram's \"{label}\" button)"),
    SAVED_UNFINISHED("(разговор сохранён в {db}; чтобы продолжить с этого места, запустите снова: {command})",
            "(conversation saved in {db}; to continue where you left off, run again: {command})"),
    NOTHING_KEPT("(в {db} ничего не сохранено; чтобы начать заново, запустите снова: {command})",
            "(nothing kept in {db}; to start anew, run again: {command})"),
    OWNER_RECEIVES("======== владелец получит ========", "======== the owner receives ========"),
    LEAD_SAVED("======== заявка {id} сохранена в {db}; список заявок: {command} ========",
            "======== lead {id} saved in {db}; to list the leads: {command} ========"),
    DECLINED("(согласие не дано: заявки нет, в {db} ничего не сохранено)", "(consent declined: no lead, nothing kept in {db})"),
    FORGOTTEN("(этот разговор в терминале и его заявки удалены из {db})", "(this terminal chat and its leads were deleted from {db})");

    private final String russian;
    private final String english;

    TerminalText(String russian, String english) {
        this.russian = russian;
        this.english = english;
    }

    /** The text for a prospect reading {@code language} in {@code flow}, with {@code params} filled in. */
    String in(Flow flow, String language, Map<String, String> params) {
        String text = BotText.builtIn(russian, english, flow.defaultLanguage()).in(language);
        for (Map.Entry<String, String> param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", param.getValue());
        }
        return text;
    }
}
