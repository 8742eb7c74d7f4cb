package dev.leadbot.store;

import static dev.leadbot.store.StoreTest.MIDWAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only an SQLite file has: its folder and permissions, another program's file, its header and PRAGMA versions. */
class StoreFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data/leadbot.db");
    }

    @Test
    void theFileIsCreatedInItsFolderReadableByItsOwnerOnly() throws Exception {
        try (Store store = Store.open(db(), CLOCK)) {
            assertEquals(new Database.SqliteFile(db()), store.database());
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(db()));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws Exception {
        Files.createDirectories(db().getParent());
        byte[] junk = "these are someone's notes, not a database".getBytes();
        Files.write(db(), junk);

        StoreException e = assertThrows(StoreException.class, () -> Store.open(db(), CLOCK));

        assertEquals(db() + " is not an SQLite database (damaged, or another program's file); leadbot will not overwrite it: move it"
                + " away, or set LEADBOT_DB to another path", e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(db()));
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER)");
        }

        StoreException e = assertThrows(StoreException.class, () -> Store.open(db(), CLOCK));

        assertTrue(e.getMessage().startsWith(db() + " is an SQLite database of another program"), e.getMessage());
    }

    @Test
    void aDatabaseFromANewerLeadbotIsRefused() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = 99");
        }

        StoreException e = assertThrows(StoreException.class, () -> Store.open(db(), CLOCK));

        assertEquals(db() + " was written by a newer leadbot (schema 99; this one knows up to " + Migrations.latest() + "); run the newer"
                + " leadbot, or restore a backup made by this version", e.getMessage());
    }

    @Test
    void aToolBesideTheBotRefusesAnOlderDatabaseAndSaysWhichCommandUpgradesIt() throws Exception {
        databaseAtSchemaOne("");

        StoreException e = assertThrows(StoreException.class, () -> Store.openForTools(db(), CLOCK));

        assertEquals(db() + " has schema 1 but this leadbot reads schema " + Migrations.latest() + "; start the bot of this version"
                + " once (the 'run' command) to upgrade it, or use the leadbot that wrote it", e.getMessage());
    }

    @Test
    void anEmptySqliteFileIsUpgradedToTheLatestSchema() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 0");
        }

        try (Store store = Store.open(db(), CLOCK)) {
            assertEquals(OptionalLong.empty(), store.lastUpdateId());
        }
    }

    /** A leadbot database as the first schema made it, with {@code sql} (if any) run in it. */
    private void databaseAtSchemaOne(String sql) throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            for (String step : Migrations.step(0, Dialect.SQLITE)) {
                s.execute(step);
            }
            s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
            if (!sql.isEmpty()) {
                s.execute(sql);
            }
        }
    }

    @Test
    void aFileAtThePreviousSchemaVersionIsUpgradedKeepingItsConversations() throws Exception {
        databaseAtSchemaOne("INSERT INTO conversations VALUES (42, 'qualification', '" + ConversationJson.write(MIDWAY).replace("'", "''")
                + "', '2026-11-22T10:00:00Z')");

        try (Store store = Store.open(db(), CLOCK)) {
            assertEquals(Optional.of(MIDWAY), store.conversations().conversation(42));
            assertEquals(List.of(), store.leads().completedSince(Instant.EPOCH));
        }
    }

    @Test
    void theOwnersToolsRefuseAMissingFile() {
        StoreException e = assertThrows(StoreException.class, () -> Store.openForTools(db(), CLOCK));

        assertEquals(db() + " does not exist: no bot has run on it yet (start one with the 'run' command, or point LEADBOT_DB/--db at the right file;"
                + " the terminal chat keeps its own, data/chat.db)",
                e.getMessage());
    }
}
