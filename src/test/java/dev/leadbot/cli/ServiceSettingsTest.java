package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.SinkSettings;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSettingsTest {

    private static final String TOKEN = "1234567:AAFakeTokenForLocalTestsOnly_abcdefghij";

    @TempDir
    Path dir;

    @Test
    void theEnvironmentAloneIsEnough() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_OWNER_CHAT_IDS", "111, 222",
                "LEADBOT_TELEGRAM_API_URL", "http://127.0.0.1:8081"), dir.resolve("none.yaml"));

        TelegramSettings settings = result.telegram().orElseThrow();
        assertEquals(List.of(111L, 222L), settings.ownerChatIds());
        assertEquals(URI.create("http://127.0.0.1:8081"), settings.apiUrl());
        assertEquals(Path.of("flows/qualification.yaml"), result.flow());
    }

    @Test
    void theFileFillsInAndTheEnvironmentWins() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_ids: [1, 2]\nflow: flows/other.yaml\n");

        ServiceSettings.Result result = ServiceSettings.read(Map.of("LEADBOT_FLOW", "flows/env.yaml"), file);

        assertEquals(List.of(1L, 2L), result.telegram().orElseThrow().ownerChatIds());
        assertEquals(Path.of("flows/env.yaml"), result.flow());
    }

    @Test
    void theBulkRateDefaultsToTelegramsBulkFigureAndCanBeRaisedForPaidBroadcasts() throws IOException {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN);

        assertEquals(30, ServiceSettings.read(env, dir.resolve("none.yaml")).telegram().orElseThrow().limits().bulkPerSecond());
        assertEquals(300, ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_BULK_PER_SECOND", "300"),
                dir.resolve("none.yaml")).telegram().orElseThrow().limits().bulkPerSecond());
    }

    @Test
    void aBulkRateOutOfRangeSaysWhatToWrite() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_BULK_PER_SECOND", "fast"),
                dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_BULK_PER_SECOND is 'fast'; write messages a second from 1 to 1000 (Telegram allows about 30"
                + " without paid broadcasts; leave it unset for 30)"), result.problems());
    }

    @Test
    void theOldOverallSendRateIsRefusedWithWhatReplacedIt() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_SEND_PER_SECOND", "25"),
                dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_SEND_PER_SECOND is no longer read: replies to prospects are not capped overall any more (Telegram"
                + " limits each chat, not the bot); remove it, and set LEADBOT_BULK_PER_SECOND instead if you meant the cap on messages"
                + " the bot starts itself (owner summaries, alerts; default 30)"), result.problems());
    }

    @Test
    void sinksAreReadWithTheirSecretsFromTheEnvironmentAndTheirFieldMapping() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: amocrm\n    base_url: https://x.amocrm.ru\n    token: ${AMO}\n    fields:\n"
                + "      555001: sphere\n  - type: google_sheets\n    name: sheet\n    columns: [lead_id, name]\n");

        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "AMO", "secret-amo-token"), file);

        assertEquals(List.of(), result.problems());
        assertEquals(new SinkSettings("amocrm", "amocrm", file + ":2:5", Map.of("type", "amocrm", "name", "amocrm",
                "base_url", "https://x.amocrm.ru", "token", "secret-amo-token"), Map.of("555001", "sphere")), result.sinks().get(0));
        assertEquals("lead_id,name", result.sinks().get(1).values().get("columns"));
        assertFalse(result.sinks().get(0).toString().contains("secret-amo-token"));
    }

    @Test
    void aMissingTokenSaysWhereToGetOne() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of(), dir.resolve("none.yaml"));

        assertEquals(List.of("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot), then set"
                + " TELEGRAM_BOT_TOKEN to the token it gives you"), result.problems());
    }

    @Test
    void aMalformedTokenIsRefusedWithoutEchoingIt() throws IOException {
        String secret = "12345:short-secret-value";
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", secret), dir.resolve("none.yaml"));

        assertFalse(result.telegram().isPresent());
        assertTrue(result.problems().get(0).startsWith("TELEGRAM_BOT_TOKEN does not look like a bot token"), result.problems().toString());
        assertFalse(String.join("\n", result.problems()).contains("short-secret"));
    }

    @Test
    void everyBadSettingIsNamedAtOnce() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_OWNER_CHAT_IDS", "111,@boss",
                "LEADBOT_TELEGRAM_API_URL", "ftp://example"), dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_OWNER_CHAT_IDS has '@boss', which is not a chat id; write numbers separated by commas, e.g."
                        + " 123456789, and find yours with @userinfobot",
                "LEADBOT_TELEGRAM_API_URL must be an http or https URL such as https://api.telegram.org, not 'ftp://example'"),
                result.problems());
    }

    @Test
    void aTypoInTheFileIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_idz: 1\n");

        ServiceSettings.Result result = ServiceSettings.read(Map.of(), file);

        assertEquals(List.of(file + ":2:1: unknown key 'owner_chat_idz' in " + file + "; did you mean 'owner_chat_ids'?"),
                result.problems());
    }

    @Test
    void settingsNeverPrintTheToken() {
        TelegramSettings settings = new TelegramSettings(TOKEN, List.of(1L), URI.create("https://api.telegram.org"), Path.of("x"));

        assertFalse(settings.toString().contains(TOKEN));
    }
}
