package dev.leadbot.testing;

import dev.leadbot.telegram.fake.BotMessage;
import java.util.List;

/** What an owner's chat shows: lead summaries, several to a message when they waited together (a digest). */
public final class OwnerChat {

    private OwnerChat() {
    }

    /** How many lead summaries these messages carry: each, full or compact, links its prospect's profile once. */
    public static long leadsIn(List<BotMessage> messages) {
        return messages.stream().mapToLong(m -> m.html().split("tg://user\\?id=", -1).length - 1).sum();
    }
}
