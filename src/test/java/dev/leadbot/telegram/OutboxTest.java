package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;

/** The outbox's pacing on a virtual clock: what goes when, to the millisecond, however busy the machine. */
class OutboxTest {

    /** Answers calls from a per-chat script (then Done), and records every call with the virtual time it was made. */
    private final class RecordingApi implements ApiCalls {
        final List<String> calls = new ArrayList<>();
        final Map<Long, Deque<CallResult>> scripts = new HashMap<>();

        @Override
        public CallResult call(BotApiMethod<? extends Serializable> method) {
            long chat = method instanceof SendMessage m ? Long.parseLong(m.getChatId())
                    : method instanceof EditMessageReplyMarkup e ? Long.parseLong(e.getChatId()) : 0;
            String what = method instanceof SendMessage m ? m.getChatId() + ":" + m.getText()
                    : method instanceof EditMessageReplyMarkup e ? e.getChatId() + ":edit" : method.getMethod();
            calls.add(clock.millis() + " " + what);
            CallResult next = scripts.getOrDefault(chat, new ArrayDeque<>()).pollFirst();
            return next == null ? new CallResult.Done(Optional.of(calls.size())) : next;
        }

        void script(long chat, CallResult... results) {
            scripts.computeIfAbsent(chat, c -> new ArrayDeque<>()).addAll(List.of(results));
        }

        /** Messages sent, without the time and the typing indicators. */
        List<String> made() {
            return calls.stream().map(call -> call.substring(call.indexOf(' ') + 1)).filter(call -> !call.equals(SendChatAction.PATH))
                    .toList();
        }
    }

    private final VirtualScheduler clock = new VirtualScheduler();
    private final RecordingApi api = new RecordingApi();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final List<String> done = new ArrayList<>();
    private final Outbox outbox = new Outbox(api, clock, FloodLimits.TELEGRAM, blocked::add);

    private static SendMessage message(long chat, String text) {
        return SendMessage.builder().chatId(chat).text(text).build();
    }

    /** A reply to a chat that has just written. */
    private void reply(long chat, String text) {
        outbox.heard(chat);
        outbox.enqueue(Outbox.Job.reply(chat, "send " + text, () -> Optional.of(message(chat, text)), id -> done.add(chat + ":" + text),
                failure -> done.add(chat + ":" + text + " failed")));
    }

    private void notice(long chat, String text) {
        outbox.heard(chat);
        StoredCall call = new StoredCall(message(chat, text), 0);
        outbox.enqueue(Outbox.Job.reply(chat, call.what(), () -> Optional.of(call.method()), id -> done.add(chat + ":" + text),
                failure -> { }).superseding(call.superseding()));
    }

    private void fromBot(long chat, String text) {
        outbox.enqueue(Outbox.Job.fromBot(chat, "send " + text, message(chat, text), id -> done.add(chat + ":" + text), failure -> { }));
    }

    @Test
    void aBurstToOneChatGoesOutAtOnce() {
        for (int i = 1; i <= FloodLimits.TELEGRAM.chatBurst(); i++) {
            reply(1, "m" + i);
        }
        clock.runDue();

        assertEquals(List.of("0 1:m1", "0 1:m2", "0 1:m3", "0 1:m4", "0 1:m5"), api.calls);
    }

    @Test
    void aChatOverItsBudgetWaitsForItsNextTokenWithATypingIndicator() {
        for (int i = 1; i <= 7; i++) {
            reply(1, "m" + i);
        }
        clock.advance(Duration.ofSeconds(5));

        assertEquals(List.of("0 1:m1", "0 1:m2", "0 1:m3", "0 1:m4", "0 1:m5", "0 " + SendChatAction.PATH, "1000 1:m6",
                "1000 " + SendChatAction.PATH, "2000 1:m7"),
                api.calls);
    }

    @Test
    void repliesToManyChatsInConversationHaveNoOverallCap() {
        for (long chat = 1; chat <= 300; chat++) {
            reply(chat, "question");
            reply(chat, "next question");
        }
        clock.runDue();

        assertEquals(600, api.calls.size());
        assertEquals(600, api.calls.stream().filter(call -> call.startsWith("0 ")).count());
    }

    @Test
    void a429OnOneChatPausesOnlyThatChatForRetryAfter() {
        api.script(1, new CallResult.RetryAfter(Duration.ofSeconds(3)));
        reply(1, "first");
        reply(1, "second");
        reply(2, "hello");
        reply(2, "again");
        clock.advance(Duration.ofSeconds(10));

        assertEquals(List.of("0 1:first", "0 2:hello", "0 2:again", "3000 1:first", "3000 " + SendChatAction.PATH, "4000 1:second"), api.calls);
    }

    @Test
    void oneChatsBacklogNeverDelaysAnotherChatsReply() {
        for (int i = 1; i <= 30; i++) {
            reply(1, "m" + i);
        }
        clock.advance(Duration.ofMillis(2500));
        reply(2, "hello");
        clock.runDue();

        assertEquals("2500 2:hello", api.calls.get(api.calls.size() - 1));
        assertEquals(FloodLimits.TELEGRAM.chatBurst() + 2, api.calls.stream().filter(call -> call.contains(" 1:m")).count());
    }

    @Test
    void whatTheBotStartsItselfGoesByTheBulkLaneAtThirtyASecond() {
        for (long chat = 1; chat <= 100; chat++) {
            fromBot(chat, "summary");
        }
        clock.runDue();
        assertEquals(30, api.calls.size());

        clock.advance(Duration.ofMillis(1000));
        assertEquals(60, api.calls.size());
        clock.advance(Duration.ofMillis(1400));
        assertEquals(100, api.calls.size());
    }

    @Test
    void aReplyToAChatThatHasNotWrittenLatelyGoesByTheBulkLane() {
        for (long chat = 1; chat <= 40; chat++) {
            reply(chat, "hello");
        }
        clock.advance(Outbox.CONVERSATION.plusSeconds(1));
        api.calls.clear();
        for (long chat = 1; chat <= 40; chat++) {
            outbox.enqueue(Outbox.Job.reply(chat, "send follow-up", () -> Optional.of(message(1, "follow-up")), id -> { }, f -> { }));
        }
        clock.runDue();

        assertEquals(30, api.calls.size());
    }

    @Test
    void a429InTheBulkLanePausesTheBulkLaneButNotReplies() {
        api.script(1, new CallResult.RetryAfter(Duration.ofSeconds(2)));
        fromBot(1, "summary");
        clock.runDue();
        fromBot(2, "summary");
        reply(3, "question");
        clock.runDue();

        assertEquals(List.of("0 1:summary", "0 3:question"), api.calls);
        clock.advance(Duration.ofMillis(2100));
        assertEquals(List.of("0 1:summary", "0 3:question", "2000 2:summary", "2033 1:summary"), api.calls);
    }

    @Test
    void identicalNoticesQueuedBehindEachOtherGoOutOnceAndAllAreSettled() {
        for (int i = 1; i <= FloodLimits.TELEGRAM.chatBurst(); i++) {
            reply(1, "m" + i);
        }
        notice(1, "Use the buttons above 👆");
        notice(1, "Use the buttons above 👆");
        notice(1, "Use the buttons above 👆");
        clock.advance(Duration.ofSeconds(5));

        assertEquals(1, api.made().stream().filter(call -> call.equals("1:Use the buttons above 👆")).count());
        assertEquals(3, done.stream().filter(d -> d.equals("1:Use the buttons above 👆")).count());
    }

    @Test
    void noticesWithAQuestionBetweenThemAreBothSent() {
        for (int i = 1; i <= FloodLimits.TELEGRAM.chatBurst(); i++) {
            reply(1, "m" + i);
        }
        notice(1, "Please use the buttons");
        reply(1, "question");
        notice(1, "Please use the buttons");
        clock.advance(Duration.ofSeconds(5));

        assertEquals(List.of("1:Please use the buttons", "1:question", "1:Please use the buttons"), api.made().subList(FloodLimits.TELEGRAM.chatBurst(),
                api.made().size()));
    }

    @Test
    void anEditOfAMessagesButtonsIsReplacedByALaterEditOfThem() {
        for (int i = 1; i <= FloodLimits.TELEGRAM.chatBurst(); i++) {
            reply(1, "m" + i);
        }
        for (int tick = 0; tick < 3; tick++) {
            StoredCall edit = new StoredCall(EditMessageReplyMarkup.builder().chatId(1L).messageId(1).build(), 4);
            outbox.enqueue(Outbox.Job.reply(1, edit.what(), () -> Optional.of(edit.method()), id -> done.add("edit"), f -> { })
                    .superseding(edit.superseding()));
        }
        clock.advance(Duration.ofSeconds(5));

        assertEquals(1, api.made().stream().filter(call -> call.equals("1:edit")).count());
        assertEquals(3, done.stream().filter(d -> d.equals("edit")).count());
    }

    @Test
    void aCallbackAnswerFailingWith5xxIsRetriedWhileTheQueryIsValid() {
        api.script(0, new CallResult.Transient("502 Bad Gateway"), new CallResult.Transient("502 Bad Gateway"),
                new CallResult.Transient("connection refused"));
        outbox.answer("answerCallbackQuery", AnswerCallbackQuery.builder().callbackQueryId("q1").build());
        clock.advance(Duration.ofSeconds(5));

        assertEquals(List.of("0 answercallbackquery", "250 answercallbackquery", "750 answercallbackquery", "1750 answercallbackquery"),
                api.calls);
    }

    @Test
    void aCallbackAnswerIsNotRetriedOnceTheQueryHasExpired() {
        for (int i = 0; i < 30; i++) {
            api.script(0, new CallResult.Transient("502 Bad Gateway"));
        }
        outbox.answer("answerCallbackQuery", AnswerCallbackQuery.builder().callbackQueryId("q1").build());
        clock.advance(Duration.ofMinutes(1));

        assertEquals("13750 answercallbackquery", api.calls.get(api.calls.size() - 1));
    }

    @Test
    void aChatsMessagesGoInOrderThroughA429AndA502() {
        api.script(1, new CallResult.RetryAfter(Duration.ofSeconds(1)), new CallResult.Transient("502 Bad Gateway"));
        reply(1, "one");
        reply(1, "two");
        reply(1, "three");
        clock.advance(Duration.ofSeconds(10));

        assertEquals(List.of("1:one", "1:one", "1:one", "1:two", "1:three"), api.made());
    }

    @Test
    void aBlockedChatIsMarkedAndItsQueueDroppedWhileOtherChatsGoOn() {
        api.script(7, new CallResult.Blocked("Forbidden: bot was blocked by the user"));
        reply(7, "first");
        reply(7, "second");
        reply(8, "hello");
        clock.runDue();

        assertEquals(Set.of(7L), blocked);
        assertEquals(List.of("7:first", "8:hello"), api.made());
        assertEquals(List.of("7:first failed", "7:second failed", "8:hello"), done);
    }

    @Test
    void aRefusedCallIsLoggedAndSkippedSoTheNextOneStillGoes() {
        api.script(1, new CallResult.Rejected("400 Bad Request: message to edit not found"));
        reply(1, "broken");
        reply(1, "fine");
        clock.runDue();

        assertEquals(List.of("1:broken", "1:fine"), api.made());
        assertEquals(List.of("1:broken failed", "1:fine"), done);
    }

    @Test
    void anEditWhoseMessageIsUnknownIsSkipped() {
        outbox.heard(1);
        outbox.enqueue(Outbox.Job.reply(1, "edit step 9", Optional::empty, id -> done.add("edit settled"), f -> { }));
        reply(1, "after");
        clock.runDue();

        assertEquals(List.of("1:after"), api.made());
        assertEquals(List.of("edit settled", "1:after"), done);
    }
}
