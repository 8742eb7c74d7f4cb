package dev.leadbot.telegram.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeBotApiServerTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPressBeforeTheBotShowedButtonsSaysWhatToType() throws Exception {
        try (FakeBotApiServer server = new FakeBotApiServer(0, "ru", out)) {
            server.handle("[1]");
            assertEquals("(no message with buttons yet: type /start, or write a message)" + System.lineSeparator(), printed());
            assertEquals(List.of(), server.api().botMessages(server.prospectChat()));
        }
    }
}
