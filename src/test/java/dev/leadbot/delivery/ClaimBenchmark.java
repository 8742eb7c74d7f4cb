package dev.leadbot.delivery;

import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast delivery workers claim and record leads for a sink that answers at once (the store's share of delivering):
 * {@code LEADS} pending leads drained by one worker, then (in a database of their own) by two workers on two connections
 * at once, as two instances would; every lead counted, none may go twice (it exits 1 if one does). SQLite by default;
 * {@code -Dleadbot.store=postgresql} on a PostgreSQL server of its own, fsync on. BENCHMARKS.md says how to run it.
 */
public final class ClaimBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private ClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("leadbot-claims");
        Optional<PostgresServer> postgres = PostgresServer.forBenchmark();
        boolean doubled = false;
        try {
            for (int workers = 1; workers <= 2; workers++) {
                String name = "claims_" + workers + "_" + System.currentTimeMillis();
                Database database = postgres.<Database>map(server -> server.database().inSchema(name))
                        .orElse(new Database.SqliteFile(dir.resolve(name + ".db")));
                doubled |= drain(database, leads, workers);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(doubled ? 1 : 0);
    }

    /** Returns whether a lead went twice. */
    private static boolean drain(Database database, int leads, int workers) throws Exception {
        RecordingSink crm = new RecordingSink("crm");
        List<Store> stores = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            stores.add(Store.open(database, CLOCK));
            for (int n = 1; n < workers; n++) {
                stores.add(Store.openForTools(database, CLOCK));
            }
            for (int from = 1; from <= leads; from += 100) {
                Batch batch = new Batch(List.of(crm.name()));
                for (int n = from; n < from + 100 && n <= leads; n++) {
                    batch.completed(SinkFixtures.lead(n));
                }
                stores.get(0).commit("qualification", batch);
            }
            long start = System.nanoTime();
            List<Future<int[]>> runs = new ArrayList<>();
            for (Store store : stores) {
                DeliveryWorker worker = new DeliveryWorker(store.deliveries(), crm, CLOCK, alert -> { });
                runs.add(threads.submit(() -> {
                    int delivered = 0;
                    int claims = 0;
                    for (int n = worker.runOnce(T0); n > 0; n = worker.runOnce(T0)) {
                        delivered += n;
                        claims++;
                    }
                    worker.close();
                    return new int[] {delivered, claims};
                }));
            }
            List<String> each = new ArrayList<>();
            for (Future<int[]> run : runs) {
                int[] counts = run.get();
                each.add(counts[0] + " leads in " + counts[1] + " claims");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long twice = crm.times().values().stream().filter(times -> times > 1).count();
            System.out.printf("%s, %d worker(s): %d leads delivered in %.2f s, %.0f a second (%s); delivered twice: %d, missing: %d%n",
                    database instanceof Database.Postgres ? "PostgreSQL" : "SQLite", workers, crm.times().size(), seconds,
                    crm.times().size() / seconds, String.join("; ", each), twice, leads - crm.times().size());
            return twice > 0 || crm.times().size() != leads;
        } finally {
            threads.shutdownNow();
            for (int i = stores.size() - 1; i >= 0; i--) {
                stores.get(i).close();
            }
        }
    }
}
