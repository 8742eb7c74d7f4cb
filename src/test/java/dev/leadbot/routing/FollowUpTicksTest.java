package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.store.Store;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.testing.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ticks log while the database is away: its first failure, then nothing, then one line when reminders fire again. */
class FollowUpTicksTest {

    private static final String DOWN = "cannot read the follow-ups due in PostgreSQL schema shop: Connection refused";

    @TempDir
    Path dir;

    /**
     * A consumer that fails as the database does while it is down ({@code -1} in {@code looks}), else handles the number
     * given, one look after another; none once the script ends.
     */
    private static FollowUpTicks.Firing scripted(List<Integer> looks) {
        List<Integer> left = new ArrayList<>(looks);
        return due -> {
            int look = left.isEmpty() ? 0 : left.remove(0);
            if (look < 0) {
                throw new IllegalStateException(DOWN);
            }
            return look;
        };
    }

    private FollowUpTicks ticks(Store store, List<Integer> looks) {
        return new FollowUpTicks(store.followUps(), scripted(looks), new TestClock(Instant.parse("2026-11-23T10:00:00Z")),
                new ConcurrentLinkedQueue<>());
    }

    private Store store() throws Exception {
        return Store.open(dir.resolve("leadbot.db"), new TestClock(Instant.parse("2026-11-23T10:00:00Z")));
    }

    @Test
    void anOutageIsLoggedOnceWithItsCauseThenQuietlyUntilFollowUpsFireAgain() throws Exception {
        try (Store store = store(); CapturedLog log = new CapturedLog()) {
            FollowUpTicks ticks = ticks(store, List.of(-1, -1, -1, -1, -1, 2));
            for (int look = 0; look < 5; look++) {
                assertEquals(0, ticks.tick());
            }
            assertEquals(2, ticks.tick());
            assertEquals(0, ticks.tick());

            List<String> errors = log.lines("ERROR");
            assertEquals(1, errors.size(), log.lines().toString());
            assertTrue(errors.get(0).endsWith("FollowUpTicks - follow-ups could not be fired: " + DOWN
                    + " (tried again every 250 ms; logged once they fire again)"), errors.get(0));
            assertEquals(1, log.lines("java.lang.IllegalStateException: " + DOWN).size(), "one stack trace: " + log.lines());
            List<String> infos = log.lines("INFO");
            assertEquals(1, infos.size(), log.lines().toString());
            assertTrue(infos.get(0).endsWith("FollowUpTicks - follow-ups fire again after 5 failed looks"), infos.get(0));
        }
    }

    @Test
    void aSecondOutageIsLoggedAgain() throws Exception {
        try (Store store = store(); CapturedLog log = new CapturedLog()) {
            FollowUpTicks ticks = ticks(store, List.of(-1, 0, -1, -1, 0));
            for (int look = 0; look < 5; look++) {
                ticks.tick();
            }
            assertEquals(2, log.lines("ERROR").size(), log.lines().toString());
            assertEquals(List.of("follow-ups fire again after 1 failed look", "follow-ups fire again after 2 failed looks"),
                    log.lines("INFO").stream().map(l -> l.substring(l.indexOf("follow-ups"))).toList());
        }
    }

    @Test
    void timersAreFiredInBatchesUntilOneIsNotFull() throws Exception {
        try (Store store = store(); CapturedLog log = new CapturedLog()) {
            assertEquals(407, ticks(store, List.of(200, 200, 7)).tick());
            assertEquals(List.of(), log.lines());
        }
    }
}
