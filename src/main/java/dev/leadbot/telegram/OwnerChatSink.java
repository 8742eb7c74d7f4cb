package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.LeadButtons;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.CombiningSink;
import dev.leadbot.sink.Delivery;
import dev.leadbot.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Lead summaries in one owner's Telegram chat, sent through the outbox's bulk lane so limits and
 * retries apply. An owner chat takes about one message a second, so the summaries waiting for it
 * go together as digests ({@link OwnerDigest}): at 200 leads a minute they arrive within seconds
 * instead of minutes behind. A lead is reported delivered only when Telegram has taken every
 * message carrying it, and its reference is the id of the (first) message that shows it; one sink
 * per owner chat, so a retry never repeats a summary another owner got.
 */
final class OwnerChatSink implements CombiningSink {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final long owner;
    private final Consumer<Store.OwnerMessage> shown;

    /** @param shown told of each message Telegram accepted and the leads it shows, so a status change can be shown in it */
    OwnerChatSink(Outbox outbox, long owner, Consumer<Store.OwnerMessage> shown) {
        this.outbox = outbox;
        this.owner = owner;
        this.shown = shown;
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
        List<OwnerDigest> digests = OwnerDigest.pack(leads);
        List<CompletableFuture<CallResult>> sent = new ArrayList<>();
        for (int i = 0; i < digests.size(); i++) {
            OwnerDigest digest = digests.get(i);
            CompletableFuture<CallResult> result = new CompletableFuture<>();
            SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(owner).text(digest.html()).parseMode(Replies.HTML);
            // A summary too long for one message gets its buttons under its last part; a digest a row per lead.
            boolean lastPart = i + 1 == digests.size() || !digests.get(i + 1).leads().equals(digest.leads());
            List<List<ConsoleButton>> rows = lastPart ? digest.leads().stream()
                    .flatMap(lead -> LeadButtons.rows(lead, Handling.NEW, digest.leads().size() > 1).stream()).toList() : List.of();
            if (!rows.isEmpty()) {
                message.replyMarkup(ConsoleChat.keyboard(rows));
            }
            String what = "sendMessage " + (digest.leads().size() == 1 ? "lead " + digest.leads().get(0).id()
                    : digest.leads().size() + " leads from " + digest.leads().get(0).id());
            outbox.enqueue(Outbox.Job.fromBot(owner, what, message.build(), id -> {
                if (lastPart) {
                    id.ifPresent(messageId -> shown.accept(new Store.OwnerMessage(owner, messageId,
                            digest.leads().stream().map(Lead::id).toList())));
                }
                result.complete(new CallResult.Done(id));
            }, result::complete));
            sent.add(result);
        }
        Map<String, Delivery> outcomes = new HashMap<>();
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = 0; i < digests.size(); i++) {
                OwnerDigest digest = digests.get(i);
                CallResult result = sent.get(i).join();
                if (result instanceof CallResult.Rejected && digest.leads().size() > 1) {
                    // One summary Telegram refuses must not hold back the others it was combined with: each goes alone.
                    digest.leads().forEach(lead -> outcomes.merge(lead.id(), deliver(lead, 1), OwnerChatSink::worse));
                    continue;
                }
                Delivery outcome = outcome(result);
                digest.leads().forEach(lead -> outcomes.merge(lead.id(), outcome, OwnerChatSink::worse));
            }
        } catch (ExecutionException e) {
            // The futures are only ever completed with a result, never exceptionally.
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return same(leads, new Delivery.RetryLater(Optional.empty(), "not sent to owner chat " + owner + " within "
                    + PATIENCE.toMinutes() + " minutes"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return same(leads, new Delivery.RetryLater(Optional.empty(), "interrupted while sending to owner chat " + owner));
        }
        return leads.stream().map(lead -> outcomes.get(lead.id())).toList();
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

    private static List<Delivery> same(List<Lead> leads, Delivery outcome) {
        return leads.stream().map(lead -> outcome).toList();
    }
}
