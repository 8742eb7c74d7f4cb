package dev.leadbot.telegram;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One bot's single thread of work (its console, its funnel charts, its leads file) on threads shared
 * by every bot of the process: tasks run one at a time, in order, as a single-thread executor runs
 * them, but a bot that is idle holds no thread. Shutting a lane down stops only that lane.
 */
final class SerialLane extends AbstractExecutorService {

    private final Executor threads;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private boolean shutdown;

    SerialLane(Executor threads) {
        this.threads = threads;
    }

    @Override
    public synchronized void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("this bot's work has stopped");
        }
        queue.add(task);
        if (!running) {
            running = true;
            threads.execute(this::drain);
        }
    }

    /** Runs what is queued, one task after another; another thread takes over only once this one has stopped. */
    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // As a thread pool's worker would: the task's own failure is the task's to report; the lane goes on.
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = List.copyOf(queue);
        queue.clear();
        return dropped;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && !running;
    }

    @Override
    public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
