package dev.leadbot.telegram;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.routing.ChatPort;
import dev.leadbot.store.Outgoing;
import dev.leadbot.store.ReplyStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Turns the engine's outputs for one chat into Bot API calls. Replies are rendered into the
 * batch first and sent from the store once it is committed, so a crash between the two only
 * delays them. Every text is sent with HTML parse mode and escaped first, whoever wrote it.
 */
final class Replies {

    static final String HTML = "HTML";
    /** Option labels up to this long sit two to a row; longer ones get a row each. */
    private static final int SHORT_LABEL = 18;
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final Outbox outbox;
    private final ReplyLog log;

    Replies(Outbox outbox, ReplyLog log) {
        this.outbox = outbox;
        this.log = log;
    }

    /**
     * The replies to store for {@code outputs}; a button press always gets its callback answered, with the first notice if there
     * is one.
     *
     * @param origin who starts these messages: a reply to the chat, or the bot on its own (a follow-up: the bulk lane)
     */
    static ChatPort.Rendered render(long chat, List<Output> outputs, Optional<String> callbackId, Outbox.Origin origin) {
        return render(chat, outputs, callbackId, origin, step -> Optional.empty());
    }

    /**
     * The same, each edit aimed now at the message {@code shown} says shows its step, where it says one: after /forget the
     * records of which message showed which step are gone by the time the edit is sent.
     */
    static ChatPort.Rendered render(long chat, List<Output> outputs, Optional<String> callbackId, Outbox.Origin origin,
            IntFunction<Optional<Integer>> shown) {
        Optional<String> unanswered = callbackId;
        Optional<ChatPort.CallbackAnswer> answer = Optional.empty();
        List<String> payloads = new ArrayList<>();
        for (Output output : outputs) {
            if (output instanceof Output.Notice notice && unanswered.isPresent() && notice.keyboard() instanceof Keyboard.None) {
                answer = Optional.of(new ChatPort.CallbackAnswer(unanswered.get(), Optional.of(notice.text())));
                unanswered = Optional.empty();
            } else if (output instanceof Output.Notice notice) {
                payloads.add(from(origin, message(chat, notice.text(), notice.keyboard(), 0, "")));
            } else if (output instanceof Output.Reminder reminder) {
                payloads.add(from(origin, message(chat, reminder.text(), new Keyboard.None(), 0, "")));
            } else if (output instanceof Output.Say say) {
                payloads.add(from(origin, message(chat, say.text(), say.keyboard(), 0, "")));
            } else if (output instanceof Output.Ask ask) {
                payloads.add(from(origin, message(chat, ask.text(), ask.keyboard(), ask.step(), ask.node())));
            } else if (output instanceof Output.Edit edit) {
                payloads.add(from(origin, buttons(chat, edit, shown.apply(edit.step()))));
            } else if (output instanceof Output.Answered answered) {
                payloads.add(from(origin, answered(chat, answered)));
            }
        }
        if (unanswered.isPresent()) {
            answer = Optional.of(new ChatPort.CallbackAnswer(unanswered.get(), Optional.empty()));
        }
        return new ChatPort.Rendered(payloads, answer);
    }

    private static String from(Outbox.Origin origin, StoredCall call) {
        return new StoredCall(call.method(), call.step(), origin).encode();
    }

    /** Queues committed replies, each chat's in order; each leaves the store once sent or given up on. */
    void send(List<Outgoing> replies) {
        for (Outgoing reply : replies) {
            StoredCall call;
            try {
                call = StoredCall.decode(reply.payload());
            } catch (IllegalArgumentException e) {
                LOG.error("chat={} reply={} cannot be sent and is dropped: {}", reply.chatId(), reply.id(), e.getMessage());
                log.sent(reply, Optional.empty());
                continue;
            }
            outbox.enqueue(new Outbox.Job(reply.chatId(), call.what(), call.origin(), call.superseding(), () -> resolve(reply.chatId(), call),
                    id -> log.sent(reply, id.filter(sent -> call.step() > 0 && !call.isEdit())
                            .map(sent -> new ReplyStore.QuestionMessage(call.step(), sent))),
                    failure -> log.sent(reply, Optional.empty())));
        }
    }

    /** A new message as it is; an edit once the message showing its step is known (none: nothing to edit). */
    private Optional<BotApiMethod<? extends Serializable>> resolve(long chat, StoredCall call) {
        if (!call.isEdit() || call.method() instanceof EditMessageReplyMarkup aimed && aimed.getMessageId() != null) {
            return Optional.of(call.method());
        }
        return log.find(chat, call.step()).map(messageId -> {
            if (call.method() instanceof EditMessageText text) {
                text.setMessageId(messageId);
            } else {
                ((EditMessageReplyMarkup) call.method()).setMessageId(messageId);
            }
            return call.method();
        });
    }

    /** A new message; {@code step} and {@code node} go into its buttons' data. */
    private static StoredCall message(long chat, String text, Keyboard keyboard, int step, String node) {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chat).text(Html.escape(text)).parseMode(HTML);
        markup(keyboard, step, node).ifPresent(send::replyMarkup);
        return new StoredCall(send.build(), step);
    }

    /** New buttons under a question, or none; on the message given, else on the one showing the step when it is sent. */
    private static StoredCall buttons(long chat, Output.Edit edit, Optional<Integer> message) {
        EditMessageReplyMarkup.EditMessageReplyMarkupBuilder buttons = EditMessageReplyMarkup.builder().chatId(chat);
        message.ifPresent(buttons::messageId);
        inline(edit.keyboard(), edit.step(), edit.node()).ifPresent(buttons::replyMarkup);
        return new StoredCall(buttons.build(), edit.step());
    }

    /** The question with its answer under it; leaving out the markup takes the buttons off. */
    private static StoredCall answered(long chat, Output.Answered answered) {
        return new StoredCall(EditMessageText.builder().chatId(chat).text(Html.escape(answered.text())).parseMode(HTML).build(),
                answered.step());
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
