package dev.leadbot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * A message to a bot's owner chats from a bot that is not running: why it did not start. Sent
 * once, directly, since there is no outbox without a running bot; an owner chat that cannot be
 * reached (the token refused, the owner never pressed Start) is only logged.
 */
public final class OwnerNotice {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerNotice.class);
    /** Telegram's limit on a message's text. */
    static final int MAX_TEXT = 4096;

    private OwnerNotice() {
    }

    /**
     * Sends {@code lines} (plain text, escaped here) to every owner chat of {@code settings}, as many
     * lines as fit in one message, then how many more there are; returns the chats that got it.
     */
    public static List<Long> send(TelegramSettings settings, BotThreads threads, List<String> lines) {
        String text = fitted(lines);
        TelegramUrl url = new TelegramUrl(settings.apiUrl().getScheme(), settings.apiUrl().getHost(), TelegramBot.port(settings), false);
        BotApi api = new BotApi(new OkHttpTelegramClient(threads.sendHttp, settings.token(), url), settings.token());
        List<Long> reached = new ArrayList<>();
        for (long owner : settings.ownerChatIds()) {
            try {
                api.execute(SendMessage.builder().chatId(owner).text(Html.escape(text)).parseMode(Replies.HTML).build());
                reached.add(owner);
            } catch (TelegramApiException e) {
                LOG.warn("owner chat {} was not told: {}", owner, e.getMessage());
            }
        }
        return List.copyOf(reached);
    }

    /** The lines that fit in one message (escaping may lengthen them), then "… and N more". */
    static String fitted(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String more = "\n… and " + (lines.size() - i) + " more; run leadbot validate to see them all";
            String next = (text.length() == 0 ? "" : "\n") + lines.get(i);
            if (Html.escape(text + next + (i + 1 < lines.size() ? more : "")).length() > MAX_TEXT) {
                return text + more;
            }
            text.append(next);
        }
        return text.toString();
    }
}
