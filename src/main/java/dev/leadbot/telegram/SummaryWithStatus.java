package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleReply;
import dev.leadbot.lead.Answer;
import java.util.List;
import java.util.function.Function;

/**
 * An owner-chat message of summaries as it stands after a status change, in the form it was sent in (see
 * {@link OwnerDigest#withStatus}): the compact summaries of several leads or the full one of a lead alone, each with the
 * line saying who took it and what came of it under it.
 */
final class SummaryWithStatus {

    private SummaryWithStatus() {
    }

    static String html(List<ConsoleReply.ShownLead> leads, Function<Answer, String> asked) {
        return OwnerDigest.withStatus(leads.stream().map(ConsoleReply.ShownLead::lead).toList(),
                leads.stream().map(ConsoleReply.ShownLead::status).toList(), asked);
    }
}
