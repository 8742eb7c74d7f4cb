package dev.leadbot.routing;

import dev.leadbot.funnel.FunnelReport;
import java.time.Duration;

/** What an owner's /stats comes to: how to ask, that the funnel could not be read, or the funnel of a period. */
public sealed interface StatsAnswer {

    /** The period did not parse: how to write one. */
    record Usage() implements StatsAnswer {
    }

    /** The funnel could not be read (the reason is in the bot's log). */
    record Unreadable() implements StatsAnswer {
    }

    /** The funnel of the running flow over {@code period} up to now. */
    record Funnel(FunnelReport report, Duration period, String flow) implements StatsAnswer {
    }
}
