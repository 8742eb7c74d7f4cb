package dev.leadbot.telegram;

import dev.leadbot.chart.FunnelChart;
import dev.leadbot.console.Periods;
import dev.leadbot.funnel.FunnelReport;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * Answers an owner's {@code /stats [7d|24h]}: the funnel of the period as a chart with a few lines
 * under it. The report is read on its own thread over its own read-only connection, so a large
 * funnel never holds up the conversations; a 429 waits {@code retry_after}, a network error is
 * retried a few times, and a request that cannot be answered is logged. Not durable: a /stats
 * lost to a crash is simply asked again.
 */
final class OwnerStats {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerStats.class);
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    /** Silence after which a prospect counts as stopped, as {@code leadbot stats} has it by default. */
    static final Duration IDLE = Duration.ofHours(1);
    private static final String USAGE = "Статистика: /stats — за 7 дней, /stats 30d — за 30 дней, /stats 24h — за сутки.";

    private final Database database;
    private final String flow;
    private final BotApi api;
    private final ExecutorService thread;
    private final Clock clock;

    /** @param database the bot's database, read over a connection of this class's own */
    OwnerStats(Database database, String flow, BotApi api, ExecutorService thread, Clock clock) {
        this.database = database;
        this.flow = flow;
        this.api = api;
        this.thread = thread;
        this.clock = clock;
    }

    /** {@code /stats [period]} from an owner's chat (the console's gate let it through), answered on the stats thread. */
    void stats(long chatId, Optional<String> period) {
        thread.execute(() -> answer(chatId, period));
    }

    private void answer(long chatId, Optional<String> argument) {
        Optional<Duration> period = argument.map(Periods::parse).orElse(Optional.of(DEFAULT_PERIOD));
        if (period.isEmpty()) {
            deliver(chatId, "usage", () -> api.call(text(chatId, USAGE)));
            return;
        }
        Instant now = clock.instant();
        Instant since = now.minus(period.get());
        FunnelReport report;
        try (Store store = Store.openForTools(database, clock)) {
            FunnelReport.Builder counting = new FunnelReport.Builder(since, IDLE);
            store.funnel().events(since, false, counting::add);
            report = counting.at(now);
        } catch (StoreException e) {
            LOG.error("chat={} /stats could not read the funnel: {}", chatId, e.getMessage());
            deliver(chatId, "error", () -> api.call(text(chatId, "Не удалось прочитать статистику; подробности в журнале бота.")));
            return;
        }
        String caption = StatsCaption.html(report, period.get(), flow);
        if (report.questions().isEmpty()) {
            deliver(chatId, "text", () -> api.call(text(chatId, caption)));
            return;
        }
        byte[] png = FunnelChart.png(report, StatsCaption.chartWords(report, period.get()));
        deliver(chatId, "photo", () -> api.send(SendPhoto.builder().chatId(chatId).caption(caption).parseMode(Replies.HTML)
                .photo(new InputFile(new ByteArrayInputStream(png), "funnel.png")).build()));
    }

    private static SendMessage text(long chatId, String html) {
        return SendMessage.builder().chatId(chatId).text(html).parseMode(Replies.HTML).build();
    }

    private static void deliver(long chatId, String what, Supplier<CallResult> call) {
        DirectCalls.make(chatId, "/stats answer (" + what + ")", call);
    }
}
