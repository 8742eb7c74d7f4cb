package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final Database.Postgres LEADS = new Database.Postgres("localhost", 5432, "leads", "bot", Optional.empty(), Map.of(),
            Database.DEFAULT_SCHEMA);

    @Test
    void theDriverGetsTheUrlWithoutTheUserOrPasswordAndMessagesNeverShowThePassword() {
        Database.Postgres database = new Database.Postgres("db.internal", 6432, "leads", "bot", Optional.of("p@ss:w0rd"),
                Map.of("sslmode", "require"), Database.DEFAULT_SCHEMA);

        assertEquals("postgresql://bot:***@db.internal:6432/leads (schema leadbot)", database.toString());
        assertEquals("jdbc:postgresql://db.internal:6432/leads?sslmode=require", database.jdbcUrl());
        assertEquals("FATAL: *** is wrong", database.hide("FATAL: p@ss:w0rd is wrong"));
        assertEquals("postgresql://bot:***@db.internal/leads", Database.Postgres.masked("postgresql://bot:hunter2@db.internal/leads"));
    }

    @Test
    void eachBotHasItsOwnSchemaOrFile() {
        assertEquals("bot_florist_2", ((Database.Postgres) LEADS.forBot("florist-2")).schema());
        Database file = new Database.SqliteFile(Path.of("data/leadbot.db"));
        assertEquals(new Database.SqliteFile(Path.of("data/florist-2/leadbot.db")), file.forBot("florist-2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> file.forBot("Флорист"));
        assertEquals("bot name 'Флорист': write lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 40",
                e.getMessage());
    }
}
