package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal, on a seeded run of interleaved conversations with restarts, abandonments lost to a crash
 * and abandonments fed in twice: every conversation abandoned past the partial-lead point is exactly one
 * partial lead, delivered once to every sink; no other conversation makes one; every later completion names it.
 */
class PartialLeadRunTest {

    @TempDir
    Path dir;

    @Test
    void everyConversationAbandonedPastThePointIsExactlyOnePartialLeadDeliveredOnceToEverySink() throws Exception {
        AbandonmentRun.Result result = AbandonmentRun.run(300, 7, new Database.SqliteFile(dir.resolve("abandonments.db")));

        assertTrue(result.expectedPartials() > 50 && result.restarts() > 3 && result.crashedAbandonments() > 10
                && result.repeatedAbandonments() > 10, "the run exercises what it claims: " + result);
        assertEquals(result.expectedPartials(), result.partialsOnce(), result.toString());
        assertEquals(0, result.partialsMissing() + result.partialsDoubled() + result.partialsUnexpected() + result.deliveriesPerSinkWrong(),
                result.toString());
        assertEquals(result.completionsExpected(), result.completionsNamingTheirPartial(), result.toString());
        assertEquals(0, result.leadsWithoutConsent(), result.toString());
    }
}
