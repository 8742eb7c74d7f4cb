package dev.leadbot.testing;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import java.util.List;

/** A prospect talking to the bot through the fake API, waiting for each reply before the next move. */
public final class ProspectChat {

    public final FakeUser user;
    private final FakeBotApi api;
    private int seen;

    public ProspectChat(FakeBotApi api, FakeUser user) {
        this.api = api;
        this.user = user;
    }

    /** Types {@code text}, then waits for a new bot message containing {@code expected}. */
    public BotMessage send(String text, String expected) {
        user.send(text);
        return expect(expected);
    }

    /**
     * Presses a button on the newest message that has it, then waits for a bot message containing
     * {@code expected}: a newer one, or the pressed one itself once the words after the answer join it.
     */
    public BotMessage press(String label, String expected) {
        tap(label);
        return expect(expected);
    }

    /**
     * Waits for a button whose label contains {@code label}, as a person waits to see it, and presses
     * it; returns the query id. The next expectation looks from the pressed message on.
     */
    public String tap(String label) {
        List<BotMessage> all = api.await(user.chatId(), messages -> messages.stream().anyMatch(m -> m.callbackData(label).isPresent()));
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).callbackData(label).isPresent()) {
                seen = Math.min(seen, i);
                break;
            }
        }
        return user.press(label);
    }

    /** Waits for a bot message, newer than the last one expected, containing {@code part}. */
    public BotMessage expect(String part) {
        List<BotMessage> messages = api.await(user.chatId(), all -> indexOf(all, part) >= 0);
        int index = indexOf(messages, part);
        seen = index + 1;
        return messages.get(index);
    }

    public List<BotMessage> messages() {
        return api.botMessages(user.chatId());
    }

    private int indexOf(List<BotMessage> messages, String part) {
        for (int i = seen; i < messages.size(); i++) {
            if (messages.get(i).text().contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
