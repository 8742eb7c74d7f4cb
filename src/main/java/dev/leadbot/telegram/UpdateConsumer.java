package dev.leadbot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes each getUpdates batch: hands every update to its chat's lane and returns only when all
 * of them are applied, so a batch is never half-handled. Never throws: an exception here would
 * stop the library's polling for good.
 */
final class UpdateConsumer implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateConsumer.class);

    private final ChatLanes lanes;
    private final ChatRouter router;

    UpdateConsumer(ChatLanes lanes, ChatRouter router) {
        this.lanes = lanes;
        this.router = router;
    }

    @Override
    public void consume(List<Update> updates) {
        List<CompletableFuture<Void>> applied = new ArrayList<>(updates.size());
        for (Update update : updates) {
            try {
                Incoming incoming = UpdateReader.read(update);
                applied.add(lanes.submit(chatOf(incoming), "update " + update.getUpdateId(), () -> router.handle(incoming)));
            } catch (RuntimeException e) {
                LOG.error("update={} could not be read", update.getUpdateId(), e);
            }
        }
        // join() waits even when the polling thread is interrupted at shutdown: in-flight updates finish.
        CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).join();
    }

    private static long chatOf(Incoming incoming) {
        if (incoming instanceof Incoming.FromProspect prospect) {
            return prospect.prospect().chatId();
        }
        return incoming instanceof Incoming.FromGroup group ? group.chatId() : 0;
    }
}
