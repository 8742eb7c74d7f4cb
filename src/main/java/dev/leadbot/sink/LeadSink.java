package dev.leadbot.sink;

import dev.leadbot.lead.Lead;

/**
 * A destination for finished leads: the owner's chat, a file, a CRM. Implementations see only
 * the {@link Lead} and their own settings, and use the lead id as the idempotency key, so a
 * retried delivery never creates a second record.
 */
public interface LeadSink {

    /** A short name for logs and the delivery table, e.g. {@code jsonl} or {@code amocrm}. */
    String name();

    /**
     * Hands over one lead; never throws for a destination's failure, it reports it instead.
     *
     * @param attempt 1 for the first attempt; from 2 on, an earlier attempt may have reached the
     *                destination unseen (it timed out, or the process died waiting), so a sink that
     *                creates records looks the lead up before creating it again
     */
    Delivery deliver(Lead lead, int attempt);

    /**
     * Checks the settings and, where the destination allows a harmless read, that the credentials
     * work; sends no lead. For {@code leadbot sinks check}.
     */
    default SinkCheck check() {
        return new SinkCheck.Passed("nothing to check remotely");
    }
}
