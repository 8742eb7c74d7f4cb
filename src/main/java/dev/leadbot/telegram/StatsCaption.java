package dev.leadbot.telegram;

import dev.leadbot.chart.FunnelChart;
import dev.leadbot.funnel.FunnelReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The few lines an owner reads under the funnel chart, in HTML with every name escaped (a source
 * is whatever a deep link carried), within Telegram's 1,024 characters of a caption.
 */
final class StatsCaption {

    static final int LIMIT = 1024;
    private static final int SHOWN = 3;

    private StatsCaption() {
    }

    /** "за 7 дн.", "за 24 ч": up to two days, or not whole days, in hours. */
    static String period(Duration period) {
        return period.toHours() > 48 && period.toHours() % 24 == 0 ? "за " + period.toDays() + " дн." : "за " + period.toHours() + " ч";
    }

    static String html(FunnelReport report, Duration period, String flow) {
        FunnelReport.Totals totals = report.totals();
        List<String> lines = new ArrayList<>();
        lines.add("📊 <b>Воронка " + period(period) + "</b> · " + Html.escape(flow));
        lines.add("Начали: " + totals.started() + " · лидов: " + totals.leads() + " (" + percent(totals.conversion()) + ")");
        lines.add("Ушли: " + totals.stopped() + " · ещё отвечают: " + totals.inProgress() + " · назад: " + totals.backs());
        totals.medianToLead().ifPresent(median -> lines.add("До лида (медиана): " + duration(median)));
        if (totals.followUps() > 0 || totals.abandoned() > 0) {
            lines.add("Напоминаний замолчавшим: " + totals.followUps() + " · бросили после них: " + totals.abandoned());
        }
        List<FunnelReport.Question> stops = report.questions().stream().filter(q -> q.stopped() > 0)
                .sorted((a, b) -> Integer.compare(b.stopped(), a.stopped())).limit(SHOWN).toList();
        if (!stops.isEmpty()) {
            lines.add("Чаще всего уходят на: " + String.join(", ", stops.stream()
                    .map(q -> "<code>" + Html.escape(q.node()) + "</code> " + q.stopped()).toList()));
        }
        groups(lines, "Пути", report.paths());
        groups(lines, "Источники", report.sources());
        if (report.questions().isEmpty()) {
            lines.add("Пока ни одного шага за этот период.");
        }
        StringBuilder caption = new StringBuilder();
        for (String line : lines) {
            // Whole lines only, and the least important ones go first, should a long list of sources not fit.
            String next = caption.isEmpty() ? line : caption + "\n" + line;
            if (visible(next) > LIMIT) {
                break;
            }
            caption.setLength(0);
            caption.append(next);
        }
        return caption.toString();
    }

    /** The chart's words for the same report. */
    static FunnelChart.Words chartWords(FunnelReport report, Duration period) {
        return new FunnelChart.Words("дошли", "ответили", "ушли", "Воронка " + period(period),
                "Начали " + report.totals().started() + " · лидов " + report.totals().leads() + " (" + percent(report.totals().conversion())
                        + ")");
    }

    private static void groups(List<String> lines, String title, List<FunnelReport.Group> groups) {
        if (groups.isEmpty() || groups.size() == 1 && groups.get(0).name().equals(FunnelReport.NONE)) {
            return;
        }
        Function<FunnelReport.Group, String> shown = g -> Html.escape(g.name()) + " " + percent(g.conversion()) + " (" + g.started() + ")";
        List<String> parts = new ArrayList<>(groups.stream().limit(SHOWN).map(shown).toList());
        if (groups.size() > SHOWN) {
            parts.add("…");
        }
        lines.add(title + ": " + String.join(", ", parts));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** 45 с, 2 мин 10 с, 3 ч 05 мин. */
    static String duration(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds < 60) {
            return seconds + " с";
        }
        if (seconds < 3600) {
            return seconds / 60 + " мин " + seconds % 60 + " с";
        }
        return seconds / 3600 + " ч " + seconds % 3600 / 60 + " мин";
    }

    /** The length a reader sees: without tags, entities counted as one character. */
    private static int visible(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("&[a-z#0-9]+;", "x").length();
    }
}
