package dev.leadbot.routing;

import dev.leadbot.console.FlowReload;
import dev.leadbot.store.ConversationStore;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the running flow to the file's new version: when an owner sends /reload (the report goes
 * to them), and when the file changes on disk (after a short quiet spell, since editors write a file in
 * several steps; the report goes to every owner chat, once per new content). The console decides;
 * this class reads the conversations, switches the flow and sends the report.
 */
public final class FlowReloads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowReloads.class);
    /** How long the file must stay quiet after a change before it is read. */
    private final Path file;
    private final LiveFlow live;
    private final ConversationStore conversations;
    private final ChatPort chats;
    private final List<Long> owners;
    /** Changes on disk are heard by the watcher all bots share. */
    private final Optional<AutoCloseable> watching;
    /** The file's content last read, so a change already reported (or loaded by /reload) is not reported again. */
    private byte[] lastRead;

    /** Hears changes of a file on disk, until the handle it gives back is closed; empty when the file cannot be watched. */
    public interface Watch {
        Optional<AutoCloseable> watch(Path file, Runnable changed);
    }

    public FlowReloads(Path file, LiveFlow live, ConversationStore conversations, ChatPort chats, List<Long> owners, Watch watch) {
        this.file = file.toAbsolutePath();
        this.live = live;
        this.conversations = conversations;
        this.chats = chats;
        this.owners = List.copyOf(owners);
        this.lastRead = read().orElse(new byte[0]);
        this.watching = watch.watch(this.file, this::changed);
    }

    /** /reload from an owner chat: the report goes to that chat. */
    void reload(long ownerChat) {
        String report = reload();
        chats.say(ownerChat, report, ChatPort.Lane.REPLY, "reload report");
    }

    private synchronized String reload() {
        lastRead = read().orElse(new byte[0]);
        FlowReload.Outcome outcome;
        try {
            outcome = FlowReload.of(file, conversations.openConversations());
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
            chats.say(owner, "✏️ " + file.getFileName() + " changed on disk. " + report, ChatPort.Lane.BOT, "flow file changed");
        }
    }

    private Optional<byte[]> read() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
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
