package dev.leadbot.telegram;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The lead's summary in one owner's Telegram chat, sent through the outbox so limits and retries
 * apply. Reports delivered only when Telegram has taken every part, so the delivery worker retries
 * what did not arrive; one sink per owner chat, so a retry never repeats a summary another owner got.
 */
final class OwnerChatSink implements LeadSink {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final long owner;

    OwnerChatSink(Outbox outbox, long owner) {
        this.outbox = outbox;
        this.owner = owner;
    }

    @Override
    public String name() {
        return "owner-telegram:" + owner;
    }

    @Override
    public Delivery deliver(Lead lead) {
        List<String> parts = OwnerSummaryHtml.messages(lead);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            CompletableFuture<Void> part = new CompletableFuture<>();
            SendMessage message = SendMessage.builder().chatId(owner).text(parts.get(i)).parseMode(Replies.HTML).build();
            outbox.enqueue(new Outbox.Job(owner, "sendMessage lead " + lead.id() + " part " + (i + 1), true, () -> Optional.of(message),
                    id -> part.complete(null), reason -> part.completeExceptionally(new IllegalStateException(reason))));
            sent.add(part);
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return new Delivery.Delivered(Optional.empty());
        } catch (ExecutionException e) {
            String reason = e.getCause().getMessage();
            return reason.startsWith("403") ? new Delivery.Failed("owner chat " + owner + " blocked the bot or never started it ("
                    + reason + "); open the bot from that account and press Start") : new Delivery.RetryLater(Optional.empty(), reason);
        } catch (TimeoutException e) {
            return new Delivery.RetryLater(Optional.empty(), "not sent to owner chat " + owner + " within " + PATIENCE.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater(Optional.empty(), "interrupted while sending to owner chat " + owner);
        }
    }
}
