package dev.leadbot.console;

import java.util.List;
import java.util.Set;

/**
 * The configured owner chats: the one gate for every owner command and button. Whoever else sends
 * them is answered as a prospect, and learns nothing.
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
}
