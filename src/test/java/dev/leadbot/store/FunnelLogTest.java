package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.funnel.FunnelEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelLogTest extends OnEachStore {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2026-11-22T09:59:00.123Z");

    private static FunnelEvent event(long chat, FunnelEvent.Kind kind, String node, Optional<String> answer) {
        return new FunnelEvent(kind, chat, AT, "qualification", "0a1b2c3d", AT.minusSeconds(30), 3, node, answer, Optional.of("owner"),
                Optional.of("vk_ads"));
    }

    private Store store() throws StoreException {
        return Store.open(database, CLOCK);
    }

    @Test
    void eventsAreCommittedWithTheirBatchAndReadBackExactlyBesideARunningBot() throws Exception {
        List<FunnelEvent> steps = List.of(event(42, FunnelEvent.Kind.ANSWERED, "role", Optional.of("owner")),
                event(42, FunnelEvent.Kind.SHOWN, "sphere", Optional.empty()));
        try (Store bot = store()) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.record(steps);
            bot.commit("qualification", batch);

            try (Store tools = Store.openForTools(database, CLOCK)) {
                assertEquals(steps, tools.funnel().events(Instant.EPOCH, false));
                assertEquals(List.of(), tools.funnel().events(AT.plusMillis(1), false));
            }
        }
    }

    @Test
    void theTerminalChatsStepsAreKeptApartFromTheProspects() throws Exception {
        try (Store store = store()) {
            Batch batch = new Batch();
            batch.put(0, StoreTest.MIDWAY);
            batch.put(42, StoreTest.MIDWAY);
            batch.record(List.of(event(0, FunnelEvent.Kind.STARTED, "greeting", Optional.empty()),
                    event(42, FunnelEvent.Kind.STARTED, "greeting", Optional.empty())));
            store.commit("qualification", batch);

            assertEquals(List.of(42L), store.funnel().events(Instant.EPOCH, false).stream().map(FunnelEvent::chatId).toList());
            assertEquals(List.of(0L), store.funnel().events(Instant.EPOCH, true).stream().map(FunnelEvent::chatId).toList());
        }
    }

    @Test
    void forgetRemovesEveryStepOfTheChatAndNoOther() throws Exception {
        try (Store store = store()) {
            Batch batch = new Batch();
            batch.put(42, StoreTest.MIDWAY);
            batch.put(43, StoreTest.MIDWAY);
            batch.record(List.of(event(42, FunnelEvent.Kind.STARTED, "greeting", Optional.empty()),
                    event(43, FunnelEvent.Kind.STARTED, "greeting", Optional.empty())));
            store.commit("qualification", batch);

            store.forget(42);

            assertEquals(List.of(43L), store.funnel().events(Instant.EPOCH, false).stream().map(FunnelEvent::chatId).toList());
        }
    }

    @Test
    void aChatForgottenInABatchKeepsNoStepsOfThatBatchOrBefore() throws Exception {
        try (Store store = store()) {
            Batch first = new Batch();
            first.put(42, StoreTest.MIDWAY);
            first.record(List.of(event(42, FunnelEvent.Kind.STARTED, "greeting", Optional.empty())));
            store.commit("qualification", first);

            Batch second = new Batch();
            second.put(42, StoreTest.MIDWAY);
            second.record(List.of(event(42, FunnelEvent.Kind.ANSWERED, "role", Optional.of("owner"))));
            second.remove(42);
            store.commit("qualification", second);

            assertEquals(List.of(), store.funnel().events(Instant.EPOCH, false));
        }
    }

    @Test
    void aLargeFunnelIsReadInOrderAThousandStepsAtATimeNotWholeIntoMemory() throws Exception {
        int count = 2 * FunnelLog.FETCH_ROWS + 500;
        try (Store store = store()) {
            Batch batch = new Batch();
            batch.record(java.util.stream.IntStream.range(0, count).mapToObj(chat -> event(chat + 1, FunnelEvent.Kind.SHOWN, "role",
                    Optional.empty())).toList());
            store.commit("qualification", batch);

            List<Long> chats = new java.util.ArrayList<>();
            List<Integer> openCursors = new java.util.ArrayList<>();
            store.funnel().events(Instant.EPOCH, false, event -> {
                chats.add(event.chatId());
                if (kind == StoreKind.POSTGRESQL && chats.size() == 1) {
                    openCursors.add(cursors(store));
                }
            });

            assertEquals(java.util.stream.LongStream.rangeClosed(1, count).boxed().toList(), chats);
            // On PostgreSQL the rows come from a portal the server keeps open between fetches, not from one read of them all.
            assertEquals(kind == StoreKind.POSTGRESQL ? List.of(1) : List.of(), openCursors);
        }
    }

    /** The named portals (open cursors) of the store's session, asked on its own connection while a read is under way. */
    private static int cursors(Store store) {
        try (java.sql.Statement s = store.connection().createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM pg_cursors WHERE name <> ''")) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
