package dev.leadbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The JVM a test cluster belongs to, written beside the cluster ({@value #FILE}: its pid and when it started). The cluster
 * is stopped from that JVM's shutdown hook, which a killed JVM never runs: the next start finds the file, sees its JVM
 * gone, and stops the cluster left behind. The start time tells a live owner from a new process given the same pid.
 */
record ClusterOwner(long pid, Optional<Instant> started) {

    static final String FILE = "owner";

    /** This JVM. */
    static ClusterOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ClusterOwner(self.pid(), self.info().startInstant());
    }

    /** Writes {@code this} into {@code base}, the folder holding the cluster. */
    void writeTo(Path base) {
        try {
            // Written aside and moved in: a start sweeping at the same moment reads the whole file or none.
            Path writing = Files.writeString(base.resolve(FILE + ".new"), pid + " " + started.map(Instant::toString).orElse("-") + "\n",
                    StandardCharsets.UTF_8);
            Files.move(writing, base.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the owner of the PostgreSQL cluster in " + base + ": " + e.getMessage(), e);
        }
    }

    /** The owner recorded in {@code base}; empty for a folder without one (not this fixture's, or from before owners were kept). */
    static Optional<ClusterOwner> readFrom(Path base) {
        Path file = base.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            Optional<Instant> started = parts.length > 1 && !parts[1].equals("-") ? Optional.of(Instant.parse(parts[1])) : Optional.empty();
            return Optional.of(new ClusterOwner(Long.parseLong(parts[0]), started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the owner of the PostgreSQL cluster in " + base + ": " + e.getMessage(), e);
        }
    }

    /** True while the JVM that wrote this runs: a process with its pid that started when it did. */
    boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> started.isEmpty() || process.info().startInstant().equals(started))
                .isPresent();
    }

    /** True for a folder whose recorded owner is gone: what is in it is left over and may be stopped and deleted. */
    static boolean orphaned(Path base) {
        return readFrom(base).map(owner -> !owner.alive()).orElse(false);
    }
}
