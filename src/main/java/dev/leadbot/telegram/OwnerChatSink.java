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
    public Delivery deliver(Lead lead, int attempt) {
        List<String> parts = OwnerSummaryHtml.messages(lead);
        List<CompletableFuture<CallResult>> sent = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            CompletableFuture<CallResult> part = new CompletableFuture<>();
            SendMessage message = SendMessage.builder().chatId(owner).text(parts.get(i)).parseMode(Replies.HTML).build();
            outbox.enqueue(new Outbox.Job(owner, "sendMessage lead " + lead.id() + " part " + (i + 1), true, () -> Optional.of(message),
                    id -> part.complete(new CallResult.Done(id)), part::complete));
            sent.add(part);
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            for (CompletableFuture<CallResult> part : sent) {
                CallResult result = part.join();
                if (result instanceof CallResult.Blocked blocked) {
                    return new Delivery.Failed("owner chat " + owner + " blocked the bot or never started it (403 " + blocked.reason()
                            + "); open the bot from that account and press Start");
                }
                if (!(result instanceof CallResult.Done)) {
                    return new Delivery.RetryLater(Optional.empty(), result.toString());
                }
            }
            return new Delivery.Delivered(Optional.empty());
        } catch (ExecutionException e) {
            // The futures are only ever completed with a result, never exceptionally.
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return new Delivery.RetryLater(Optional.empty(), "not sent to owner chat " + owner + " within " + PATIENCE.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater(Optional.empty(), "interrupted while sending to owner chat " + owner);
        }
    }
}
