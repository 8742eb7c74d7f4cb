package dev.leadbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leadbot.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPostgresqlUrlNamesServerDatabaseAndUserAndShowsNoPassword() {
        Database.Postgres database = (Database.Postgres) DatabaseUrl.parse("postgresql://bot:p%40ss:w0rd@db.internal:6432/leads?sslmode=require");

        assertEquals(new Database.Postgres("db.internal", 6432, "leads", "bot", Optional.of("p@ss:w0rd"), Map.of("sslmode", "require"),
                "leadbot"), database);
        assertEquals("postgresql://bot:***@db.internal:6432/leads (schema leadbot)", database.toString());
    }

    @Test
    void theDefaultPortAndTheShortSchemeAreUnderstood() {
        Database.Postgres database = (Database.Postgres) DatabaseUrl.parse("postgres://bot@localhost/leads");

        assertEquals(5432, database.port());
        assertEquals(Optional.empty(), database.password());
        assertEquals("postgresql://bot@localhost:5432/leads (schema leadbot)", database.toString());
    }

    @Test
    void anythingElseIsAnSqliteFile() {
        assertEquals(new Database.SqliteFile(Path.of("data/leadbot.db")), DatabaseUrl.parse("data/leadbot.db"));
    }

    @Test
    void aWrongUrlIsExplainedWithItsPasswordMasked() {
        assertEquals("'postgresql://bot:***@db.internal:54x/leads' has port '54x'; write a number from 1 to 65535 (PostgreSQL's is 5432)",
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://bot:secret@db.internal:54x/leads"))
                        .getMessage());
        assertEquals("'postgresql://bot:***@db.internal' lacks the database name; write postgresql://user:password@host:5432/database",
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://bot:secret@db.internal")).getMessage());
        assertEquals("'jdbc:postgresql://db/leads?user=bot&password=***' is a JDBC URL; write the database as"
                        + " postgresql://user:password@host:5432/database, or the path of an SQLite file",
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("jdbc:postgresql://db/leads?user=bot&password=secret"))
                        .getMessage());
    }

    @Test
    void aWrongSettingIsAProblemValueAtItsLineWithWhatToWrite() {
        Setting written = new Setting("postgresql://bot:secret@db.internal/leads?password=secret", Optional.of(new SettingsProblem.Place(
                "leadbot.yaml", 4, 1)), "db");
        List<SettingsProblem> found = new ArrayList<>();

        assertEquals(Optional.empty(), DatabaseUrl.read(written, found));
        assertEquals(List.of(SettingsProblem.at(new SettingsProblem.Place("leadbot.yaml", 4, 1), "db: 'postgresql://bot:***@db.internal/leads"
                + "?password=***' has password= in its query", "write it before the '@'; write postgresql://user:password@host:5432/database")),
                found);
    }
}
