package dev.leadbot.telegram;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the Telegram service needs to run, already checked by whoever read it.
 *
 * @param apiUrl        the Bot API's base URL: {@code https://api.telegram.org}, or a local fake in tests
 * @param leadsFile     where leads are appended; the poll heartbeat ({@link #heartbeatFile()}) lives beside it
 * @param limits        how the outbox paces: Telegram's per-chat budget, and the cap on what the bot starts
 *                      itself (owner summaries, alerts, messages to chats not in conversation), 30 a second
 *                      unless raised for paid broadcasts. Replies to chats in conversation have no overall cap.
 * @param timeZone      the owner's time zone: where the quiet hours of a flow that names no {@code time_zone} are
 */
public record TelegramSettings(String token, List<Long> ownerChatIds, URI apiUrl, Path leadsFile, FloodLimits limits, ZoneId timeZone) {

    /** In the time zone of the machine the bot runs on. */
    public TelegramSettings(String token, List<Long> ownerChatIds, URI apiUrl, Path leadsFile, FloodLimits limits) {
        this(token, ownerChatIds, apiUrl, leadsFile, limits, ZoneId.systemDefault());
    }

    public TelegramSettings(String token, List<Long> ownerChatIds, URI apiUrl, Path leadsFile) {
        this(token, ownerChatIds, apiUrl, leadsFile, FloodLimits.TELEGRAM);
    }

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        ownerChatIds = List.copyOf(ownerChatIds);
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(leadsFile, "leadsFile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** Touched before every long poll, so a health check can tell the loop is alive. */
    public Path heartbeatFile() {
        return heartbeatBeside(leadsFile);
    }

    /** Where the bot whose leads file this is keeps its heartbeat, for {@code leadbot health}. */
    public static Path heartbeatBeside(Path leadsFile) {
        return leadsFile.toAbsolutePath().resolveSibling("heartbeat");
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "TelegramSettings[owners=" + ownerChatIds + ", api=" + apiUrl + ", leads=" + leadsFile + "]";
    }
}
