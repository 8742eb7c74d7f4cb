package dev.leadbot.console;

import java.util.List;
import java.util.Set;

/**
 * The configured owner chats: the one gate for every owner command and button. Whoever else sends
 * them is answered as a prospect, and learns nothing. An owner chat may be a group of managers: the gate is
 * the chat, whoever in it writes or presses; their own private chat with the bot is no owner chat.
 */
public record OwnerChats(Set<Long> ids) {

    public OwnerChats {
        ids = Set.copyOf(ids);
    }

    public static OwnerChats of(List<Long> ids) {
        return new OwnerChats(Set.copyOf(ids));
    }

    public boolean isOwner(long chatId) {
        return ids.contains(chatId);
    }

    /** Whether an owner chat is a group of managers: Telegram gives groups negative ids, people positive ones. */
    public static boolean isGroup(long chatId) {
        return chatId < 0;
    }
}
