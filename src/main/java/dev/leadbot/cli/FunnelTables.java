package dev.leadbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.console.CsvExport;
import dev.leadbot.funnel.FunnelReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A {@link FunnelReport} as the {@code stats} command prints it: an aligned table, CSV for Excel, or JSON. */
final class FunnelTables {

    /** Which rows: per question, per path, or per source. */
    enum By { node, path, source }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FunnelTables() {
    }

    /** The period and its totals, then one row per question, path or source. */
    static String table(FunnelReport report, By by) {
        FunnelReport.Totals totals = report.totals();
        StringBuilder out = new StringBuilder();
        out.append("Funnel ").append(report.since().equals(Instant.EPOCH) ? "of every recorded step up to" : time(report.since()) + " →")
                .append(' ').append(time(report.until())).append(" UTC")
                .append(report.versions().size() == 1 ? ", flow version " + report.versions().get(0).id() : "").append('\n');
        if (report.versions().size() > 1) {
            out.append(versions(report.versions())).append('\n');
        }
        out.append(String.format(Locale.ROOT, "started %d · leads %d (%s) · stopped %d · in progress %d · median to lead %s%n",
                totals.started(), totals.leads(), percent(totals.conversion()), totals.stopped(), totals.inProgress(),
                duration(totals.medianToLead())));
        out.append(String.format(Locale.ROOT, "back %d · restarts %d · resumed %d · reminders %d · abandoned %d · stopped = silent for %s"
                + " or longer%n%n", totals.backs(), totals.restarts(), totals.resumes(), totals.followUps(), totals.abandoned(),
                duration(Optional.of(report.idle()))));
        List<List<String>> rows = rows(report, by);
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row.get(0)));
            for (int i = 1; i < row.size(); i++) {
                line.append("  ").append(String.format("%" + widths[i] + "s", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The rows alone, UTF-8 with a byte-order mark for Excel; durations in seconds. */
    static String csv(FunnelReport report, By by) {
        StringBuilder out = new StringBuilder(CsvExport.BOM);
        List<List<String>> rows = by == By.node ? questionRows(report, FunnelTables::seconds) : groupRows(report, by, FunnelTables::seconds);
        rows.forEach(row -> CsvExport.row(out, row));
        return out.toString();
    }

    /** Everything: the totals and the rows per question, path and source; durations in seconds, null when there is none. */
    static String json(FunnelReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("since", report.since().toString()).put("until", report.until().toString()).put("idle_seconds", report.idle().toSeconds());
        ArrayNode versions = root.putArray("versions");
        report.versions().forEach(v -> versions.addObject().put("id", v.id()).put("from", v.firstSeen().toString()));
        FunnelReport.Totals totals = report.totals();
        ObjectNode sums = root.putObject("totals").put("started", totals.started()).put("leads", totals.leads())
                .put("conversion", totals.conversion()).put("stopped", totals.stopped()).put("in_progress", totals.inProgress())
                .put("backs", totals.backs()).put("restarts", totals.restarts()).put("resumes", totals.resumes())
                .put("reminders", totals.followUps()).put("abandoned", totals.abandoned());
        seconds(sums, "median_seconds_to_lead", totals.medianToLead());
        ArrayNode questions = root.putArray("questions");
        for (FunnelReport.Question q : report.questions()) {
            seconds(questions.addObject().put("node", q.node()).put("reached", q.reached()).put("answered", q.answered())
                    .put("stopped", q.stopped()), "median_seconds_to_answer", q.medianAnswer());
        }
        groups(root.putArray("paths"), report.paths());
        groups(root.putArray("sources"), report.sources());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void groups(ArrayNode into, List<FunnelReport.Group> groups) {
        for (FunnelReport.Group g : groups) {
            seconds(into.addObject().put("name", g.name()).put("started", g.started()).put("leads", g.leads()).put("conversion", g.conversion()),
                    "median_seconds_to_lead", g.medianToLead());
        }
    }

    private static void seconds(ObjectNode node, String field, Optional<Duration> value) {
        if (value.isPresent()) {
            node.put(field, value.get().toMillis() / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    private static List<List<String>> rows(FunnelReport report, By by) {
        return by == By.node ? questionRows(report, FunnelTables::duration) : groupRows(report, by, FunnelTables::duration);
    }

    private interface Durations {
        String show(Optional<Duration> duration);
    }

    private static List<List<String>> questionRows(FunnelReport report, Durations durations) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("question", "reached", "answered", "stopped", "median answer"));
        for (FunnelReport.Question q : report.questions()) {
            rows.add(List.of(q.node(), String.valueOf(q.reached()), String.valueOf(q.answered()), String.valueOf(q.stopped()),
                    durations.show(q.medianAnswer())));
        }
        return rows;
    }

    private static List<List<String>> groupRows(FunnelReport report, By by, Durations durations) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(by.name(), "started", "leads", "conversion", "median to lead"));
        for (FunnelReport.Group g : by == By.path ? report.paths() : report.sources()) {
            rows.add(List.of(g.name(), String.valueOf(g.started()), String.valueOf(g.leads()), percent(g.conversion()),
                    durations.show(g.medianToLead())));
        }
        return rows;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** 9s, 2m 05s, 3h 02m; a dash for none. */
    static String duration(Optional<Duration> duration) {
        if (duration.isEmpty()) {
            return "—";
        }
        long seconds = Math.round(duration.get().toMillis() / 1000.0);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).orElse("");
    }

    /** Several versions, each from its first step on: every edit of the flow a prospect could notice starts a new one. */
    private static String versions(List<FunnelReport.Version> versions) {
        List<String> each = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            FunnelReport.Version version = versions.get(i);
            each.add(version.id() + " (from " + time(version.firstSeen()) + (i == versions.size() - 1 ? ", the newest)" : ")"));
        }
        return "flow versions, one per edit a prospect could notice: " + String.join(", ", each);
    }

    private static String time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ').substring(0, 16);
    }
}
