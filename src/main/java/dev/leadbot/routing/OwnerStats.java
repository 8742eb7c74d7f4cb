package dev.leadbot.routing;

import dev.leadbot.console.Periods;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.funnel.FunnelReport;
import dev.leadbot.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an owner's {@code /stats [7d|24h]}: the funnel of the period, which the chat port shows as a chart with a few
 * lines under it. The report is read on its own thread over its own read-only connection, so a large funnel never holds
 * up the conversations. Not durable: a /stats lost to a crash is simply asked again.
 */
public final class OwnerStats {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerStats.class);
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    /** Silence after which a prospect counts as stopped, as {@code leadbot stats} has it by default. */
    static final Duration IDLE = Duration.ofHours(1);

    /** The funnel's events from a moment on, one by one, read over a connection of their own (not the bot's). */
    public interface FunnelSource {
        void read(Instant since, Consumer<FunnelEvent> each) throws StoreException;
    }

    private final FunnelSource funnel;
    private final String flow;
    private final ChatPort chats;
    private final ExecutorService thread;
    private final Clock clock;

    /** @param funnel the bot's funnel, read over a connection of its own */
    public OwnerStats(FunnelSource funnel, String flow, ChatPort chats, ExecutorService thread, Clock clock) {
        this.funnel = funnel;
        this.flow = flow;
        this.chats = chats;
        this.thread = thread;
        this.clock = clock;
    }

    /** {@code /stats [period]} from an owner's chat (the console's gate let it through), answered on the stats thread. */
    void stats(long chatId, Optional<String> period) {
        thread.execute(() -> chats.stats(chatId, answer(chatId, period)));
    }

    private StatsAnswer answer(long chatId, Optional<String> argument) {
        Optional<Duration> period = argument.map(Periods::parse).orElse(Optional.of(DEFAULT_PERIOD));
        if (period.isEmpty()) {
            return new StatsAnswer.Usage();
        }
        Instant now = clock.instant();
        Instant since = now.minus(period.get());
        try {
            FunnelReport.Builder counting = new FunnelReport.Builder(since, IDLE);
            funnel.read(since, counting::add);
            return new StatsAnswer.Funnel(counting.at(now), period.get(), flow);
        } catch (StoreException e) {
            LOG.error("chat={} /stats could not read the funnel: {}", chatId, e.getMessage());
            return new StatsAnswer.Unreadable();
        }
    }
}
