package dev.leadbot.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch of updates will do outside the process (replies, lead hand-offs, deletions),
 * held back until the batch is committed: nothing leaves before its state is on disk. Each
 * chat's effects keep their order; chats interleave freely.
 */
final class Effects {

    private final List<Runnable> pending = new ArrayList<>();

    synchronized void add(Runnable effect) {
        pending.add(effect);
    }

    /** Runs everything, in the order added; called once, after the commit. */
    void release() {
        List<Runnable> all;
        synchronized (this) {
            all = List.copyOf(pending);
            pending.clear();
        }
        all.forEach(Runnable::run);
    }
}
