package dev.leadbot.telegram;

import dev.leadbot.lead.Lead;
import java.util.ArrayList;
import java.util.List;

/**
 * One message to an owner chat: the summaries of the leads it carries, each whole with its profile
 * link, within Telegram's 4,096 characters. A summary too long for one message gets messages of its
 * own; otherwise messages are split only between leads. Knowing which leads a message carries is
 * what lets each lead be marked delivered when its message is accepted, and what a row of buttons
 * per lead would be built from.
 */
record OwnerDigest(List<Lead> leads, String html) {

    /** Between two summaries in one message. */
    static final String BETWEEN = "\n\n";

    OwnerDigest {
        leads = List.copyOf(leads);
    }

    /** The fewest messages that carry every lead's summary, in the leads' order. */
    static List<OwnerDigest> pack(List<Lead> leads) {
        List<OwnerDigest> messages = new ArrayList<>();
        List<Lead> open = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        int length = 0;
        for (Lead lead : leads) {
            List<String> parts = OwnerSummaryHtml.messages(lead);
            int needed = OwnerSummaryHtml.visibleLength(parts.get(0)) + OwnerSummaryHtml.STATUS_ROOM
                    + (open.isEmpty() ? 0 : BETWEEN.length());
            if (!open.isEmpty() && (parts.size() > 1 || length + needed > OwnerSummaryHtml.LIMIT)) {
                messages.add(new OwnerDigest(open, html.toString()));
                open.clear();
                html.setLength(0);
                length = 0;
                needed = OwnerSummaryHtml.visibleLength(parts.get(0)) + OwnerSummaryHtml.STATUS_ROOM;
            }
            if (parts.size() > 1) {
                parts.forEach(part -> messages.add(new OwnerDigest(List.of(lead), part)));
                continue;
            }
            if (!open.isEmpty()) {
                html.append(BETWEEN);
            }
            html.append(parts.get(0));
            open.add(lead);
            length += needed;
        }
        if (!open.isEmpty()) {
            messages.add(new OwnerDigest(open, html.toString()));
        }
        return messages;
    }
}
