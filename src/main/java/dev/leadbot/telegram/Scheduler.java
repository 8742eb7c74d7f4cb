package dev.leadbot.telegram;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the outbox runs its work and reads the time: threads and {@code System.nanoTime()} in the
 * service, a virtual clock in tests, so that no test of pacing depends on timing.
 */
interface Scheduler {

    /** Now, in nanoseconds; compared by difference only. */
    long nanoTime();

    /** Runs {@code task} as soon as a thread is free. */
    void execute(Runnable task);

    /** Runs {@code task} after {@code delayNanos}. */
    void schedule(Runnable task, long delayNanos);

    /** Threads of {@code pool} and the system clock. */
    static Scheduler of(ScheduledExecutorService pool) {
        return new Scheduler() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void execute(Runnable task) {
                pool.execute(task);
            }

            @Override
            public void schedule(Runnable task, long delayNanos) {
                pool.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }
        };
    }
}
