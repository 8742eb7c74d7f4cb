package dev.leadbot.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFileSinkTest {

    @TempDir
    Path dir;

    @Test
    void eachLeadIsAppendedAsOneLineCreatingTheFolder() throws IOException {
        Path file = dir.resolve("data/leads.jsonl");
        JsonlFileSink sink = new JsonlFileSink(file);

        assertEquals(new Delivery.Delivered(Optional.empty()), sink.deliver(SinkFixtures.LEAD, 1));
        assertEquals(new Delivery.Delivered(Optional.empty()), sink.deliver(SinkFixtures.LEAD, 1));

        assertEquals(List.of(LeadJson.toLine(SinkFixtures.LEAD), LeadJson.toLine(SinkFixtures.LEAD)), Files.readAllLines(file));
    }

    @Test
    void anUnwritableFileIsReportedForRetryNamingTheFile() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where a folder should be");
        Path file = blocker.resolve("leads.jsonl");

        Delivery.RetryLater retry = assertInstanceOf(Delivery.RetryLater.class, new JsonlFileSink(file).deliver(SinkFixtures.LEAD, 1));

        assertTrue(retry.reason().startsWith("cannot write " + file), retry.reason());
    }

    @Test
    void forgetRemovesEveryLeadOfTheChatAndKeepsTheOthers() throws IOException {
        Path file = dir.resolve("leads.jsonl");
        JsonlFileSink sink = new JsonlFileSink(file);
        dev.leadbot.lead.Lead other = new dev.leadbot.lead.Lead("other", "qualification",
                new dev.leadbot.lead.Prospect(7, 7, Optional.empty(), "Boris", Optional.empty(), "ru"), Optional.empty(), List.of(), 0,
                List.of(), List.of(), SinkFixtures.LEAD.contact(), SinkFixtures.LEAD.startedAt(), SinkFixtures.LEAD.completedAt());
        sink.deliver(SinkFixtures.LEAD, 1);
        sink.deliver(other, 1);
        sink.deliver(SinkFixtures.LEAD, 1);

        assertEquals(2, sink.forget(42));

        assertEquals(List.of(LeadJson.toLine(other)), Files.readAllLines(file));
        assertEquals(0, sink.forget(42));
    }
}
