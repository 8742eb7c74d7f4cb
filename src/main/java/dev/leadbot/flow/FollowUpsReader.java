package dev.leadbot.flow;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code follow_ups:}, the flow's and a question's own, and checks what a reminder needs:
 * durations that are durations and gaps that grow, a real time zone and quiet hours, a text in every
 * language the flow's questions speak that fits one message with its question.
 */
final class FollowUpsReader {

    static final String KEY = "follow_ups";
    private static final List<String> FLOW_KEYS = List.of("quiet_hours", "time_zone", "late_by_at_most", "abandon_after", "reminders");
    private static final List<String> FLOW_ONLY = List.of("quiet_hours", "time_zone", "late_by_at_most");
    private static final List<String> REMINDER_KEYS = List.of("after", "text");
    /** The blank line between a reminder and the question under it, in their one message. */
    private static final int BETWEEN = 2;
    private static final Pattern HOURS = Pattern.compile("([0-9]{1,2}):([0-9]{2})\\s*-\\s*([0-9]{1,2}):([0-9]{2})");

    /** A question's {@code follow_ups:}: its own reminders, or none at all. */
    sealed interface Own {
        /** {@code follow_ups: none}: nothing is sent at this question, and silence there abandons nothing. */
        record Off() implements Own {
        }

        record Given(List<FollowUps.Reminder> reminders, Optional<Duration> abandonAfter) implements Own {
        }
    }

    /** A reminder's text as written, and which questions it may be sent with, for the checks that need every node. */
    private record Written(Text text, String what, Optional<String> node) {
    }

    private final Problems problems;
    private final TextReader texts;
    private final List<Written> written = new ArrayList<>();

    FollowUpsReader(Problems problems, TextReader texts) {
        this.problems = problems;
        this.texts = texts;
    }

    /** The flow's {@code follow_ups:}, if it has one without mistakes. */
    Optional<FollowUps> flow(YamlMap top) {
        if (!top.has(KEY)) {
            return Optional.empty();
        }
        int before = problems.size();
        Optional<YamlMap> read = YamlMap.read(top.value(KEY).orElseThrow(), KEY, FLOW_KEYS, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        List<FollowUps.Reminder> reminders = reminders(map, Optional.empty());
        Duration abandonAfter = duration(map, "abandon_after").orElse(FollowUps.ABANDON_AFTER);
        Duration late = duration(map, "late_by_at_most").orElse(FollowUps.LATE_BY_AT_MOST);
        Optional<ZoneId> zone = map.string("time_zone").map(String::strip).flatMap(z -> zone(z, map));
        Optional<FollowUps.QuietHours> quiet = map.string("quiet_hours").map(String::strip).flatMap(q -> quietHours(q, map));
        return problems.size() > before ? Optional.empty() : Optional.of(new FollowUps(reminders, abandonAfter, quiet, zone, late));
    }

    /** A question's own {@code follow_ups:}; empty when it has none (the flow's apply) or it has mistakes (reported). */
    Optional<Own> question(String node, YamlMap map) {
        if (!map.has(KEY)) {
            return Optional.empty();
        }
        org.yaml.snakeyaml.nodes.Node yaml = map.value(KEY).orElseThrow();
        String what = KEY + " of node '" + node + "'";
        if (yaml instanceof ScalarNode scalar) {
            if (scalar.getValue().strip().equals("none")) {
                return Optional.of(new Own.Off());
            }
            problems.add(scalar, "'" + KEY + "' in node '" + node + "' is '" + scalar.getValue() + "'; write 'none' for no reminders at"
                    + " this question, or 'reminders:' under it for its own");
            return Optional.empty();
        }
        int before = problems.size();
        Optional<YamlMap> read = YamlMap.read(yaml, what, FLOW_KEYS, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap own = read.get();
        for (String key : FLOW_ONLY) {
            if (own.has(key)) {
                problems.add(own.keyAt(key), "'" + key + "' in " + what + " applies to the whole flow; write it under the '" + KEY
                        + ":' at the top of the file");
            }
        }
        List<FollowUps.Reminder> reminders = reminders(own, Optional.of(node));
        Optional<Duration> abandonAfter = duration(own, "abandon_after");
        return problems.size() > before ? Optional.empty() : Optional.of(new Own.Given(reminders, abandonAfter));
    }

    private List<FollowUps.Reminder> reminders(YamlMap map, Optional<String> node) {
        Optional<org.yaml.snakeyaml.nodes.Node> yaml = map.value("reminders");
        if (yaml.isEmpty()) {
            return List.of();
        }
        if (!(yaml.get() instanceof SequenceNode list)) {
            problems.add(yaml.get(), "'reminders' in " + map.what() + " must be a list of reminders, each '- after: 15m' with its"
                    + " 'text:' under it");
            return List.of();
        }
        List<FollowUps.Reminder> reminders = new ArrayList<>();
        List<Optional<Duration>> afters = new ArrayList<>();
        List<YamlMap> maps = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            String what = "reminder " + (i + 1) + " in " + map.what();
            Optional<YamlMap> reminder = YamlMap.read(list.getValue().get(i), what, REMINDER_KEYS, problems);
            if (reminder.isEmpty()) {
                afters.add(Optional.empty());
                maps.add(null);
                continue;
            }
            YamlMap r = reminder.get();
            maps.add(r);
            if (!r.has("after") && !r.misspelt("after")) {
                problems.add(r.at(), what + " has no 'after'; write how long the prospect has been silent at the question before it"
                        + " is sent, such as 'after: 15m'");
            }
            Optional<Duration> after = duration(r, "after");
            afters.add(after);
            Optional<Text> text = texts.read(r, "text", "write what the prospect reads, in every language the flow has");
            text.ifPresent(t -> {
                placeholders(t, what);
                written.add(new Written(t, what, node));
            });
            if (after.isPresent() && text.isPresent()) {
                reminders.add(new FollowUps.Reminder(after.get(), text.get()));
            }
        }
        growing(afters, maps);
        return reminders;
    }

    /** Each reminder waits longer after the one before than that one waited: a prospect who does not answer is reminded less and less often. */
    private void growing(List<Optional<Duration>> afters, List<YamlMap> maps) {
        Duration previous = Duration.ZERO;
        Duration gap = Duration.ZERO;
        for (int i = 0; i < afters.size(); i++) {
            if (afters.get(i).isEmpty()) {
                return;
            }
            Duration after = afters.get(i).get();
            Duration own = after.minus(previous);
            if (i > 0 && own.compareTo(gap) <= 0) {
                String since = i == 1 ? "the " + Durations.format(gap) + " before reminder 1"
                        : "the " + Durations.format(gap) + " between reminders " + (i - 1) + " and " + i;
                problems.add(maps.get(i).valueAt("after"), "reminder " + (i + 1) + " in " + maps.get(i).what().replaceAll("^reminder \\d+ in ", "")
                        + (own.isNegative() || own.isZero() ? " comes no later than reminder " + i + " (" + Durations.format(after) + " of silence"
                                + " against " + Durations.format(previous) + ")"
                                : " comes " + Durations.format(own) + " after reminder " + i + ", no longer than " + since)
                        + "; reminders are counted from the prospect's last message and each waits longer than the one before, so write"
                        + " 'after: " + Durations.format(previous.plus(gap).plus(unit(gap))) + "' or more");
                return;
            }
            previous = after;
            gap = own;
        }
    }

    /** The smallest step worth suggesting beyond {@code gap}: a minute, or a second for spans under a minute. */
    private static Duration unit(Duration gap) {
        return gap.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
    }

    /** A reminder may come at any question, before most answers are known: it can show the prospect's first name only. */
    private void placeholders(Text text, String what) {
        for (TextReader.Placeholder used : texts.placeholders(text)) {
            if (!used.name().equals(Flow.PROSPECT_NAME)) {
                problems.add(used.at(), "'{" + used.name() + "}' in " + what + " cannot be shown: a reminder may come at any question,"
                        + " before other answers are known, so it can use only {" + Flow.PROSPECT_NAME + "}, the prospect's first name"
                        + " ('{{' and '}}' show a brace)");
            }
        }
    }

    private Optional<Duration> duration(YamlMap map, String key) {
        return map.string(key).map(String::strip).flatMap(written -> {
            Optional<Duration> parsed = Durations.parse(written);
            if (parsed.isEmpty()) {
                problems.add(map.valueAt(key), "'" + key + "' in " + map.what() + " is '" + written + "', not a span of time; write "
                        + Durations.FORM + (written.matches("[0-9]+") ? " ('" + written + "m' for minutes)" : ""));
            } else if (parsed.get().isZero()) {
                problems.add(map.valueAt(key), "'" + key + "' in " + map.what() + " is zero; write a span longer than that, such as 15m");
                return Optional.empty();
            }
            return parsed;
        });
    }

    private Optional<ZoneId> zone(String written, YamlMap map) {
        try {
            return Optional.of(ZoneId.of(written));
        } catch (DateTimeException e) {
            problems.add(map.valueAt("time_zone"), "time_zone '" + written + "' in " + map.what() + " is not a time zone"
                    + Suggestions.didYouMean(written, ZoneId.getAvailableZoneIds(), "; write a name from the tz database, such as"
                    + " Europe/Moscow, Asia/Almaty or UTC"));
            return Optional.empty();
        }
    }

    private Optional<FollowUps.QuietHours> quietHours(String written, YamlMap map) {
        Matcher m = HOURS.matcher(written);
        String fix = "; write the span in 24-hour time, such as \"21:00-09:00\" (in quotes)";
        if (!m.matches()) {
            problems.add(map.valueAt("quiet_hours"), "quiet_hours '" + written + "' in " + map.what() + " is not a span of the day" + fix);
            return Optional.empty();
        }
        int fromHour = Integer.parseInt(m.group(1));
        int fromMinute = Integer.parseInt(m.group(2));
        int toHour = Integer.parseInt(m.group(3));
        int toMinute = Integer.parseInt(m.group(4));
        if (fromHour > 23 || toHour > 23 || fromMinute > 59 || toMinute > 59) {
            problems.add(map.valueAt("quiet_hours"), "quiet_hours '" + written + "' in " + map.what() + " has a time that is not on the"
                    + " clock (hours 0 to 23, minutes 0 to 59)" + fix);
            return Optional.empty();
        }
        LocalTime from = LocalTime.of(fromHour, fromMinute);
        LocalTime to = LocalTime.of(toHour, toMinute);
        if (from.equals(to)) {
            problems.add(map.valueAt("quiet_hours"), "quiet_hours '" + written + "' in " + map.what() + " start and end at the same time;"
                    + " write when they end, such as \"" + written.replaceAll("-.*", "").strip() + "-09:00\", or remove the key for none");
            return Optional.empty();
        }
        return Optional.of(new FollowUps.QuietHours(from, to));
    }

    /**
     * What needs every node: a reminder in each language the questions speak (an English-speaking prospect is not
     * reminded in Russian), and short enough to go in one message with each question it is sent with.
     */
    void check(Map<String, Node> nodes, TextLengths lengths, Map<String, Own> own) {
        Set<String> languages = new TreeSet<>();
        nodes.values().forEach(node -> node.texts().forEach(t -> languages.addAll(t.translations().keySet())));
        for (Written reminder : written) {
            Set<String> missing = new LinkedHashSet<>(languages);
            missing.removeAll(reminder.text().translations().keySet());
            if (!reminder.text().translations().isEmpty() && !missing.isEmpty()) {
                problems.add(reminder.text().at(), reminder.what() + " has no " + String.join(", ", missing.stream().map(l -> "'" + l + ":'")
                        .toList()) + " text, though the flow's questions are written in " + String.join(", ", missing) + " too; add "
                        + (missing.size() == 1 ? "it" : "them") + ", or those prospects are reminded in another language");
                continue;
            }
            int length = lengths.longestRendered(reminder.text());
            Map<String, Integer> questions = new LinkedHashMap<>();
            for (Node node : nodes.values()) {
                boolean asks = node.savesAs().isPresent();
                boolean applies = reminder.node().map(node.id()::equals).orElse(!own.containsKey(node.id()));
                if (asks && applies) {
                    questions.put(node.id(), lengths.longestRendered(node.text()));
                }
            }
            questions.entrySet().stream().filter(q -> length + BETWEEN + q.getValue() > TextLengths.MESSAGE_LIMIT).findFirst()
                    .ifPresent(q -> problems.add(reminder.text().at(), reminder.what() + " goes in one message with the question it"
                            + " reminds of, and with node '" + q.getKey() + "' that can reach " + String.format("%,d", length
                            + BETWEEN + q.getValue()) + " characters, over Telegram's " + String.format("%,d",
                            TextLengths.MESSAGE_LIMIT) + " for one message; shorten the reminder"));
        }
    }

    /** Where a question's own follow-ups replace the flow's, resolved: empty for none. */
    static Map<String, Optional<FollowUps>> resolve(Optional<FollowUps> flow, Map<String, Own> own) {
        Map<String, Optional<FollowUps>> resolved = new LinkedHashMap<>();
        own.forEach((node, given) -> resolved.put(node, given instanceof Own.Given g
                ? Optional.of(flow.orElse(new FollowUps(List.of(), FollowUps.ABANDON_AFTER, Optional.empty(), Optional.empty(),
                        FollowUps.LATE_BY_AT_MOST)).forQuestion(g.reminders(), g.abandonAfter()))
                : Optional.empty()));
        return resolved;
    }
}
