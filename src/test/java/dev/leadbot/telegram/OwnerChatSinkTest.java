package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.sink.Delivery;
import dev.leadbot.store.OwnerMessageStore;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** Summaries waiting for one owner chat go as digests: whole leads per message, each lead delivered when its message is. */
class OwnerChatSinkTest {

    private static final long OWNER = 1000;

    /** Runs the outbox's work at once on the caller's thread: within the owner chat's burst nothing ever waits. */
    private static final class AtOnce implements Scheduler {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            throw new AssertionError("nothing here should have to wait");
        }
    }

    private final List<String> sent = new ArrayList<>();
    private final List<List<List<String>>> buttons = new ArrayList<>();
    private final List<OwnerMessageStore.OwnerMessage> shown = new ArrayList<>();
    private final Deque<CallResult> script = new ArrayDeque<>();
    private final ApiCalls api = this::call;
    private final OwnerChatSink sink = new OwnerChatSink(new Outbox(api, new AtOnce(), FloodLimits.TELEGRAM, chat -> { }), OWNER,
            shown::add, Answer::variable);

    private CallResult call(BotApiMethod<? extends Serializable> method) {
        SendMessage message = (SendMessage) method;
        sent.add(message.getText());
        buttons.add(message.getReplyMarkup() == null ? List.of() : ((InlineKeyboardMarkup) message.getReplyMarkup()).getKeyboard().stream()
                .map(row -> row.stream().map(b -> b.getText() + " " + b.getCallbackData()).toList()).toList());
        CallResult next = script.pollFirst();
        return next == null ? new CallResult.Done(Optional.of(100 + sent.size())) : next;
    }

    private static Lead lead(int n, String answer) {
        return new Lead("lead-" + n, "qualification", new Prospect(4000 + n, 5000 + n, Optional.empty(), "Anna " + n, Optional.empty(),
                "ru"), Optional.empty(), List.of(Answer.of("pain", "pain", answer, answer)), 10, List.of(), List.of("greeting", "thanks"),
                new Contact(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:42Z"));
    }

    private static long count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void summariesWaitingTogetherGoAsOneMessageEachLeadWithItsProfileLink() {
        List<Lead> leads = IntStream.rangeClosed(1, 3).mapToObj(n -> lead(n, "Квалифицировать заявки")).toList();

        List<Delivery> outcomes = sink.deliverTogether(leads);

        assertEquals(List.of(leads.stream().map(OwnerSummaryHtml::compact).collect(java.util.stream.Collectors.joining("\n\n"))), sent);
        for (int n = 1; n <= 3; n++) {
            assertTrue(sent.get(0).contains("<a href=\"tg://user?id=" + (5000 + n) + "\">"), sent.get(0));
        }
        assertEquals(List.of(new Delivery.Delivered(Optional.of("message 101")), new Delivery.Delivered(Optional.of("message 101")),
                new Delivery.Delivered(Optional.of("message 101"))), outcomes);
    }

    @Test
    void aDigestCarriesARowOfButtonsPerLeadEachNamingItsLeadAndIsRecordedAsShowingThem() {
        List<Lead> leads = IntStream.rangeClosed(1, 3).mapToObj(n -> lead(n, "ok")).toList();

        sink.deliverTogether(leads);

        assertEquals(List.of(List.of(List.of("🙋 Беру · Anna 1 o:c:lead-1", "💬 Написать · Anna 1 o:m:lead-1"),
                List.of("🙋 Беру · Anna 2 o:c:lead-2", "💬 Написать · Anna 2 o:m:lead-2"),
                List.of("🙋 Беру · Anna 3 o:c:lead-3", "💬 Написать · Anna 3 o:m:lead-3"))), buttons);
        assertEquals(List.of(new OwnerMessageStore.OwnerMessage(OWNER, 101, List.of("lead-1", "lead-2", "lead-3"))), shown);
    }

    @Test
    void aLeadInSeveralMessagesHasItsButtonsUnderTheLastPartOnly() {
        Lead lead = lead(2, "ю".repeat(6000));

        sink.deliverTogether(List.of(lead));

        int parts = OwnerSummaryHtml.messages(lead, Answer::variable).size();
        assertEquals(parts, buttons.size());
        assertEquals(List.of(List.of("🙋 Беру o:c:lead-2", "💬 Написать o:m:lead-2")), buttons.get(parts - 1));
        buttons.subList(0, parts - 1).forEach(none -> assertEquals(List.of(), none));
        assertEquals(List.of(new OwnerMessageStore.OwnerMessage(OWNER, 100 + parts, List.of("lead-2"))), shown);
    }

    @Test
    void aDigestOverTheLimitIsSplitOnlyBetweenLeads() {
        List<Lead> leads = IntStream.rangeClosed(1, 40).mapToObj(n -> lead(n, "ответ ".repeat(100))).toList();

        sink.deliverTogether(leads);

        assertTrue(sent.size() > 1, "messages: " + sent.size());
        assertEquals(40, sent.stream().mapToLong(text -> count(text, "tg://user?id=")).sum());
        for (String message : sent) {
            assertTrue(OwnerSummaryHtml.visibleLength(message) <= OwnerSummaryHtml.LIMIT, "length " + OwnerSummaryHtml.visibleLength(message));
            assertEquals(count(message, "tg://user?id="), count(message, "🆔 /lead_"), "a lead cut in two: " + message);
        }
    }

    @Test
    void aLeadTooLongForOneMessageIsCompactBesideOthersAndWholeInMessagesOfItsOwnWhenAlone() {
        List<Lead> leads = List.of(lead(1, "short"), lead(2, "ю".repeat(6000)), lead(3, "short"));

        sink.deliverTogether(leads);
        sink.deliverTogether(List.of(lead(4, "ю".repeat(6000))));

        int parts = OwnerSummaryHtml.messages(lead(4, "ю".repeat(6000)), Answer::variable).size();
        assertTrue(parts > 1, "parts: " + parts);
        assertEquals(1 + parts, sent.size());
        assertEquals(leads.stream().map(OwnerSummaryHtml::compact).collect(java.util.stream.Collectors.joining("\n\n")), sent.get(0));
        assertEquals(6000, sent.subList(1, sent.size()).stream().mapToLong(text -> text.chars().filter(c -> c == 'ю').count()).sum());
    }

    @Test
    void aLeadIsDeliveredOnlyWhenEveryMessageCarryingItWasTaken() {
        Lead lead = lead(2, "ю".repeat(6000));
        script.add(new CallResult.Done(Optional.of(7)));
        script.add(new CallResult.Rejected("400 Bad Request: can't parse entities"));

        List<Delivery> outcomes = sink.deliverTogether(List.of(lead));

        assertEquals(3, OwnerSummaryHtml.messages(lead, Answer::variable).size(), "the refused one is the middle part");
        assertEquals(List.of(new Delivery.Failed("Telegram refused the summary in owner chat 1000 (400 Bad Request: can't parse entities)")),
                outcomes);
    }

    @Test
    void aDigestTelegramRefusesIsSentLeadByLeadSoOneBadSummaryHoldsBackNoOther() {
        List<Lead> leads = IntStream.rangeClosed(1, 3).mapToObj(n -> lead(n, "ok")).toList();
        script.add(new CallResult.Rejected("400 Bad Request: can't parse entities"));
        script.add(new CallResult.Done(Optional.of(8)));
        script.add(new CallResult.Rejected("400 Bad Request: can't parse entities"));
        script.add(new CallResult.Done(Optional.of(9)));

        List<Delivery> outcomes = sink.deliverTogether(leads);

        assertEquals(4, sent.size());
        assertEquals(new Delivery.Delivered(Optional.of("message 8")), outcomes.get(0));
        assertEquals(new Delivery.Failed("Telegram refused the summary in owner chat 1000 (400 Bad Request: can't parse entities)"),
                outcomes.get(1));
        assertEquals(new Delivery.Delivered(Optional.of("message 9")), outcomes.get(2));
    }

    @Test
    void aSummaryTheOutboxStillRetriesThroughAnOutageIsWaitedForNeverQueuedTwice() {
        VirtualScheduler clock = new VirtualScheduler();
        OwnerChatSink impatient = new OwnerChatSink(new Outbox(api, clock, FloodLimits.TELEGRAM, chat -> { }), OWNER, shown::add,
                Answer::variable, Duration.ZERO);
        Lead lead = lead(1, "ok");
        script.add(new CallResult.Transient("502 Bad Gateway"));
        script.add(new CallResult.Transient("502 Bad Gateway"));
        script.add(new CallResult.Transient("connection refused"));

        Delivery first = impatient.deliverTogether(List.of(lead)).get(0);
        clock.advance(Duration.ofSeconds(1));
        Delivery retried = impatient.deliverTogether(List.of(lead)).get(0);
        clock.advance(Duration.ofMinutes(5));
        Delivery afterTheOutage = impatient.deliverTogether(List.of(lead)).get(0);
        clock.advance(Duration.ofMinutes(5));

        assertEquals(new Delivery.RetryLater(Optional.empty(), "not sent to owner chat 1000 within 0 s; still queued, so a retry waits for"
                + " it rather than sending it again"), first);
        assertEquals(first, retried);
        assertEquals(4, sent.size(), "three failed attempts and one that Telegram took, of one summary");
        assertEquals(new Delivery.Delivered(Optional.of("message 104")), afterTheOutage);
        assertEquals(List.of(new OwnerMessageStore.OwnerMessage(OWNER, 104, List.of("lead-1"))), shown);
    }
}
