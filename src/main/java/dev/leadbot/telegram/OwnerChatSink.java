package dev.leadbot.telegram;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Sends each lead's summary to every owner chat, through the outbox so limits and retries apply. */
final class OwnerChatSink implements LeadSink {

    private final Outbox outbox;
    private final List<Long> owners;

    OwnerChatSink(Outbox outbox, List<Long> owners) {
        this.outbox = outbox;
        this.owners = owners;
    }

    @Override
    public String name() {
        return "owner-telegram";
    }

    @Override
    public Delivery deliver(Lead lead) {
        List<String> parts = OwnerSummaryHtml.messages(lead);
        for (long owner : owners) {
            for (int i = 0; i < parts.size(); i++) {
                SendMessage message = SendMessage.builder().chatId(owner).text(parts.get(i)).parseMode(Replies.HTML).build();
                outbox.enqueue(new Outbox.Job(owner, "sendMessage lead " + lead.id() + " part " + (i + 1), true,
                        () -> Optional.of(message), id -> { }));
            }
        }
        return new Delivery.Delivered(Optional.empty());
    }
}
