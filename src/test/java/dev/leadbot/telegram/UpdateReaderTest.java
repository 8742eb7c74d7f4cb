package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.engine.Input;
import dev.leadbot.routing.Incoming;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram's updates read into leadbot's own values, as the routing receives them. */
class UpdateReaderTest {

    private static Update typed(String text) throws Exception {
        return new ObjectMapper().readValue("""
                {"update_id": 7, "message": {"message_id": 1, "date": 1700000000, "text": %s,
                 "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                 "from": {"id": 43, "is_bot": false, "first_name": "Boris", "language_code": "ru"},
                 "chat": {"id": 43, "type": "private", "first_name": "Boris"}}}""".formatted(new ObjectMapper().writeValueAsString(text)),
                Update.class);
    }

    @Test
    void aTypedStartWithTextNoDeepLinkCanCarryRecordsNoSource() throws Exception {
        Incoming read = UpdateReader.read(typed("/start =HYPERLINK(\"http://example.com\") Борис +79161234567"));

        assertEquals(new Input.Start(Optional.empty()), ((Incoming.FromProspect) read).input());
    }

    @Test
    void aDeepLinksPayloadIsTheStartsSource() throws Exception {
        Incoming read = UpdateReader.read(typed("/start vk_ads"));

        assertEquals(new Input.Start(Optional.of("vk_ads")), ((Incoming.FromProspect) read).input());
    }
}
