package dev.leadbot.store;

import dev.leadbot.testing.PostgresServer;
import java.nio.file.Path;

/** The two places a store lives, for suites that run once on each: {@code @ParameterizedClass @EnumSource(StoreKind.class)}. */
public enum StoreKind {

    /** A file of its own in the test's folder. */
    SQLITE {
        @Override
        public Database database(Path dir, String test) {
            return new Database.SqliteFile(dir.resolve("data/leadbot.db"));
        }
    },

    /** A schema of its own on the build's PostgreSQL server. */
    POSTGRESQL {
        @Override
        public Database database(Path dir, String test) {
            return PostgresServer.freshDatabase(test);
        }
    };

    /** A new, empty place for one test's store. */
    public abstract Database database(Path dir, String test);
}
