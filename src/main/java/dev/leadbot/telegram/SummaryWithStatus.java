package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleReply;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An owner-chat message of summaries as it stands after a status change: each lead's summary (its last
 * part, for one too long for a message), with the line saying who took it and what came of it under it.
 * Summaries leave {@link OwnerSummaryHtml#STATUS_ROOM} free, so the edit stays within Telegram's limit.
 */
final class SummaryWithStatus {

    private SummaryWithStatus() {
    }

    static String html(List<ConsoleReply.ShownLead> leads) {
        return leads.stream().map(shown -> {
            List<String> parts = OwnerSummaryHtml.messages(shown.lead());
            String summary = parts.get(parts.size() - 1);
            return shown.status().isEmpty() ? summary : summary + "\n" + Html.escape(shown.status());
        }).collect(Collectors.joining(OwnerDigest.BETWEEN));
    }
}
