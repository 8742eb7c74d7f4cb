package dev.leadbot.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.lead.Lead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends each lead as one JSON line to a file, flushed to disk before it reports success. */
public final class JsonlFileSink implements LeadSink {

    private static final Logger LOG = LoggerFactory.getLogger(JsonlFileSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonlFileSink(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    /**
     * Removes every lead of {@code chatId} from the file, for a personal-data deletion request;
     * the rest is written to a new file that replaces the old one in one step.
     *
     * @return how many leads were removed
     */
    public synchronized int forget(long chatId) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && JSON.readTree(line).path("prospect").path("chat_id").asLong() == chatId) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        Path next = file.resolveSibling(file.getFileName() + ".forget");
        Files.write(next, kept, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return removed;
    }

    @Override
    public synchronized Delivery deliver(Lead lead, int attempt) {
        byte[] line = (LeadJson.toLine(lead) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return new Delivery.Delivered(Optional.empty());
        } catch (IOException e) {
            LOG.warn("lead {}: could not append to {}: {}", lead.id(), file, e.toString());
            return new Delivery.RetryLater(Optional.empty(), "cannot write " + file + ": " + e.getMessage());
        }
    }
}
