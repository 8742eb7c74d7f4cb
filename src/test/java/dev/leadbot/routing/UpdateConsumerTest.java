package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Batch;
import dev.leadbot.store.BatchLog;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that is full for a while: nothing leaves until the batch is committed, and nothing is lost or doubled. */
class UpdateConsumerTest {

    /** The store, failing its next {@code failures} commits; the failure is a real one, from a store that is gone. */
    private static final class FullDisk implements BatchLog {
        private final Store store;
        private final Store broken;
        private int failures;

        FullDisk(Store store, Store broken, int failures) {
            this.store = store;
            this.broken = broken;
            this.failures = failures;
        }

        @Override
        public OptionalLong lastUpdateId() throws StoreException {
            return store.lastUpdateId();
        }

        @Override
        public List<Outgoing> commit(String flow, Batch batch) throws StoreException {
            if (failures > 0) {
                failures--;
                broken.commit(flow, batch);
            }
            return store.commit(flow, batch);
        }
    }

    /** The replies committed and handed on to be sent, in order. */
    private final List<Outgoing> sent = new ArrayList<>();
    private final RecordingChats chats = new RecordingChats();
    private final ExecutorService chatThreads = Executors.newFixedThreadPool(2);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        chatThreads.shutdownNow();
    }

    /** An update received, as the adapter hands it on. */
    private record Update(int updateId, Incoming read) implements Received {
    }

    /** Anna's /start in her private chat. */
    private static Update start(int updateId, long chat) {
        Prospect anna = new Prospect(chat, chat, Optional.empty(), "Anna", Optional.empty(), "ru");
        return new Update(updateId, new Incoming.FromProspect(updateId, anna, new Input.Start(Optional.empty()), Optional.empty()));
    }

    @Test
    void aBatchThatCannotBeCommittedSendsNothingIsFetchedAgainAndGoesOutOnceWhenTheDiskRecovers() throws Exception {
        Store broken = Store.open(dir.resolve("gone.db"), Clock.systemUTC());
        broken.close();
        try (Store store = Store.open(dir.resolve("leadbot.db"), Clock.systemUTC())) {
            Conversations conversations = new Conversations(store.conversations());
            ChatRouter router = new ChatRouter(new ConversationEngine(Flows.qualification()), conversations, chats, lead -> { },
                    chat -> { }, Clock.systemUTC(), ConcurrentHashMap.newKeySet());
            UpdateConsumer consumer = new UpdateConsumer(new ChatLanes(chatThreads), router, conversations, new FullDisk(store, broken, 2),
                    this::send, chat -> { }, "qualification", List.of(), Duration.ZERO);
            List<Integer> rewoundTo = new ArrayList<>();
            consumer.rewindWith(rewoundTo::add);
            List<Update> batch = List.of(start(7, 42));

            consumer.consume(batch);
            consumer.consume(batch);
            assertEquals(List.of(), sent());
            assertEquals(List.of(0, 0), rewoundTo);
            assertEquals(Optional.empty(), store.conversations().conversation(42));

            consumer.consume(batch);
            consumer.consume(batch);

            assertEquals(OptionalLong.of(7), store.lastUpdateId());
            assertEquals("role", store.conversations().conversation(42).orElseThrow().node());
            assertEquals(1, sent().size(), "the greeting and the first question, once");
            assertEquals(List.of(0, 0), rewoundTo);
        }
    }

    /** A store whose commits throw a bug's exception rather than a store failure. */
    private static final class BuggyLog implements BatchLog {
        private final Store store;
        private boolean failing = true;

        BuggyLog(Store store) {
            this.store = store;
        }

        @Override
        public OptionalLong lastUpdateId() throws StoreException {
            return store.lastUpdateId();
        }

        @Override
        public List<Outgoing> commit(String flow, Batch batch) throws StoreException {
            if (failing) {
                throw new IllegalStateException("a bug in the commit");
            }
            return store.commit(flow, batch);
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    private static final String REMINDER = "мы остановились на полпути";

    /** Anna (42) and Boris (43) asked the first question at T0 through {@code consumer}; the clock at their first reminder. */
    private void bothAsked(UpdateConsumer consumer, TestClock clock) throws Exception {
        consumer.consume(List.of(start(7, 42), start(8, 43)));
        clock.set(T0.plus(Duration.ofMinutes(15)));
    }

    private ChatRouter router(Conversations conversations, TestClock clock) {
        return new ChatRouter(new ConversationEngine(Flows.qualification()), conversations, chats, lead -> { }, chat -> { }, clock,
                ConcurrentHashMap.newKeySet());
    }

    @Test
    void aFollowUpThatFailsHalfWayLeavesNothingOfItselfAndTheOthersGoOnce() throws Exception {
        TestClock clock = new TestClock(T0);
        try (Store store = Store.open(dir.resolve("leadbot.db"), clock)) {
            Conversations conversations = new Conversations(store.conversations());
            ChatRouter router = router(conversations, clock);
            UpdateConsumer.FollowUpStep failingForBoris = (timer, batch, effects) -> {
                router.followUp(timer, batch, effects);
                if (timer.chatId() == 43) {
                    throw new IllegalStateException("a bug after Boris's reminder was put in the batch");
                }
            };
            UpdateConsumer consumer = new UpdateConsumer(new ChatLanes(chatThreads), router, failingForBoris, conversations, store,
                    this::send, chat -> { }, "qualification", List.of(), Duration.ZERO, () -> { });
            bothAsked(consumer, clock);
            int borisStep = store.conversations().conversation(43).orElseThrow().step();
            assertEquals(List.of(42L, 43L), sentTo().stream().sorted().toList(), "each asked the first question");

            assertEquals(2, consumer.followUps(() -> store.followUps().due(clock.instant(), 200)));

            assertEquals(1, sent().stream().filter(text -> text.contains(REMINDER)).count(), sent().toString());
            assertEquals(List.of(42L), sentTo().subList(2, sentTo().size()).stream().distinct().toList(), "Anna's reminder, and not Boris's");
            assertEquals(borisStep, store.conversations().conversation(43).orElseThrow().step(), "nothing of Boris's step was committed");
            assertEquals(borisStep, conversations.current(43).orElseThrow().step(), "nor is it remembered");
            assertEquals(0, consumer.followUps(() -> store.followUps().due(clock.instant().plus(Duration.ofDays(30)), 200)
                    .stream().filter(timer -> timer.chatId() == 43).toList()), "Boris's timer was cancelled");
        }
    }

    @Test
    void aFollowUpCommitThatThrowsAnythingLeavesMemoryAsTheDiskHasIt() throws Exception {
        TestClock clock = new TestClock(T0);
        try (Store store = Store.open(dir.resolve("leadbot.db"), clock)) {
            Conversations conversations = new Conversations(store.conversations());
            ChatRouter router = router(conversations, clock);
            BuggyLog log = new BuggyLog(store);
            UpdateConsumer consumer = new UpdateConsumer(new ChatLanes(chatThreads), router, conversations, store,
                    this::send, chat -> { }, "qualification", List.of(), Duration.ZERO);
            UpdateConsumer firing = new UpdateConsumer(new ChatLanes(chatThreads), router, conversations, log,
                    this::send, chat -> { }, "qualification", List.of(), Duration.ZERO);
            bothAsked(consumer, clock);
            int step = store.conversations().conversation(42).orElseThrow().step();

            IllegalStateException bug = assertThrows(IllegalStateException.class,
                    () -> firing.followUps(() -> store.followUps().due(clock.instant(), 200)));

            assertEquals("a bug in the commit", bug.getMessage());
            assertEquals(step, conversations.current(42).orElseThrow().step(), "memory holds what the disk holds");
            log.failing = false;
            assertEquals(2, firing.followUps(() -> store.followUps().due(clock.instant(), 200)));
            assertEquals(step + 1, store.conversations().conversation(42).orElseThrow().step(), "the reminder, once, when the commit works");
        }
    }

    @Test
    void anOutageOfTheStoreIsLoggedOnceByTheFollowUpsThenOnceWhenTheyReachItAgain() throws Exception {
        TestClock clock = new TestClock(T0);
        Store gone = Store.open(dir.resolve("gone.db"), clock);
        gone.close();
        try (Store store = Store.open(dir.resolve("leadbot.db"), clock); CapturedLog log = new CapturedLog()) {
            Conversations conversations = new Conversations(store.conversations());
            UpdateConsumer consumer = new UpdateConsumer(new ChatLanes(chatThreads), router(conversations, clock), conversations,
                    store, this::send, chat -> { }, "qualification", List.of(), Duration.ZERO);
            String down = assertThrows(StoreException.class, () -> gone.followUps().due(clock.instant(), 200)).getMessage();

            for (int look = 0; look < 5; look++) {
                assertEquals(0, consumer.followUps(() -> gone.followUps().due(clock.instant(), 200)));
            }
            assertEquals(0, consumer.followUps(() -> store.followUps().due(clock.instant(), 200)));
            assertEquals(0, consumer.followUps(() -> store.followUps().due(clock.instant(), 200)));
            assertEquals(0, consumer.followUps(() -> gone.followUps().due(clock.instant(), 200)));
            assertEquals(0, consumer.followUps(() -> store.followUps().due(clock.instant(), 200)));

            List<String> lines = log.lines().stream().map(line -> line.substring(line.indexOf(" - ") + 3)).toList();
            String error = "follow-ups not committed, nothing sent; they are tried again every 250 ms, logged once the database answers"
                    + " again: " + down;
            assertEquals(List.of(error, "follow-ups reach the database again after 5 failed looks", error,
                    "follow-ups reach the database again after 1 failed look"), lines);
            assertEquals(2, log.lines("ERROR").size(), log.lines().toString());
        }
    }

    private synchronized void send(List<Outgoing> replies) {
        sent.addAll(replies);
    }

    /** The chats the committed replies went to, one entry per message. */
    private synchronized List<Long> sentTo() {
        return sent.stream().map(Outgoing::chatId).toList();
    }

    private synchronized List<String> sent() {
        return sent.stream().map(Outgoing::payload).toList();
    }
}
