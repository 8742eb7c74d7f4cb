package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.Written;
import dev.leadbot.engine.Action;
import dev.leadbot.engine.Input;
import dev.leadbot.lead.Prospect;
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

    static Incoming read(Update update) {
        int id = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null || !"private".equals(query.getMessage().getChat().getType())) {
                return new Incoming.Skipped(id, "button outside a private chat");
            }
            if (ConsoleButton.isConsoleData(query.getData())) {
                return new Incoming.OwnerPress(id, prospect(query.getMessage().getChatId(), query.getFrom()),
                        ConsoleButton.decode(query.getData()), query.getId());
            }
            Input press = ButtonData.decode(query.getData()).<Input>map(p -> p).orElse(FORGED);
            return new Incoming.FromProspect(id, prospect(query.getMessage().getChatId(), query.getFrom()), press, Optional.of(query.getId()));
        }
        if (!update.hasMessage()) {
            return new Incoming.Skipped(id, "no message");
        }
        Message message = update.getMessage();
        Chat chat = message.getChat();
        if (!"private".equals(chat.getType())) {
            return new Incoming.FromGroup(id, chat.getId());
        }
        if (message.getFrom() == null) {
            return new Incoming.Skipped(id, "message without a sender");
        }
        Prospect from = prospect(chat.getId(), message.getFrom());
        Written written = new Written(message.getMessageId(), Optional.ofNullable(message.getText()),
                Optional.ofNullable(message.getReplyToMessage()).map(Message::getMessageId));
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
