package dev.leadbot.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where prospects drop off, from the funnel's events of a period: per question how many reached
 * it, answered it and stopped there; conversion from start to lead per path and per source; and
 * how long answers and whole conversations take. Prospects are counted once each, however often
 * they went back or started over.
 *
 * <p>A prospect has <em>stopped</em> (abandoned the conversation) at a question when it is the last
 * one they were shown, they have not finished since, and they have been silent for at least
 * {@code idle}; silent for less, they are still <em>in progress</em>. Abandoning is read from silence
 * when the report is made, not recorded, so the same events give a later report more stops.
 * Conversion counts the prospects who started in the period and how many of them became a lead.
 *
 * @param questions one row per question, the most reached first
 * @param paths     one row per path (the branch taken at the flow's fork), the most started first
 * @param sources   one row per source (deep-link payload), the most started first
 * @param versions  the flow versions the events were recorded under, oldest first
 */
public record FunnelReport(Instant since, Instant until, Duration idle, Totals totals, List<Question> questions, List<Group> paths,
        List<Group> sources, List<Version> versions) {

    /** A flow version (see {@link FlowVersion}) and its first event in the period. */
    public record Version(String id, Instant firstSeen) {
        public Version {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(firstSeen, "firstSeen");
        }
    }

    /** The label of prospects without a path yet, or who came without a source. */
    public static final String NONE = "—";

    /** The period as a whole; {@code followUps} counts the reminders sent, {@code abandoned} the conversations abandoned after them. */
    public record Totals(int started, int leads, int stopped, int inProgress, int backs, int restarts, int resumes,
            Optional<Duration> medianToLead, int followUps, int abandoned) {

        public double conversion() {
            return started == 0 ? 0 : (double) leads / started;
        }
    }

    /** One question: distinct prospects shown it, who answered it, who stopped at it; the median time from seeing it to answering. */
    public record Question(String node, int reached, int answered, int stopped, Optional<Duration> medianAnswer) {
    }

    /** One path or source: prospects who started, how many of them became leads, and the median time from start to lead. */
    public record Group(String name, int started, int leads, Optional<Duration> medianToLead) {

        public double conversion() {
            return started == 0 ? 0 : (double) leads / started;
        }
    }

    public FunnelReport {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(totals, "totals");
        questions = List.copyOf(questions);
        paths = List.copyOf(paths);
        sources = List.copyOf(sources);
        versions = List.copyOf(versions);
    }

    /**
     * The report over {@code events} (all at or after {@code since}, in the order they happened).
     *
     * @param now  when the report is made: who has been silent for {@code idle} by now has stopped
     */
    public static FunnelReport of(List<FunnelEvent> events, Instant since, Instant now, Duration idle) {
        Builder builder = new Builder(since, idle);
        events.forEach(builder::add);
        return builder.at(now);
    }

    /**
     * Counts events one by one as they are read, so a large funnel is never held in memory at once:
     * what stays is a little per prospect and per question, and the questions shown but not answered yet.
     */
    public static final class Builder {

        private final Instant since;
        private final Duration idle;
        private final Map<Long, Prospect> prospects = new LinkedHashMap<>();
        private final Map<String, Tally> questions = new LinkedHashMap<>();
        private final Map<String, Instant> versions = new LinkedHashMap<>();
        private int backs;
        private int restarts;
        private int resumes;
        private int followUps;
        private int abandoned;

        /** @param since where the period begins: every event added is at or after it, in the order they happened */
        public Builder(Instant since, Duration idle) {
            this.since = Objects.requireNonNull(since, "since");
            this.idle = Objects.requireNonNull(idle, "idle");
        }

        public void add(FunnelEvent event) {
            Prospect prospect = prospects.computeIfAbsent(event.chatId(), chat -> new Prospect());
            if (event.kind() != FunnelEvent.Kind.FOLLOWED_UP && event.kind() != FunnelEvent.Kind.ABANDONED) {
                // A reminder or an abandonment is the bot's doing, not the prospect's: their silence goes on.
                prospect.lastAt = event.at();
            }
            event.path().ifPresent(path -> prospect.path = path);
            versions.putIfAbsent(event.version(), event.at());
            switch (event.kind()) {
                case STARTED -> {
                    prospect.started = true;
                    prospect.source = event.source().orElse(NONE);
                    prospect.done = false;
                }
                case RESTARTED -> {
                    restarts++;
                    prospect.done = false;
                }
                case SHOWN -> {
                    questions.computeIfAbsent(event.node(), node -> new Tally()).reached.add(event.chatId());
                    prospect.shownAt.put(event.step(), event.at());
                    prospect.at = Optional.of(event.node());
                    prospect.done = false;
                }
                case ANSWERED -> {
                    Tally tally = questions.computeIfAbsent(event.node(), node -> new Tally());
                    tally.answered.add(event.chatId());
                    // A step is answered once: what it was shown at is needed no longer.
                    Instant shown = prospect.shownAt.remove(event.step());
                    if (shown != null) {
                        tally.answerMillis.add(Duration.between(shown, event.at()).toMillis());
                    }
                }
                case BACK -> backs++;
                case RESUMED -> resumes++;
                case FOLLOWED_UP -> {
                    followUps++;
                    // The question shown again under the reminder is the same question: its answer time counts from the first showing.
                    prospect.shownAt.keySet().stream().max(Integer::compare).filter(step -> step < event.step())
                            .ifPresent(step -> prospect.shownAt.put(event.step(), prospect.shownAt.remove(step)));
                }
                case ABANDONED -> abandoned++;
                case COMPLETED -> {
                    prospect.done = true;
                    if (prospect.started) {
                        prospect.lead = true;
                        prospect.toLeadMillis.add(Duration.between(event.startedAt(), event.at()).toMillis());
                    }
                }
            }
        }

        /** The report of the events added so far, made at {@code now}: who has been silent for the idle time by then has stopped. */
        public FunnelReport at(Instant now) {
            Instant silentSince = now.minus(idle);
            int stopped = 0;
            int inProgress = 0;
            Map<String, Integer> stops = new HashMap<>();
            for (Prospect prospect : prospects.values()) {
                if (prospect.done || prospect.at.isEmpty()) {
                    continue;
                }
                if (prospect.lastAt.isAfter(silentSince)) {
                    inProgress++;
                } else {
                    stopped++;
                    stops.merge(prospect.at.get(), 1, Integer::sum);
                }
            }
            List<Prospect> cohort = prospects.values().stream().filter(p -> p.started).toList();
            Totals totals = new Totals(cohort.size(), (int) cohort.stream().filter(p -> p.lead).count(), stopped, inProgress, backs,
                    restarts, resumes, median(cohort.stream().flatMap(p -> p.toLeadMillis.stream()).toList()), followUps, abandoned);
            List<Question> rows = new ArrayList<>();
            questions.forEach((node, tally) -> rows.add(new Question(node, tally.reached.size(), tally.answered.size(),
                    stops.getOrDefault(node, 0), median(tally.answerMillis))));
            rows.sort(Comparator.comparingInt(Question::reached).reversed());
            return new FunnelReport(since, now, idle, totals, rows, groups(cohort, p -> p.path), groups(cohort, p -> p.source),
                    versions.entrySet().stream().map(v -> new Version(v.getKey(), v.getValue())).toList());
        }
    }

    private static List<Group> groups(List<Prospect> cohort, Function<Prospect, String> key) {
        Map<String, List<Prospect>> byKey = new LinkedHashMap<>();
        cohort.forEach(p -> byKey.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((name, members) -> groups.add(new Group(name, members.size(), (int) members.stream().filter(p -> p.lead).count(),
                median(members.stream().flatMap(p -> p.toLeadMillis.stream()).toList()))));
        groups.sort(Comparator.comparingInt(Group::started).reversed());
        return groups;
    }

    private static Optional<Duration> median(List<Long> millis) {
        if (millis.isEmpty()) {
            return Optional.empty();
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        long value = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Optional.of(Duration.ofMillis(value));
    }

    /** What the events say of one prospect so far. */
    private static final class Prospect {
        private boolean started;
        private boolean lead;
        private boolean done;
        private String source = NONE;
        private String path = NONE;
        private Optional<String> at = Optional.empty();
        private Instant lastAt = Instant.EPOCH;
        private final List<Long> toLeadMillis = new ArrayList<>();
        /** When each step still unanswered was shown. */
        private final Map<Integer, Instant> shownAt = new HashMap<>();
    }

    /** What the events say of one question so far. */
    private static final class Tally {
        private final Set<Long> reached = new HashSet<>();
        private final Set<Long> answered = new HashSet<>();
        private final List<Long> answerMillis = new ArrayList<>();
    }
}
