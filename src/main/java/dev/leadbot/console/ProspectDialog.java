package dev.leadbot.console;

import java.util.List;

/**
 * What a manager's conversation with a prospect from the owner chats says, to either side. Plain text: whoever sends it
 * escapes it for HTML. The prospect is told only the manager's first name; the owner chats are told who wrote, about
 * which lead, and get the button that ends the conversation.
 */
public final class ProspectDialog {

    /** Recorded for a message that carried no text: a photo, a voice message, a sticker, a file. */
    public static final String MEDIA = "[вложение]";
    public static final String NOTHING_OPEN = "Открытого разговора с клиентом нет. Начать — «💬 Написать» под лидом или ответ на его сводку.";
    public static final String SEVERAL_LEADS = "В этом сообщении несколько лидов: нажмите «💬 Написать» под нужным.";
    public static final String LEAD_GONE = "Этого лида больше нет: клиент попросил удалить свои данные.";

    private ProspectDialog() {
    }

    /** A manager's words to the prospect, introduced with the manager's first name. */
    public static String toProspect(String managerFirstName, String text) {
        String name = managerFirstName.isBlank() ? "Менеджер" : managerFirstName.strip() + ", менеджер";
        return name + ":\n" + text;
    }

    /** The owner chat that pressed "💬 Написать" is told where its next messages go. */
    public static String writing(String prospect) {
        return "✍️ Пишите: ваши сообщения уйдут клиенту " + prospect + " от имени бота, с вашим именем. Его ответы придут сюда."
                + " Закончить — /close или «✖ Завершить».";
    }

    /** Every owner chat hears that a conversation began. */
    public static String opened(String manager, String prospect, String leadId) {
        return "💬 " + manager + " пишет клиенту " + prospect + " (лид " + shortId(leadId) + "). Ответы клиента придут сюда,"
                + " опрос ждёт.";
    }

    /** A copy of the prospect's message in an owner chat: who wrote, about which lead, and what (media follows as a copy). */
    public static String fromProspect(String prospect, String leadId, String text) {
        return "💬 " + prospect + " (лид " + shortId(leadId) + "):\n" + text;
    }

    public static String closed(String manager, String prospect) {
        return "Разговор с клиентом " + prospect + " завершён (" + manager + "). Его новые сообщения снова идут в опрос.";
    }

    /** The button under each message of the conversation in an owner chat. */
    public static List<List<ConsoleButton>> closeRow(String leadId) {
        return List.of(List.of(new ConsoleButton("✖ Завершить", new ConsoleButton.Press(ConsoleButton.Action.CLOSE, leadId))));
    }

    private static String shortId(String leadId) {
        return leadId.length() > 8 ? leadId.substring(0, 8) : leadId;
    }
}
