package dev.leadbot.cli;

import dev.leadbot.chart.FunnelChart;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.funnel.FunnelReport;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * How long {@code leadbot stats} takes over a large funnel: N recorded steps (default 100,000)
 * of prospects walking the customer's flow over a week, some going back, a third becoming leads,
 * the rest stopping somewhere. Each run is the whole command: opening the database, reading the
 * steps, the report, the printed table. Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.cli.StatsBenchmark -Dexec.args=100000}.
 */
public final class StatsBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> OWNER = List.of("role", "sphere", "pain_goods", "contact_intro", "contact_name", "channel", "phone",
            "contact_time");
    private static final List<String> EXPERT = List.of("role", "features", "concept", "contact_intro", "contact_name", "channel", "phone",
            "contact_time");
    private static final List<String> SOURCES = List.of("vk_ads", "ig_story", "site", "partner_x");

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("leadbot-stats-bench");
        // With a second argument the seeded database is also copied there, to time the packaged jar on it.
        Optional<Path> keep = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
        Path db = dir.resolve("leadbot.db");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        long seedStart = System.nanoTime();
        int prospects = seed(db, clock, steps);
        System.out.printf("seeded %,d steps of %,d prospects in %.1f s (%,d bytes on disk)%n", steps, prospects,
                (System.nanoTime() - seedStart) / 1e9, Files.size(db));

        List<String> variants = List.of("--by=node", "--by=path", "--by=source", "--format=json");
        long[] millis = new long[12];
        for (int run = -3; run < millis.length; run++) {
            String variant = variants.get(Math.floorMod(run, variants.size()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int status = Main.run(new String[] {"stats", "--db", db.toString(), variant}, new ByteArrayInputStream(new byte[0]), out,
                    new ByteArrayOutputStream(), clock, Map.of());
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (status != 0) {
                throw new IllegalStateException("stats failed with status " + status);
            }
            if (run >= 0) {
                millis[run] = elapsed;
            } else if (run == -3) {
                System.out.println("first run (cold JVM): " + elapsed + " ms; its table:");
                System.out.print(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Arrays.sort(millis);
        if (keep.isPresent()) {
            Files.copy(db, keep.get(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long[] counted = new long[5];
        long[] chart = new long[5];
        for (int run = 0; run < counted.length; run++) {
            try (Store store = Store.openForTools(db, clock)) {
                long start = System.nanoTime();
                FunnelReport.Builder counting = new FunnelReport.Builder(Instant.EPOCH, Duration.ofHours(1));
                store.funnel().events(Instant.EPOCH, false, counting::add);
                FunnelReport funnel = counting.at(NOW);
                long reported = System.nanoTime();
                FunnelChart.png(funnel, new FunnelChart.Words("дошли", "ответили", "ушли", "Воронка за 7 дн.", "Начали …"));
                counted[run] = (reported - start) / 1_000_000;
                chart[run] = (System.nanoTime() - reported) / 1_000_000;
            }
            if (run == 0) {
                System.out.printf("the chart PNG of /stats, first drawn in this JVM: %d ms%n", chart[0]);
            }
        }
        Arrays.sort(counted);
        Arrays.sort(chart);
        System.out.printf("of which reading and counting the steps: median %d ms; /stats also draws the chart: median %d ms%n",
                counted[2], chart[2]);
        System.out.printf("stats over %,d steps: median %d ms, max %d ms (%d runs after 3 warm-ups)%n", steps, millis[millis.length / 2],
                millis[millis.length - 1], millis.length);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** Writes exactly {@code steps} events, in batches as the bot commits them; returns how many prospects they make. */
    private static int seed(Path db, Clock clock, int steps) throws Exception {
        Random random = new Random(12);
        List<FunnelEvent> events = new ArrayList<>(steps + 20);
        int chat = 0;
        while (events.size() < steps) {
            chat++;
            Instant started = NOW.minus(Duration.ofSeconds(random.nextInt(7 * 24 * 3600)));
            Optional<String> source = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(SOURCES.get(random.nextInt(SOURCES.size())));
            List<String> questions = random.nextBoolean() ? OWNER : EXPERT;
            boolean lead = random.nextInt(3) == 0;
            int reach = lead ? questions.size() : 1 + random.nextInt(questions.size());
            Instant at = started;
            Optional<String> path = Optional.empty();
            events.add(event(FunnelEvent.Kind.STARTED, chat, at, started, 0, "greeting", Optional.empty(), path, source));
            for (int q = 0; q < reach; q++) {
                String node = questions.get(q);
                events.add(event(FunnelEvent.Kind.SHOWN, chat, at, started, q + 1, node, Optional.empty(), path, source));
                if (q == reach - 1 && !lead) {
                    break;
                }
                at = at.plusSeconds(3 + random.nextInt(60));
                Optional<String> answer = q == 0 ? Optional.of(questions == OWNER ? "owner" : "expert") : Optional.empty();
                path = q == 0 ? answer : path;
                events.add(event(FunnelEvent.Kind.ANSWERED, chat, at, started, q + 1, node, answer, path, source));
                if (random.nextInt(20) == 0) {
                    events.add(event(FunnelEvent.Kind.BACK, chat, at, started, q + 1, node, Optional.empty(), path, source));
                }
            }
            if (lead) {
                events.add(event(FunnelEvent.Kind.COMPLETED, chat, at, started, reach, "thanks", Optional.empty(), path, source));
            }
        }
        try (Store store = Store.open(db, clock)) {
            List<FunnelEvent> exact = events.subList(0, steps);
            for (int from = 0; from < exact.size(); from += 1_000) {
                Batch batch = new Batch();
                batch.record(exact.subList(from, Math.min(exact.size(), from + 1_000)));
                store.commit("qualification", batch);
            }
        }
        return chat;
    }

    private static FunnelEvent event(FunnelEvent.Kind kind, long chat, Instant at, Instant started, int step, String node,
            Optional<String> answer, Optional<String> path, Optional<String> source) {
        return new FunnelEvent(kind, chat, at, "qualification", "3f9a0c12", started, step, node, answer, path, source);
    }
}
