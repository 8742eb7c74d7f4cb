package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.LeadButtons;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.CombiningSink;
import dev.leadbot.sink.Delivery;
import dev.leadbot.store.OwnerMessageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Lead summaries in one owner's Telegram chat, sent through the outbox's bulk lane so limits and
 * retries apply. An owner chat takes about one message a second, so the summaries waiting for it
 * go together as digests ({@link OwnerDigest}): at 200 leads a minute they arrive within seconds
 * instead of minutes behind. A lead is reported delivered only when Telegram has taken every
 * message carrying it, and its reference is the id of the (first) message that shows it; one sink
 * per owner chat, so a retry never repeats a summary another owner got. A summary the outbox is still
 * retrying (a Bot API outage) is never queued a second time: a retry waits for the one queued.
 */
final class OwnerChatSink implements CombiningSink {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final long owner;
    private final Consumer<OwnerMessageStore.OwnerMessage> shown;
    private final Duration patience;
    /** The words of the question that asked an answer, to title it in a full summary. */
    private final Function<Answer, String> asked;
    /**
     * Each lead's summary queued in the outbox and its outcome, until a call here reports that outcome. The outbox keeps
     * retrying a summary through an outage longer than the patience; the delivery worker's retry waits for that same
     * summary instead of queuing a second copy of it.
     */
    private final Map<String, CompletableFuture<Delivery>> inFlight = new ConcurrentHashMap<>();

    /** @param shown told of each message Telegram accepted and the leads it shows, so a status change can be shown in it */
    OwnerChatSink(Outbox outbox, long owner, Consumer<OwnerMessageStore.OwnerMessage> shown, Function<Answer, String> asked) {
        this(outbox, owner, shown, asked, PATIENCE);
    }

    /** @param patience how long one call waits for Telegram to take the summaries before it says to retry later */
    OwnerChatSink(Outbox outbox, long owner, Consumer<OwnerMessageStore.OwnerMessage> shown, Function<Answer, String> asked, Duration patience) {
        this.outbox = outbox;
        this.asked = asked;
        this.owner = owner;
        this.shown = shown;
        this.patience = patience;
    }

    @Override
    public String name() {
        return "owner-telegram:" + owner;
    }

    @Override
    public Delivery deliver(Lead lead, int attempt) {
        return deliverTogether(List.of(lead)).get(0);
    }

    @Override
    public List<Delivery> deliverTogether(List<Lead> leads) {
        Map<String, CompletableFuture<Delivery>> waiting = new LinkedHashMap<>();
        synchronized (inFlight) {
            List<Lead> fresh = new ArrayList<>();
            for (Lead lead : leads) {
                CompletableFuture<Delivery> queued = inFlight.get(lead.id());
                if (queued != null) {
                    waiting.put(lead.id(), queued);
                } else {
                    fresh.add(lead);
                }
            }
            Map<String, CompletableFuture<Delivery>> started = send(fresh);
            inFlight.putAll(started);
            waiting.putAll(started);
        }
        try {
            CompletableFuture.allOf(waiting.values().toArray(CompletableFuture[]::new)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // The futures are only ever completed with a result, never exceptionally.
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // Reported below, lead by lead: what is still queued stays queued and is waited for by the next call.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return leads.stream().map(lead -> {
            CompletableFuture<Delivery> outcome = waiting.get(lead.id());
            if (!outcome.isDone()) {
                return (Delivery) new Delivery.RetryLater(Optional.empty(), "not sent to owner chat " + owner + " within "
                        + patience.toSeconds() + " s; still queued, so a retry waits for it rather than sending it again");
            }
            inFlight.remove(lead.id(), outcome);
            return outcome.join();
        }).toList();
    }

    /** Queues the leads' summaries as digests; each lead's outcome completes when every message carrying it is settled. */
    private Map<String, CompletableFuture<Delivery>> send(List<Lead> leads) {
        List<OwnerDigest> digests = OwnerDigest.pack(leads, asked);
        Map<String, List<CompletableFuture<Delivery>>> parts = new LinkedHashMap<>();
        for (int i = 0; i < digests.size(); i++) {
            OwnerDigest digest = digests.get(i);
            CompletableFuture<CallResult> result = new CompletableFuture<>();
            SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(owner).text(digest.html()).parseMode(Replies.HTML);
            // A summary too long for one message gets its buttons under its last part; a digest a row per lead.
            boolean lastPart = i + 1 == digests.size() || !digests.get(i + 1).leads().equals(digest.leads());
            List<List<ConsoleButton>> rows = lastPart ? digest.leads().stream()
                    .flatMap(lead -> LeadButtons.rows(lead, Handling.NEW, digest.leads().size() > 1).stream()).toList() : List.of();
            if (!rows.isEmpty()) {
                message.replyMarkup(TelegramChats.keyboard(rows));
            }
            String what = "sendMessage " + (digest.leads().size() == 1 ? "lead " + digest.leads().get(0).id()
                    : digest.leads().size() + " leads from " + digest.leads().get(0).id());
            CompletableFuture<Map<String, Delivery>> outcomes = result.thenCompose(sent -> outcomes(digest, sent));
            for (Lead lead : digest.leads()) {
                parts.computeIfAbsent(lead.id(), id -> new ArrayList<>()).add(outcomes.thenApply(byLead -> byLead.get(lead.id())));
            }
            outbox.enqueue(Outbox.Job.fromBot(owner, what, message.build(), id -> {
                if (lastPart) {
                    id.ifPresent(messageId -> shown.accept(new OwnerMessageStore.OwnerMessage(owner, messageId,
                            digest.leads().stream().map(Lead::id).toList())));
                }
                result.complete(new CallResult.Done(id));
            }, result::complete));
        }
        Map<String, CompletableFuture<Delivery>> byLead = new LinkedHashMap<>();
        parts.forEach((id, futures) -> byLead.put(id, CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(all -> futures.stream().map(CompletableFuture::join).reduce(OwnerChatSink::worse).orElseThrow())));
        return byLead;
    }

    /** What one digest's call means for each of its leads. */
    private CompletableFuture<Map<String, Delivery>> outcomes(OwnerDigest digest, CallResult result) {
        if (result instanceof CallResult.Rejected && digest.leads().size() > 1) {
            // One summary Telegram refuses must not hold back the others it was combined with: each goes alone.
            Map<String, CompletableFuture<Delivery>> alone = new LinkedHashMap<>();
            digest.leads().forEach(lead -> alone.putAll(send(List.of(lead))));
            return CompletableFuture.allOf(alone.values().toArray(CompletableFuture[]::new)).thenApply(all -> {
                Map<String, Delivery> outcomes = new HashMap<>();
                alone.forEach((id, outcome) -> outcomes.put(id, outcome.join()));
                return outcomes;
            });
        }
        Delivery outcome = outcome(result);
        Map<String, Delivery> outcomes = new HashMap<>();
        digest.leads().forEach(lead -> outcomes.put(lead.id(), outcome));
        return CompletableFuture.completedFuture(outcomes);
    }

    private Delivery outcome(CallResult result) {
        if (result instanceof CallResult.Done done) {
            return new Delivery.Delivered(done.messageId().map(id -> "message " + id));
        }
        if (result instanceof CallResult.Blocked blocked) {
            return new Delivery.Failed("owner chat " + owner + " blocked the bot or never started it (403 " + blocked.reason()
                    + "); open the bot from that account and press Start");
        }
        if (result instanceof CallResult.Rejected rejected) {
            return new Delivery.Failed("Telegram refused the summary in owner chat " + owner + " (" + rejected.reason() + ")");
        }
        return new Delivery.RetryLater(Optional.empty(), result.toString());
    }

    /** Of two outcomes for one lead (a summary in several messages), the one that keeps it from counting as delivered; else the first. */
    private static Delivery worse(Delivery first, Delivery second) {
        return first instanceof Delivery.Delivered ? second instanceof Delivery.Delivered ? first : second : first;
    }
}
