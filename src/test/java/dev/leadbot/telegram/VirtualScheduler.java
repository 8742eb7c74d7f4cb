package dev.leadbot.telegram;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A virtual clock for the outbox: tasks run on the test's thread, in the order of their time, only
 * when the test moves the clock. Nothing depends on how fast the machine is.
 */
final class VirtualScheduler implements Scheduler {

    private record Task(long at, long order, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.order, b.order));
    private long now = -7_000_000_000L; // nanoTime may be negative
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(new Task(now, order++, task));
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        tasks.add(new Task(now + delayNanos, order++, task));
    }

    /** Runs everything due now, including what that schedules for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward by {@code by}, running each task at its time. */
    void advance(Duration by) {
        long until = now + by.toNanos();
        while (!tasks.isEmpty() && tasks.peek().at - until <= 0) {
            Task next = tasks.poll();
            now = Math.max(now, next.at);
            next.run.run();
        }
        now = until;
    }

    /** Time since the clock's start, in milliseconds, for readable assertions. */
    long millis() {
        return (now + 7_000_000_000L) / 1_000_000;
    }
}
