package dev.leadbot.telegram;

import dev.leadbot.console.FlowReload;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Switches the running flow to the file's new version: when an owner sends /reload (the report goes
 * to them), and when the file changes on disk (after a short quiet spell, since editors write a file in
 * several steps; the report goes to every owner chat, once per new content). The console decides;
 * this class reads the conversations, switches the flow and sends the report.
 */
final class FlowReloads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowReloads.class);
    /** How long the file must stay quiet after a change before it is read. */
    static final Duration DEBOUNCE = FlowWatch.DEBOUNCE;

    private final Path file;
    private final LiveFlow live;
    private final Store store;
    private final Outbox outbox;
    private final List<Long> owners;
    /** Changes on disk are heard by the watcher all bots share. */
    private final Optional<AutoCloseable> watching;
    /** The file's content last read, so a change already reported (or loaded by /reload) is not reported again. */
    private byte[] lastRead;

    /** @param bot the bot's tasks: a change the shared watcher hears is read under the bot's name */
    FlowReloads(Path file, LiveFlow live, Store store, Outbox outbox, List<Long> owners, FlowWatch watch, BotTasks bot) {
        this.file = file.toAbsolutePath();
        this.live = live;
        this.store = store;
        this.outbox = outbox;
        this.owners = List.copyOf(owners);
        this.lastRead = read().orElse(new byte[0]);
        this.watching = watch.watch(this.file, bot.named(this::changed));
    }

    /** /reload from an owner chat: the report goes to that chat. */
    void reload(long ownerChat) {
        String report = reload();
        outbox.enqueue(Outbox.Job.reply(ownerChat, "sendMessage reload report", () -> Optional.of(message(ownerChat, report)), id -> { },
                failure -> LOG.warn("chat={} reload report not sent: {}", ownerChat, failure)));
    }

    private synchronized String reload() {
        lastRead = read().orElse(new byte[0]);
        FlowReload.Outcome outcome;
        try {
            outcome = FlowReload.of(file, store.conversations().openConversations());
        } catch (StoreException e) {
            LOG.error("flow {} not reloaded: {}", file, e.getMessage());
            return "flow not loaded, the running flow stays: the open conversations could not be read; see the bot's log";
        }
        if (outcome instanceof FlowReload.Outcome.Loaded loaded) {
            live.switchTo(loaded.flow());
        }
        LOG.info("{}: {}", file, outcome.report().lines().findFirst().orElse(""));
        return outcome.report();
    }

    private void changed() {
        String report;
        synchronized (this) {
            Optional<byte[]> now = read();
            if (now.isPresent() && Arrays.equals(now.get(), lastRead)) {
                return;
            }
            report = reload();
        }
        for (long owner : owners) {
            outbox.enqueue(Outbox.Job.fromBot(owner, "sendMessage flow file changed", message(owner, "✏️ " + file.getFileName()
                    + " changed on disk. " + report), id -> { }, failure -> LOG.warn("chat={} reload report not sent: {}", owner, failure)));
        }
    }

    private Optional<byte[]> read() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SendMessage message(long chat, String text) {
        return SendMessage.builder().chatId(chat).text(Html.escape(text)).parseMode(Replies.HTML).build();
    }

    @Override
    public void close() {
        watching.ifPresent(handle -> {
            try {
                handle.close();
            } catch (Exception e) {
                LOG.warn("no longer watching {}: {}", file, e.getMessage());
            }
        });
    }
}
