package dev.leadbot.telegram;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the Telegram service needs to run, already checked by whoever read it.
 *
 * @param apiUrl        the Bot API's base URL: {@code https://api.telegram.org}, or a local fake in tests
 * @param perSecond     messages a second across all chats (Telegram allows about 30)
 * @param perChatSecond messages a second to one chat, as a short burst (Telegram allows about 1, with bursts)
 * @param leadsFile     where leads are appended; the poll heartbeat ({@link #heartbeatFile()}) lives beside it
 */
public record TelegramSettings(String token, List<Long> ownerChatIds, URI apiUrl, Path leadsFile, int perSecond, int perChatSecond) {

    /** Stays under Telegram's documented limits with a margin. */
    public TelegramSettings(String token, List<Long> ownerChatIds, URI apiUrl, Path leadsFile) {
        this(token, ownerChatIds, apiUrl, leadsFile, 25, 3);
    }

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        ownerChatIds = List.copyOf(ownerChatIds);
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(leadsFile, "leadsFile");
    }

    /** Touched before every long poll, so a health check can tell the loop is alive. */
    public Path heartbeatFile() {
        return leadsFile.toAbsolutePath().resolveSibling("heartbeat");
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "TelegramSettings[owners=" + ownerChatIds + ", api=" + apiUrl + ", leads=" + leadsFile + "]";
    }
}
