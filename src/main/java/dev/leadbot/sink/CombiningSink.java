package dev.leadbot.sink;

import dev.leadbot.lead.Lead;
import java.util.List;

/**
 * A sink that does better with every waiting lead at once than with one lead at a time: an
 * owner's Telegram chat takes about one message a second, so in a spike the summaries waiting for
 * it go together as a digest instead of falling minutes behind.
 */
public interface CombiningSink extends LeadSink {

    /**
     * Hands over {@code leads} together; never throws for a destination's failure. Returns one
     * outcome per lead, in the same order: {@link Delivery.Delivered} only once all of that lead
     * arrived (a digest message carrying it was accepted), so a failure resends just the rest.
     */
    List<Delivery> deliverTogether(List<Lead> leads);
}
