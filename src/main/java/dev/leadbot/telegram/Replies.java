package dev.leadbot.telegram;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * Turns the engine's outputs for one chat into Bot API calls on the outbox. Every text is sent
 * with HTML parse mode and escaped first, whether a prospect or a flow wrote it.
 */
final class Replies {

    static final String HTML = "HTML";
    /** Option labels up to this long sit two to a row; longer ones get a row each. */
    private static final int SHORT_LABEL = 18;

    private final Outbox outbox;
    private final StepMessages steps;

    Replies(Outbox outbox, StepMessages steps) {
        this.outbox = outbox;
        this.steps = steps;
    }

    /** Sends {@code outputs}; a button press always gets its callback answered, with the first notice if there is one. */
    void send(long chat, List<Output> outputs, Optional<String> callbackId) {
        Optional<String> unanswered = callbackId;
        for (Output output : outputs) {
            if (output instanceof Output.Notice notice && unanswered.isPresent()) {
                outbox.now("answerCallbackQuery", AnswerCallbackQuery.builder().callbackQueryId(unanswered.get()).text(notice.text()).build());
                unanswered = Optional.empty();
            } else if (output instanceof Output.Notice notice) {
                message(chat, "sendMessage notice", notice.text(), new Keyboard.None(), 0, "", id -> { });
            } else if (output instanceof Output.Say say) {
                message(chat, "sendMessage", say.text(), say.keyboard(), 0, "", id -> { });
            } else if (output instanceof Output.Ask ask) {
                message(chat, "sendMessage step " + ask.step(), ask.text(), ask.keyboard(), ask.step(), ask.node(),
                        id -> steps.remember(chat, ask.step(), id));
            } else if (output instanceof Output.Edit edit) {
                edit(chat, edit);
            }
        }
        unanswered.ifPresent(id -> outbox.now("answerCallbackQuery", AnswerCallbackQuery.builder().callbackQueryId(id).build()));
    }

    /** A new message; {@code step} and {@code node} go into its buttons' data. */
    private void message(long chat, String what, String text, Keyboard keyboard, int step, String node, IntConsumer onSent) {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chat).text(Html.escape(text)).parseMode(HTML);
        markup(keyboard, step, node).ifPresent(send::replyMarkup);
        BotApiMethod<? extends Serializable> method = send.build();
        outbox.enqueue(new Outbox.Job(chat, what, true, () -> Optional.of(method), id -> id.ifPresent(onSent::accept)));
    }

    private void edit(long chat, Output.Edit edit) {
        Optional<InlineKeyboardMarkup> markup = inline(edit.keyboard(), edit.step(), edit.node());
        outbox.enqueue(new Outbox.Job(chat, "edit step " + edit.step(), true, () -> steps.find(chat, edit.step()).map(messageId -> {
            if (edit.text().isPresent()) {
                EditMessageText.EditMessageTextBuilder<?, ?> text = EditMessageText.builder().chatId(chat).messageId(messageId)
                        .text(Html.escape(edit.text().get())).parseMode(HTML);
                markup.ifPresent(text::replyMarkup);
                return text.build();
            }
            EditMessageReplyMarkup.EditMessageReplyMarkupBuilder buttons = EditMessageReplyMarkup.builder().chatId(chat).messageId(messageId);
            markup.ifPresent(buttons::replyMarkup);
            return buttons.build();
        }), id -> { }));
    }

    private static Optional<ReplyKeyboard> markup(Keyboard keyboard, int step, String node) {
        if (keyboard instanceof Keyboard.RequestContact contact) {
            KeyboardButton share = KeyboardButton.builder().text(contact.label()).requestContact(true).build();
            return Optional.of(ReplyKeyboardMarkup.builder().keyboard(List.of(new KeyboardRow(List.of(share))))
                    .resizeKeyboard(true).oneTimeKeyboard(true).build());
        }
        if (keyboard instanceof Keyboard.RemoveRequest) {
            return Optional.of(ReplyKeyboardRemove.builder().removeKeyboard(true).build());
        }
        return inline(keyboard, step, node).map(ReplyKeyboard.class::cast);
    }

    /** Inline buttons; options with short labels share rows two by two, the rest keep a row each. */
    static Optional<InlineKeyboardMarkup> inline(Keyboard keyboard, int step, String node) {
        if (!(keyboard instanceof Keyboard.Buttons buttons)) {
            return Optional.empty();
        }
        boolean pairs = buttons.rows().stream().filter(row -> row.size() == 1 && isOption(row.get(0)))
                .allMatch(row -> row.get(0).label().codePointCount(0, row.get(0).label().length()) <= SHORT_LABEL);
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow open = null;
        for (List<Keyboard.Button> row : buttons.rows()) {
            InlineKeyboardRow converted = new InlineKeyboardRow();
            row.forEach(b -> converted.add(InlineKeyboardButton.builder().text(b.label())
                    .callbackData(ButtonData.encode(step, node, b.action())).build()));
            if (pairs && row.size() == 1 && isOption(row.get(0))) {
                if (open != null && open.size() == 1) {
                    open.addAll(converted);
                    open = null;
                    continue;
                }
                open = converted;
            } else {
                open = null;
            }
            rows.add(converted);
        }
        return Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }

    private static boolean isOption(Keyboard.Button button) {
        return button.action() instanceof Action.Pick || button.action() instanceof Action.Toggle;
    }
}
