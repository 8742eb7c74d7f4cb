package dev.leadbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Opens the database file the careful way: its folder made, locked against a second running
 * instance, readable only by its owner, checked to be a leadbot database of a schema this
 * version knows, and upgraded if older. Never overwrites a file it does not recognise.
 */
final class StoreFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreFile() {
    }

    /** The lock that keeps a second instance out; released when the store closes. */
    static FileLock lock(Path file) throws StoreException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process: just as much in use
            }
            if (lock == null) {
                channel.close();
                throw StoreException.inUse(file + " is in use by another running leadbot; stop that one first"
                        + " (two bots on one token would also take each other's updates)");
            }
            return lock;
        } catch (IOException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The note 'leadbot migrate' leaves beside a file it moved: a bot started on the file again would fork its history. */
    static Path movedNote(Path file) {
        return file.resolveSibling(file.getFileName() + ".moved");
    }

    /** Leaves the note that the file's state now lives in {@code where}; it says so to whoever starts a bot on the file. */
    static void markMoved(Path file, String where) throws StoreException {
        try {
            Files.writeString(movedNote(file), "moved to " + where + " by 'leadbot migrate'\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("moved " + file + " into " + where + ", but cannot leave " + movedNote(file) + " beside it: "
                    + e.getMessage() + "; start no bot on the file again", e);
        }
    }

    /** A file 'leadbot migrate' moved is refused to a running bot: its state goes on in PostgreSQL. */
    static void refuseMoved(Path file) throws StoreException {
        Path note = movedNote(file);
        if (!Files.exists(note)) {
            return;
        }
        String said;
        try {
            said = Files.readString(note, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            said = "moved (" + note + " is unreadable: " + e.getMessage() + ")";
        }
        throw new StoreException(file + " was " + said + ": start the bot with LEADBOT_DB set to that database (or db: in the"
                + " settings); to run on the file again instead, delete " + note);
    }

    static Connection connect(Path file) throws StoreException {
        refuseForeignFile(file);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                // WAL with synchronous=FULL: a commit is on disk before the bot acts on it.
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            ownerOnly(file);
            migrate(connection, file);
            return connection;
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be used as leadbot's database: " + e.getMessage()
                    + "; if it is damaged, move it away (leadbot never overwrites it) and restore a backup", e);
        }
    }

    /** For tools beside a running bot: an existing database of exactly this version's schema, not upgraded. */
    static Connection connectExisting(Path file) throws StoreException {
        if (!Files.exists(file)) {
            throw StoreException.missing(file + " does not exist: no bot has run on it yet (start one with the 'run' command, or point"
                    + " LEADBOT_DB/--db at the right file; the terminal chat keeps its own, data/chat.db)");
        }
        refuseForeignFile(file);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA foreign_keys = ON");
            }
            int version = pragma(connection, "user_version");
            if (pragma(connection, "application_id") != Migrations.APPLICATION_ID || version != Migrations.latest()) {
                connection.close();
                throw new StoreException(file + " has schema " + version + " but this leadbot reads schema " + Migrations.latest()
                        + "; start the bot of this version once (the 'run' command) to upgrade it, or use the leadbot that wrote it");
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void refuseForeignFile(Path file) throws StoreException {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            byte[] header;
            try (InputStream in = Files.newInputStream(file)) {
                header = in.readNBytes(SQLITE_HEADER.length);
            }
            if (!Arrays.equals(header, SQLITE_HEADER)) {
                throw new StoreException(file + " is not an SQLite database (damaged, or another program's file); leadbot will not"
                        + " overwrite it: move it away, or set LEADBOT_DB to another path");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(Connection connection, Path file) throws SQLException, StoreException {
        int version = pragma(connection, "user_version");
        int application = pragma(connection, "application_id");
        if (application != Migrations.APPLICATION_ID && (version != 0 || hasTables(connection))) {
            throw new StoreException(file + " is an SQLite database of another program, not leadbot's; leadbot will not touch it:"
                    + " set LEADBOT_DB to another path");
        }
        if (version > Migrations.latest()) {
            throw StoreException.newer(file + " was written by a newer leadbot (schema " + version + "; this one knows up to "
                    + Migrations.latest() + "); run the newer leadbot, or restore a backup made by this version");
        }
        if (version == Migrations.latest()) {
            return;
        }
        WholeTransaction.run(connection, () -> {
            try (Statement s = connection.createStatement()) {
                for (int step = version; step < Migrations.latest(); step++) {
                    for (String sql : Migrations.step(step, Dialect.SQLITE)) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
                s.execute("PRAGMA user_version = " + Migrations.latest());
            }
        });
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    /** Prospects' answers and phones are personal data: the file is readable by its owner only. */
    private static void ownerOnly(Path file) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            for (Path part : new Path[] {file, file.resolveSibling(file.getFileName() + "-wal"), file.resolveSibling(file.getFileName() + "-shm")}) {
                try {
                    if (Files.exists(part)) {
                        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot make " + part + " private: " + e.getMessage(), e);
                }
            }
        }
    }
}
