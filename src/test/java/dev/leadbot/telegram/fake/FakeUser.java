package dev.leadbot.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A Telegram user in a private chat with the bot, or in a group the bot is in ({@link #inGroup}): sends messages, replies,
 * presses the bot's buttons.
 */
public final class FakeUser {

    private final FakeBotApi api;
    private final long id;
    /** Where this user writes: their private chat with the bot (their own id), or a group. */
    private final long chat;
    private final String chatType;
    private final String firstName;
    private String username;
    private String lastName;
    private String language = "ru";
    private int callbacks;

    FakeUser(FakeBotApi api, long id, String firstName) {
        this(api, id, firstName, id, "private");
    }

    private FakeUser(FakeBotApi api, long id, String firstName, long chat, String chatType) {
        this.api = api;
        this.id = id;
        this.firstName = firstName;
        this.chat = chat;
        this.chatType = chatType;
    }

    /** The same user writing in a supergroup the bot is a member of (Telegram gives groups negative ids). */
    public FakeUser inGroup(long groupId) {
        FakeUser member = new FakeUser(api, id, firstName, groupId, "supergroup");
        member.username = username;
        member.lastName = lastName;
        member.language = language;
        return member;
    }

    public FakeUser username(String name) {
        this.username = name;
        return this;
    }

    public FakeUser lastName(String name) {
        this.lastName = name;
        return this;
    }

    public FakeUser language(String code) {
        this.language = code;
        return this;
    }

    /** The chat this user writes in: their private chat, or the group. */
    public long chatId() {
        return chat;
    }

    /** Types a message; a leading /command is marked as one, as Telegram does. */
    public void send(String text) {
        ObjectNode message = message(chat, chatType);
        message.put("text", text);
        if (text.startsWith("/")) {
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", text.split("\\s")[0].length());
        }
        deliver(message, text);
    }

    /** Replies (Telegram's "Reply") to a message of the chat with text. */
    public void reply(BotMessage to, String text) {
        ObjectNode message = message(chat, chatType);
        message.put("text", text);
        ObjectNode replied = message.putObject("reply_to_message").put("message_id", to.id()).put("date", 1_700_000_000)
                .put("text", to.text());
        replied.set("from", to.fromBot() ? FakeBotApi.JSON.createObjectNode().put("id", api.botId()).put("is_bot", true)
                .put("first_name", "Lead Bot") : user());
        replied.putObject("chat").put("id", chat).put("type", chatType);
        deliver(message, text);
    }

    public void sendInGroup(long groupId, String text) {
        ObjectNode message = message(groupId, "group");
        message.put("text", text);
        ObjectNode update = FakeBotApi.JSON.createObjectNode();
        update.set("message", message);
        api.addUpdate(update, groupId, null);
    }

    public void sendSticker() {
        ObjectNode message = message(chat, chatType);
        message.putObject("sticker").put("file_id", "sticker").put("file_unique_id", "s1").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        deliver(message, "[sticker]");
    }

    /** Shares a contact card; {@code ownerUserId} is whose contact it is. */
    public void shareContact(String phone, long ownerUserId) {
        ObjectNode message = message(chat, chatType);
        message.putObject("contact").put("phone_number", phone).put("first_name", firstName).put("user_id", ownerUserId);
        deliver(message, "[contact " + phone + "]");
    }

    /** Presses the button whose label contains {@code label} on the newest bot message that has one; returns the query id. */
    public String press(String label) {
        List<BotMessage> messages = api.botMessages(chat);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Optional<String> data = messages.get(i).callbackData(label);
            if (data.isPresent()) {
                return pressData(messages.get(i).id(), data.get());
            }
        }
        throw new AssertionError("no button '" + label + "' in chat " + chat + ": " + messages);
    }

    /** Presses the button whose label contains {@code label} on this exact message, even an old one. */
    public String press(BotMessage message, String label) {
        return pressData(message.id(), message.callbackData(label)
                .orElseThrow(() -> new AssertionError("no button '" + label + "' on " + message)));
    }

    /** Sends a callback query with any data at all, as a forged client could. */
    public String pressData(int messageId, String data) {
        String queryId = "cb" + chat + "_" + id + "_" + (++callbacks);
        ObjectNode query = FakeBotApi.JSON.createObjectNode().put("id", queryId).put("chat_instance", "ci" + id).put("data", data);
        query.set("from", user());
        ObjectNode message = FakeBotApi.JSON.createObjectNode().put("message_id", messageId).put("date", 1_700_000_000);
        message.set("chat", FakeBotApi.JSON.createObjectNode().put("id", chat).put("type", chatType));
        query.set("message", message);
        ObjectNode update = FakeBotApi.JSON.createObjectNode();
        update.set("callback_query", query);
        api.expectCallback(queryId);
        api.addUpdate(update, chat, null);
        return queryId;
    }

    private void deliver(ObjectNode message, String shown) {
        ObjectNode update = FakeBotApi.JSON.createObjectNode();
        update.set("message", message);
        api.addUpdate(update, chat, new BotMessage(message.path("message_id").asInt(), false, shown, shown, Optional.empty(), 0, System.nanoTime()));
    }

    private ObjectNode message(long chatId, String type) {
        ObjectNode message = FakeBotApi.JSON.createObjectNode().put("message_id", api.nextMessageId()).put("date", 1_700_000_000);
        message.set("from", user());
        ObjectNode where = message.putObject("chat").put("id", chatId).put("type", type);
        if (type.equals("private")) {
            where.put("first_name", firstName);
        } else {
            where.put("title", "Some group");
        }
        return message;
    }

    private ObjectNode user() {
        ObjectNode user = FakeBotApi.JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
        if (username != null) {
            user.put("username", username);
        }
        if (lastName != null) {
            user.put("last_name", lastName);
        }
        return user.put("language_code", language);
    }
}
