package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.Written;
import dev.leadbot.engine.Action;
import dev.leadbot.engine.Input;
import dev.leadbot.lead.Prospect;
import dev.leadbot.routing.Incoming;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Reads a Telegram update into what the engine understands. */
final class UpdateReader {

    /** Callback data that does not parse: a press the engine will find stale, so it answers and changes nothing. */
    private static final Input FORGED = new Input.Press(-1, "", new Action.Pick(""));
    private static final Pattern DEEP_LINK_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private UpdateReader() {
    }

    /**
     * Reads an update. One from a group is read as an owner chat's would be and wrapped in {@link Incoming.FromGroup}: the
     * router, which knows the owner chats, decides whether it is one.
     */
    static Incoming read(Update update) {
        int id = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null) {
                return new Incoming.Skipped(id, "button without its message");
            }
            long chat = query.getMessage().getChatId();
            Prospect from = prospect(chat, query.getFrom());
            Incoming pressed;
            if (ConsoleButton.isConsoleData(query.getData())) {
                pressed = new Incoming.OwnerPress(id, from, ConsoleButton.decode(query.getData()), query.getId());
            } else {
                Input press = ButtonData.decode(query.getData()).<Input>map(p -> p).orElse(FORGED);
                pressed = new Incoming.FromProspect(id, from, press, Optional.of(query.getId()));
            }
            return "private".equals(query.getMessage().getChat().getType()) ? pressed : new Incoming.FromGroup(id, chat, pressed, false);
        }
        if (!update.hasMessage()) {
            return new Incoming.Skipped(id, "no message");
        }
        Message message = update.getMessage();
        Chat chat = message.getChat();
        Incoming read = message.getFrom() == null ? new Incoming.Skipped(id, "message without a sender") : message(id, message);
        return "private".equals(chat.getType()) ? read : new Incoming.FromGroup(id, chat.getId(), read, true);
    }

    private static Incoming message(int id, Message message) {
        Prospect from = prospect(message.getChatId(), message.getFrom());
        // Only a reply to the bot's own message can be about a lead (in a group, people also reply to each other).
        Optional<Message> repliedToBot = Optional.ofNullable(message.getReplyToMessage())
                .filter(replied -> replied.getFrom() != null && Boolean.TRUE.equals(replied.getFrom().getIsBot()));
        Written written = new Written(message.getMessageId(), Optional.ofNullable(message.getText()), repliedToBot.map(Message::getMessageId),
                repliedToBot.map(Message::getText));
        if (message.hasText() && message.getText().startsWith("/")) {
            Optional<ConsoleCommand> command = ConsoleCommand.parse(message.getText());
            if (command.isPresent()) {
                return new Incoming.OwnerCommand(id, from, commandWord(message.getText()), command.get(), written);
            }
        }
        return new Incoming.FromProspect(id, from, input(message), Optional.empty(), Optional.of(written));
    }

    private static Input input(Message message) {
        if (message.hasContact()) {
            Long owner = message.getContact().getUserId();
            return new Input.SharedContact(message.getContact().getPhoneNumber(), owner != null && owner.equals(message.getFrom().getId()));
        }
        if (!message.hasText()) {
            return new Input.Unsupported();
        }
        String text = message.getText();
        if (!text.startsWith("/")) {
            return new Input.Typed(text);
        }
        String[] parts = text.strip().split("\\s+", 2);
        String command = commandWord(text);
        Optional<String> argument = parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty();
        return switch (command) {
            case "/start" -> new Input.Start(argument.filter(UpdateReader::isDeepLinkPayload));
            case "/back" -> new Input.Back();
            case "/restart" -> new Input.Restart();
            case "/forget" -> new Input.Forget();
            default -> new Input.UnknownCommand(command);
        };
    }

    /**
     * A t.me/bot?start=… link carries at most 64 of A–Z, a–z, 0–9, _ and - (Bot API, "Deep
     * linking"); anything else after a typed /start is not a lead source, and is not stored as one.
     */
    private static boolean isDeepLinkPayload(String argument) {
        return DEEP_LINK_PAYLOAD.matcher(argument).matches();
    }

    /** "/start@my_bot payload" is /start: commands may name the bot they are meant for. */
    private static String commandWord(String text) {
        return text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
    }

    private static Prospect prospect(long chatId, User user) {
        return new Prospect(chatId, user.getId(), Optional.ofNullable(user.getUserName()), Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()), Optional.ofNullable(user.getLanguageCode()).orElse(""));
    }
}
