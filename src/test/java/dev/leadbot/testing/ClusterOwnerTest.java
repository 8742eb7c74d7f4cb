package dev.leadbot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterOwnerTest {

    @TempDir
    Path temp;

    /** The owner of a JVM that has ended: a process started and waited for. */
    private static ClusterOwner gone() throws Exception {
        Process process = new ProcessBuilder("true").start();
        Optional<Instant> started = process.toHandle().info().startInstant();
        assertEquals(0, process.waitFor());
        return new ClusterOwner(process.pid(), started);
    }

    private Path cluster(String name, Optional<ClusterOwner> owner) throws Exception {
        Path base = Files.createDirectories(temp.resolve(name));
        Files.createDirectories(base.resolve("data"));
        owner.ifPresent(o -> o.writeTo(base));
        return base;
    }

    @Test
    void aClusterWhoseJvmEndedIsOrphanedAndOneOfALiveJvmIsNot() throws Exception {
        Path ours = cluster("leadbot-postgres1", Optional.of(ClusterOwner.current()));
        Path left = cluster("leadbot-postgres2", Optional.of(gone()));

        assertEquals(Optional.of(ClusterOwner.current()), ClusterOwner.readFrom(ours));
        assertFalse(ClusterOwner.orphaned(ours));
        assertTrue(ClusterOwner.orphaned(left));
    }

    @Test
    void aJvmWithTheSamePidThatStartedLaterIsNoOwner() throws Exception {
        ClusterOwner self = ClusterOwner.current();
        Path base = cluster("leadbot-postgres1", Optional.of(new ClusterOwner(self.pid(), Optional.of(Instant.EPOCH))));

        assertTrue(ClusterOwner.orphaned(base), "the pid was given to another process since");
    }

    @Test
    void theNextStartDeletesTheClustersOfEndedJvmsAndLeavesTheOthers() throws Exception {
        Path ours = cluster("leadbot-postgres1", Optional.of(ClusterOwner.current()));
        Path left = cluster("leadbot-postgres2", Optional.of(gone()));
        Path unknown = cluster("leadbot-postgres3", Optional.empty());
        Path log = temp.resolve("server.log");

        // None of them has a server running (no postmaster.pid): nothing to stop, so no PostgreSQL program is run.
        PostgresServer.stopOrphans(Path.of("/nonexistent"), Optional.empty(), List.of(ours, left, unknown), log);

        try (Stream<Path> remaining = Files.list(temp)) {
            assertEquals(List.of("leadbot-postgres1", "leadbot-postgres3"),
                    remaining.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCheckoutsOwnFolderLosesOnlyItsOwnerFileForTheStartThatFollows() throws Exception {
        Path home = cluster("postgres", Optional.of(gone()));

        PostgresServer.stopOrphans(Path.of("/nonexistent"), Optional.empty(), List.of(home), temp.resolve("server.log"));

        assertTrue(Files.isDirectory(home.resolve("data")));
        assertEquals(Optional.empty(), ClusterOwner.readFrom(home));
    }
}
