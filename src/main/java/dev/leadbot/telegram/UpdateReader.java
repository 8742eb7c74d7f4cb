package dev.leadbot.telegram;

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
    /** Commands for owners: {@code /stats}, {@code /stats 30d}, {@code /stats@my_bot 24h}. */
    private static final Pattern OWNER_COMMAND = Pattern.compile("(?i)/stats(@\\w+)?(\\s.*)?", Pattern.DOTALL);

    private UpdateReader() {
    }

    static Incoming read(Update update) {
        int id = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            if (query.getMessage() == null || !"private".equals(query.getMessage().getChat().getType())) {
                return new Incoming.Skipped(id, "button outside a private chat");
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
        if (message.hasText() && OWNER_COMMAND.matcher(message.getText().strip()).matches()) {
            String[] parts = message.getText().strip().split("\\s+", 2);
            return new Incoming.OwnerCommand(id, from, parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", ""),
                    parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty());
        }
        return new Incoming.FromProspect(id, from, input(message), Optional.empty());
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
        // "/start@my_bot payload": commands may name the bot they are meant for.
        String command = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        Optional<String> argument = parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty();
        return switch (command) {
            case "/start" -> new Input.Start(argument.filter(a -> !a.isEmpty()));
            case "/back" -> new Input.Back();
            case "/restart" -> new Input.Restart();
            case "/forget" -> new Input.Forget();
            default -> new Input.UnknownCommand(command);
        };
    }

    private static Prospect prospect(long chatId, User user) {
        return new Prospect(chatId, user.getId(), Optional.ofNullable(user.getUserName()), Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()), Optional.ofNullable(user.getLanguageCode()).orElse(""));
    }
}
