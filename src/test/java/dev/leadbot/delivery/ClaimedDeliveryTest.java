package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two delivery workers for one sink on two connections to one database (as two instances would be), working through the
 * same pending leads at the same time: each lead is delivered once, whichever worker takes it and however they interleave.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ClaimedDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final int LEADS = 90;

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private Database database;

    @BeforeEach
    void place() {
        database = kind.database(dir, "claimed_deliveries");
    }

    @Test
    void twoWorkersOnTwoConnectionsDeliverEveryLeadExactlyOnce() throws Exception {
        RecordingSink crm = new RecordingSink("crm");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (Store bot = Store.open(database, CLOCK); Store beside = Store.openForTools(database, CLOCK)) {
            Batch batch = new Batch(List.of("crm"));
            IntStream.rangeClosed(1, LEADS).forEach(n -> batch.completed(SinkFixtures.lead(n)));
            bot.commit("qualification", batch);
            DeliveryWorker first = new DeliveryWorker(bot.deliveries(), crm, CLOCK, alert -> { });
            DeliveryWorker second = new DeliveryWorker(beside.deliveries(), crm, CLOCK, alert -> { });

            List<Future<Integer>> runs = List.of(two.submit(() -> drain(first)), two.submit(() -> drain(second)));
            int attempted = 0;
            for (Future<Integer> run : runs) {
                attempted += run.get(120, TimeUnit.SECONDS);
            }
            first.close();
            second.close();

            Set<String> ids = IntStream.rangeClosed(1, LEADS).mapToObj(n -> SinkFixtures.lead(n).id()).collect(Collectors.toSet());
            assertEquals(ids, new HashSet<>(crm.times().keySet()));
            assertEquals(Set.of(1L), new HashSet<>(crm.times().values()), "a lead delivered twice: " + duplicates(crm.times()));
            assertEquals(LEADS, attempted);
            assertEquals(Optional.empty(), bot.deliveries().nextDue("crm"));
        } finally {
            two.shutdownNow();
        }
    }

    /** Runs the worker until it finds nothing more to claim; returns how many deliveries it made. */
    private static int drain(DeliveryWorker worker) throws Exception {
        int total = 0;
        for (int attempted = worker.runOnce(T0); attempted > 0; attempted = worker.runOnce(T0)) {
            total += attempted;
        }
        return total;
    }

    private static Map<String, Long> duplicates(Map<String, Long> times) {
        return times.entrySet().stream().filter(e -> e.getValue() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
