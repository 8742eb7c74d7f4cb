package dev.leadbot.testing;

import dev.leadbot.telegram.fake.BotMessage;
import java.util.List;

/** What an owner's chat shows: lead summaries, several to a message when they waited together (a digest). */
public final class OwnerChat {

    private OwnerChat() {
    }

    /** How many lead summaries these messages carry. */
    public static long leadsIn(List<BotMessage> messages) {
        return messages.stream().mapToLong(m -> m.text().split("Новый лид", -1).length - 1).sum();
    }
}
