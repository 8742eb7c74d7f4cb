package dev.leadbot.console;

import java.util.List;
import java.util.Objects;

/** A message a conversation between a manager and a prospect sends: the Telegram adapter renders it and sends it on its lane. */
public sealed interface DialogMessage {

    long chatId();

    Lane lane();

    /**
     * Which of Telegram's flood rules a message falls under: a reply to a chat that just wrote, or a message the bot starts
     * itself (the copies and notices in owner chats).
     */
    enum Lane { REPLY, BOT }

    /** Plain text (escaped when rendered) with rows of buttons under it, possibly none. */
    record Text(long chatId, String text, List<List<ConsoleButton>> rows, Lane lane) implements DialogMessage {
        public Text {
            Objects.requireNonNull(text, "text");
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** The message {@code messageId} of chat {@code fromChatId}, copied as it is: media goes across this way. */
    record Copy(long chatId, long fromChatId, int messageId, Lane lane) implements DialogMessage {
    }
}
