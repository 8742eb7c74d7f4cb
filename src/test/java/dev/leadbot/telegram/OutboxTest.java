package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

class OutboxTest {

    /** Answers calls from a script (then Done), and records every call in order. */
    private static final class RecordingApi implements ApiCalls {
        final List<String> calls = new ArrayList<>();
        final Deque<CallResult> script = new ArrayDeque<>();

        @Override
        public synchronized CallResult call(BotApiMethod<? extends Serializable> method) {
            calls.add(method instanceof SendMessage m ? m.getChatId() + ":" + m.getText() : method.getMethod());
            CallResult next = script.pollFirst();
            return next == null ? new CallResult.Done(Optional.of(calls.size())) : next;
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }
    }

    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(4);
    private final RecordingApi api = new RecordingApi();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private Outbox outbox(int perChat) {
        return new Outbox(api, workers, System::nanoTime, 30, perChat, blocked::add);
    }

    private static void send(Outbox outbox, long chat, String text, CountDownLatch done) {
        SendMessage message = SendMessage.builder().chatId(chat).text(text).build();
        outbox.enqueue(new Outbox.Job(chat, "send " + text, true, () -> Optional.of(message), id -> done.countDown()));
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertEquals(true, latch.await(60, TimeUnit.SECONDS), "the outbox never finished");
    }

    @Test
    void aChatsMessagesGoInOrderThroughA429AndA502() throws Exception {
        Outbox outbox = outbox(10);
        api.script.add(new CallResult.RetryAfter(Duration.ofMillis(1)));
        api.script.add(new CallResult.Transient("502 Bad Gateway"));
        CountDownLatch done = new CountDownLatch(3);

        send(outbox, 1, "one", done);
        send(outbox, 1, "two", done);
        send(outbox, 1, "three", done);
        await(done);

        assertEquals(List.of("1:one", "1:one", "1:one", "1:two", "1:three"), api.calls());
    }

    @Test
    void aBlockedChatIsMarkedAndItsQueueDroppedWhileOtherChatsGoOn() throws Exception {
        ScheduledExecutorService single = Executors.newSingleThreadScheduledExecutor();
        try {
            Outbox outbox = new Outbox(api, single, System::nanoTime, 30, 10, blocked::add);
            api.script.add(new CallResult.Blocked("Forbidden: bot was blocked by the user"));
            CountDownLatch gate = new CountDownLatch(1);
            single.execute(() -> awaitQuietly(gate));
            CountDownLatch other = new CountDownLatch(1);

            send(outbox, 7, "first", new CountDownLatch(1));
            send(outbox, 7, "second", new CountDownLatch(1));
            send(outbox, 8, "hello", other);
            gate.countDown();
            await(other);

            assertEquals(Set.of(7L), blocked);
            assertEquals(List.of("7:first", "8:hello"), api.calls().stream().sorted().toList());
        } finally {
            single.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRefusedCallIsLoggedAndSkippedSoTheNextOneStillGoes() throws Exception {
        Outbox outbox = outbox(10);
        api.script.add(new CallResult.Rejected("400 Bad Request: message to edit not found"));
        CountDownLatch done = new CountDownLatch(1);

        send(outbox, 1, "broken", new CountDownLatch(1));
        send(outbox, 1, "fine", done);
        await(done);

        assertEquals(List.of("1:broken", "1:fine"), api.calls());
    }

    @Test
    void aMessageHeldBackByThePerChatLimitIsPrecededByATypingIndicator() throws Exception {
        Outbox outbox = outbox(1);
        CountDownLatch done = new CountDownLatch(2);

        send(outbox, 1, "first", done);
        send(outbox, 1, "second", done);
        await(done);

        assertEquals(List.of("1:first", SendChatAction.PATH, "1:second"), api.calls());
    }

    @Test
    void anEditWhoseMessageIsUnknownIsSkipped() throws Exception {
        Outbox outbox = outbox(10);
        CountDownLatch done = new CountDownLatch(2);

        outbox.enqueue(new Outbox.Job(1, "edit step 9", true, Optional::empty, id -> done.countDown()));
        send(outbox, 1, "after", done);
        await(done);

        assertEquals(List.of("1:after"), api.calls());
    }
}
