package dev.leadbot.funnel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of one conversation, as the funnel counts it. Holds no answer a prospect typed: a
 * choice's option ids at most, so the funnel never becomes a second copy of the leads.
 *
 * @param chatId    whose conversation; {@code forget} deletes by it
 * @param at        when the step happened
 * @param flow      the flow's id
 * @param version   the flow's {@link FlowVersion}: which shape of the graph the step was taken in
 * @param startedAt when this run of the conversation began (a restart begins another), so steps
 *                  group into runs and a completion measures from its own start
 * @param step      the conversation's question number: a question shown and its answer share it
 * @param node      the question shown, answered or returned to; the end reached for {@link Kind#COMPLETED}
 * @param answer    for an answered choice or checklist, the option ids picked ({@code +}-joined); empty otherwise
 * @param path      the branch taken at the flow's {@link Fork}; empty before the prospect reaches it
 * @param source    the deep-link payload the conversation started with
 */
public record FunnelEvent(Kind kind, long chatId, Instant at, String flow, String version, Instant startedAt, int step, String node,
        Optional<String> answer, Optional<String> path, Optional<String> source) {

    /**
     * What happened. A prospect silent for a while counts as stopped in reports whether or not the flow has follow-ups;
     * {@link #ABANDONED} records when a flow's follow-ups went unanswered.
     */
    public enum Kind {
        /** A conversation began: a first message, a /start after a finished one, or a flow change that started it over. */
        STARTED,
        /** A question was shown (also again, after back or on resuming). */
        SHOWN,
        /** A question was answered. */
        ANSWERED,
        /** The prospect undid their last answer; {@code node} is the question they are back at. */
        BACK,
        /** The prospect dropped their answers and began again. */
        RESTARTED,
        /** After a second /start mid-flow, the prospect chose to continue where they were. */
        RESUMED,
        /** The prospect reached an end: a lead. */
        COMPLETED,
        /** A reminder went to a prospect silent at the question {@code node} (the bot's doing: not the prospect's activity). */
        FOLLOWED_UP,
        /** The prospect stayed silent after the last reminder: the conversation is abandoned at {@code node}, once per run. */
        ABANDONED
    }

    public FunnelEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
    }
}
