package dev.leadbot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A suite that runs whole once on SQLite and once on PostgreSQL: each test has a new, empty {@link #database} of the kind. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
abstract class OnEachStore {

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    /** The test's own file, or schema. */
    Database database;

    @BeforeEach
    void newDatabase(TestInfo test) {
        database = kind.database(dir, test.getTestMethod().orElseThrow().getName());
    }
}
