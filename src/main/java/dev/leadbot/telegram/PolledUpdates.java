package dev.leadbot.telegram;

import dev.leadbot.routing.Incoming;
import dev.leadbot.routing.Received;
import dev.leadbot.routing.UpdateConsumer;
import java.util.List;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Hands each getUpdates batch to the routing, every update read into leadbot's own values only when it is its turn. */
final class PolledUpdates implements LongPollingUpdateConsumer {

    private final UpdateConsumer consumer;

    PolledUpdates(UpdateConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void consume(List<Update> updates) {
        consumer.consume(updates.stream().map(Polled::new).toList());
    }

    /** Nothing of its own to close: the service stops the lanes and the store it was given. */
    @Override
    public void close() {
    }

    private record Polled(Update update) implements Received {
        @Override
        public int updateId() {
            return update.getUpdateId();
        }

        @Override
        public Incoming read() {
            return UpdateReader.read(update);
        }
    }
}
