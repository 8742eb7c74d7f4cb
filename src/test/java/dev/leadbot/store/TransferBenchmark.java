package dev.leadbot.store;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long {@code leadbot migrate} takes: N conversations on SQLite (each with its question messages and
 * ten funnel steps, a third finished as leads with two deliveries each), moved into a PostgreSQL server
 * of its own that flushes to disk as a production one does.
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.store.TransferBenchmark -Dexec.args=10000}
 */
public final class TransferBenchmark {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("leadbot-transfer");
        Database.SqliteFile file = new Database.SqliteFile(dir.resolve("leadbot.db"));
        try (Store store = Store.open(file, CLOCK)) {
            for (int from = 0; from < conversations; from += 500) {
                Batch batch = new Batch(List.of("owner", "crm"));
                for (int chat = from; chat < Math.min(conversations, from + 500); chat++) {
                    batch.put(chat, StoreTest.MIDWAY);
                    List<FunnelEvent> steps = new ArrayList<>();
                    for (int step = 0; step < 10; step++) {
                        steps.add(new FunnelEvent(FunnelEvent.Kind.ANSWERED, chat, CLOCK.instant(), "qualification", "0a1b2c3d",
                                CLOCK.instant(), step, "role", Optional.of("owner"), Optional.of("owner"), Optional.of("vk_ads")));
                    }
                    batch.record(steps);
                    if (chat % 3 == 0) {
                        batch.completed(SinkFixtures.lead(chat));
                    }
                    batch.send(chat, List.of("reply"));
                }
                batch.handled(from);
                List<Outgoing> replies = store.commit("qualification", batch);
                for (Outgoing reply : replies) {
                    store.replies().sent(reply, Optional.of(new ReplyStore.QuestionMessage(7, (int) reply.id())));
                }
            }
        }
        System.setProperty("leadbot.store", "postgresql");
        PostgresServer server = PostgresServer.forBenchmark().orElseThrow();
        long start = System.nanoTime();
        StoreTransfer.Transferred moved = StoreTransfer.copy(file, server.database(), false, CLOCK);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long rows = moved.tables().stream().mapToLong(StoreTransfer.Table::rows).sum();
        System.out.printf("moved %d conversations (%d rows in all: %s) in %.1f s, %.0f rows a second, file %.1f MB%n", conversations, rows,
                moved.tables().stream().filter(t -> t.rows() > 0).map(t -> t.name() + " " + t.rows()).toList(), millis / 1000.0,
                rows * 1000.0 / Math.max(1, millis), Files.size(file.file()) / 1e6);
        System.exit(0);
    }
}
