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

    /** Hands over one lead; never throws for a destination's failure, it reports it instead. */
    Delivery deliver(Lead lead);
}
