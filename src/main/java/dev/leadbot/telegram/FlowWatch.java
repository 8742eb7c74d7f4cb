package dev.leadbot.telegram;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes to the flow files of every bot of the process with one watch service and one
 * thread. A file's change is reported after it has stayed quiet for {@link #DEBOUNCE} (editors
 * write a file in several steps), on {@code work}, once per quiet spell.
 */
final class FlowWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowWatch.class);
    /** How long a file must stay quiet after a change before it is read. */
    static final Duration DEBOUNCE = Duration.ofMillis(400);

    /** One file watched for one bot. */
    private record Watched(Path file, Runnable changed) {
    }

    private final Executor work;
    private WatchService service;
    private Thread thread;
    private final Map<Path, WatchKey> folders = new HashMap<>();
    private final List<Watched> watched = new ArrayList<>();
    /** Changes heard and waiting for their quiet spell: when each is due. */
    private final Map<Watched, Long> due = new LinkedHashMap<>();
    private boolean closed;

    FlowWatch(Executor work) {
        this.work = work;
    }

    /**
     * Tells {@code changed} of every change to {@code file} from now on, until the returned handle is
     * closed; empty (and logged) when the file system cannot watch its folder.
     */
    synchronized Optional<AutoCloseable> watch(Path file, Runnable changed) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            if (service == null) {
                service = absolute.getFileSystem().newWatchService();
                thread = new Thread(this::loop, "flow-watch");
                thread.setDaemon(true);
                thread.start();
            }
            if (!folders.containsKey(folder)) {
                folders.put(folder, folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY));
            }
        } catch (IOException e) {
            LOG.warn("changes to {} will not be noticed (only /reload reads it again): {}", absolute, e.getMessage());
            return Optional.empty();
        }
        Watched one = new Watched(absolute, changed);
        watched.add(one);
        return Optional.of(() -> forget(one));
    }

    private synchronized void forget(Watched one) {
        watched.remove(one);
        due.remove(one);
        Path folder = one.file().getParent();
        if (watched.stream().noneMatch(w -> w.file().getParent().equals(folder))) {
            Optional.ofNullable(folders.remove(folder)).ifPresent(WatchKey::cancel);
        }
    }

    private void loop() {
        try {
            while (true) {
                long wait = nextDue();
                WatchKey key = wait < 0 ? service.take() : service.poll(wait, TimeUnit.NANOSECONDS);
                if (key != null) {
                    heard(key);
                }
                for (Watched quiet : quiet()) {
                    work.execute(quiet.changed());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            LOG.debug("flow watcher stopped");
        }
    }

    /** Nanoseconds until the first quiet spell ends, or -1 when no change waits. */
    private synchronized long nextDue() {
        return due.values().stream().mapToLong(at -> Math.max(0, at - System.nanoTime())).min().orElse(-1);
    }

    private synchronized void heard(WatchKey key) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                Path changed = folder.resolve(name);
                watched.stream().filter(w -> w.file().equals(changed))
                        .forEach(w -> due.put(w, System.nanoTime() + DEBOUNCE.toNanos()));
            }
        }
        key.reset();
    }

    /** The changes whose quiet spell is over, taken off the waiting list. */
    private synchronized List<Watched> quiet() {
        long now = System.nanoTime();
        List<Watched> over = due.entrySet().stream().filter(e -> e.getValue() <= now).map(Map.Entry::getKey).toList();
        over.forEach(due::remove);
        return closed ? List.of() : over;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.warn("closing the flow watcher: {}", e.getMessage());
            }
        }
    }
}
