package dev.leadbot.telegram;

import dev.leadbot.console.LeadButtons;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One message to an owner chat: the summaries of the leads it carries, each whole with its profile link, within
 * Telegram's 4,096 characters. A lead alone in its message shows its full summary (in messages of its own if it is too
 * long for one); several leads in one message show the compact one each ({@link OwnerSummaryHtml#compact}), about ten to
 * a message instead of four, since an owner chat takes about one message a second and in a spike every message counts.
 * Messages are split only between leads. Knowing which leads a message carries is what lets each lead be marked delivered
 * when its message is accepted, and what its rows of buttons are built from.
 */
record OwnerDigest(List<Lead> leads, String html) {

    /** Between two summaries in one message. */
    static final String BETWEEN = "\n\n";
    /**
     * Telegram takes at most 100 buttons under a message, and each lead brings up to {@link LeadButtons#MOST_BUTTONS}. The
     * room kept for each lead's status already keeps a message under this many (27 of the shortest leads fill one); the cap
     * keeps the buttons within Telegram's limit should that room ever shrink.
     */
    static final int MOST_LEADS = 100 / LeadButtons.MOST_BUTTONS;

    OwnerDigest {
        leads = List.copyOf(leads);
    }

    /** The fewest messages that carry every lead's summary, in the leads' order. */
    static List<OwnerDigest> pack(List<Lead> leads, Function<Answer, String> asked) {
        List<OwnerDigest> messages = new ArrayList<>();
        List<Lead> open = new ArrayList<>();
        int length = 0;
        for (Lead lead : leads) {
            int needed = OwnerSummaryHtml.visibleLength(OwnerSummaryHtml.compact(lead)) + OwnerSummaryHtml.STATUS_ROOM
                    + (open.isEmpty() ? 0 : BETWEEN.length());
            if (!open.isEmpty() && (length + needed > OwnerSummaryHtml.LIMIT || open.size() == MOST_LEADS)) {
                messages.addAll(messages(open, asked));
                open.clear();
                length = 0;
                needed -= BETWEEN.length();
            }
            open.add(lead);
            length += needed;
        }
        if (!open.isEmpty()) {
            messages.addAll(messages(open, asked));
        }
        return messages;
    }

    /** The message of these leads, or the messages of one lead's full summary. */
    private static List<OwnerDigest> messages(List<Lead> leads, Function<Answer, String> asked) {
        if (leads.size() == 1) {
            return OwnerSummaryHtml.messages(leads.get(0), asked).stream().map(part -> new OwnerDigest(leads, part)).toList();
        }
        return List.of(new OwnerDigest(leads, leads.stream().map(OwnerSummaryHtml::compact).collect(Collectors.joining(BETWEEN))));
    }

    /**
     * A message of these leads as it stands now, each with the line under it saying who took it and what came of it: the
     * compact summaries of a message of several, the full one (its last part) of a lead alone. What a claim's edit shows, so
     * an edit keeps the form the message was sent in and, with {@link OwnerSummaryHtml#STATUS_ROOM} kept free for each
     * status, stays within Telegram's limit.
     */
    static String withStatus(List<Lead> leads, List<String> statuses, Function<Answer, String> asked) {
        List<String> summaries = leads.size() == 1 ? List.of(last(OwnerSummaryHtml.messages(leads.get(0), asked)))
                : leads.stream().map(OwnerSummaryHtml::compact).toList();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            shown.add(statuses.get(i).isEmpty() ? summaries.get(i) : summaries.get(i) + "\n" + Html.escape(statuses.get(i)));
        }
        return String.join(BETWEEN, shown);
    }

    private static String last(List<String> parts) {
        return parts.get(parts.size() - 1);
    }
}
