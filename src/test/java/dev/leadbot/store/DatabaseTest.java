package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void aPostgresqlUrlNamesServerDatabaseAndUserAndShowsNoPassword() {
        Database.Postgres database = (Database.Postgres) Database.parse("postgresql://bot:p%40ss:w0rd@db.internal:6432/leads?sslmode=require");

        assertEquals(new Database.Postgres("db.internal", 6432, "leads", "bot", Optional.of("p@ss:w0rd"), Map.of("sslmode", "require"),
                "leadbot"), database);
        assertEquals("postgresql://bot:***@db.internal:6432/leads (schema leadbot)", database.toString());
        assertEquals("jdbc:postgresql://db.internal:6432/leads?sslmode=require", database.jdbcUrl());
        assertEquals("FATAL: *** is wrong", database.hide("FATAL: p@ss:w0rd is wrong"));
    }

    @Test
    void theDefaultPortAndTheShortSchemeAreUnderstood() {
        Database.Postgres database = (Database.Postgres) Database.parse("postgres://bot@localhost/leads");

        assertEquals(5432, database.port());
        assertEquals(Optional.empty(), database.password());
        assertEquals("postgresql://bot@localhost:5432/leads (schema leadbot)", database.toString());
    }

    @Test
    void anythingElseIsAnSqliteFile() {
        assertEquals(new Database.SqliteFile(Path.of("data/leadbot.db")), Database.parse("data/leadbot.db"));
    }

    @Test
    void eachBotHasItsOwnSchemaOrFile() {
        assertEquals("bot_florist_2", ((Database.Postgres) Database.parse("postgresql://bot@localhost/leads").forBot("florist-2")).schema());
        assertEquals(new Database.SqliteFile(Path.of("data/florist-2/leadbot.db")), Database.parse("data/leadbot.db").forBot("florist-2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Database.parse("data/leadbot.db").forBot("Флорист"));
        assertEquals("bot name 'Флорист': write lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 40",
                e.getMessage());
    }

    @Test
    void aWrongUrlIsExplainedWithItsPasswordMasked() {
        assertEquals("'postgresql://bot:***@db.internal:54x/leads' has port '54x'; write a number from 1 to 65535 (PostgreSQL's is 5432)",
                assertThrows(IllegalArgumentException.class, () -> Database.parse("postgresql://bot:secret@db.internal:54x/leads"))
                        .getMessage());
        assertEquals("'postgresql://bot:***@db.internal' lacks the database name; write postgresql://user:password@host:5432/database",
                assertThrows(IllegalArgumentException.class, () -> Database.parse("postgresql://bot:secret@db.internal")).getMessage());
        assertEquals("'jdbc:postgresql://db/leads?user=bot&password=***' is a JDBC URL; write the database as"
                        + " postgresql://user:password@host:5432/database, or the path of an SQLite file",
                assertThrows(IllegalArgumentException.class, () -> Database.parse("jdbc:postgresql://db/leads?user=bot&password=secret"))
                        .getMessage());
    }
}
