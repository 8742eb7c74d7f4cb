package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.lead.Answer;
import dev.leadbot.store.LeadMove;
import dev.leadbot.store.LeadStore;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The owner's console in an owner chat: hands each command and button press to {@link OwnerConsole}
 * on a thread of its own (reading leads never holds up a conversation) and renders what it answers
 * as messages, summaries and documents. Only ever called for an owner chat.
 */
final class ConsoleChat implements ChatRouter.Console {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleChat.class);

    private final OwnerConsole console;
    private final OwnerStats stats;
    private final FlowReloads reloads;
    private final Outbox outbox;
    private final BotApi api;
    private final ExecutorService thread;
    private final Clock clock;
    private final Function<Answer, String> asked;

    /** @param stats answers /stats on a thread of its own: drawing a chart holds up no other owner command */
    ConsoleChat(OwnerConsole console, OwnerStats stats, Outbox outbox, BotApi api, ExecutorService thread, Clock clock,
            FlowReloads reloads, Function<Answer, String> asked) {
        this.reloads = reloads;
        this.asked = asked;
        this.console = console;
        this.stats = stats;
        this.outbox = outbox;
        this.api = api;
        this.thread = thread;
        this.clock = clock;
    }

    @Override
    public void command(long chat, ConsoleCommand command) {
        if (command instanceof ConsoleCommand.Reload) {
            thread.execute(() -> reloads.reload(chat));
            return;
        }
        if (command instanceof ConsoleCommand.Stats asked) {
            stats.stats(chat, asked.period());
            return;
        }
        thread.execute(() -> send(chat, console.answer(command, clock.instant())));
    }

    /** A press that only reads (a lead opened from /leads), on the console's thread; data that does not parse changes nothing. */
    @Override
    public void press(long chat, Optional<ConsoleButton.Press> press, String callbackId) {
        if (press.isEmpty()) {
            outbox.answer("answerCallbackQuery", AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                    .text(OwnerConsole.BROKEN_BUTTON).build());
            return;
        }
        thread.execute(() -> answer(chat, callbackId, console.press(press.get())));
    }

    /** A claim or status press, committed: answered (within the ~15 s a press stays valid), and every summary of the lead shown anew. */
    @Override
    public void moved(long chat, LeadMove move, Optional<LeadStore.Move> outcome, String callbackId) {
        thread.execute(() -> answer(chat, callbackId, console.moved(move, outcome)));
    }

    private void answer(long chat, String callbackId, List<ConsoleReply> replies) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
        replies.stream().filter(ConsoleReply.Notice.class::isInstance).map(r -> ((ConsoleReply.Notice) r).text())
                .filter(text -> !text.isEmpty()).findFirst().ifPresent(answer::text);
        outbox.answer("answerCallbackQuery", answer.build());
        send(chat, replies);
    }

    private void send(long chat, List<ConsoleReply> replies) {
        for (ConsoleReply reply : replies) {
            if (reply instanceof ConsoleReply.Text text) {
                SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chat).text(Html.escape(text.text()))
                        .parseMode(Replies.HTML);
                if (!text.rows().isEmpty()) {
                    message.replyMarkup(keyboard(text.rows()));
                }
                message(chat, "console text", message.build());
            } else if (reply instanceof ConsoleReply.Refresh refresh) {
                refresh.messages().forEach(this::edit);
            } else if (reply instanceof ConsoleReply.Notice) {
                continue; // answered with the press
            } else if (reply instanceof ConsoleReply.Summary summary) {
                List<String> parts = OwnerSummaryHtml.messages(summary.lead(), asked);
                parts.forEach(part -> message(chat, "console lead " + summary.lead().id(),
                        SendMessage.builder().chatId(chat).text(part).parseMode(Replies.HTML).build()));
            } else {
                upload(chat, (ConsoleReply.Document) reply);
            }
        }
    }

    private void message(long chat, String what, SendMessage message) {
        outbox.enqueue(Outbox.Job.reply(chat, "sendMessage " + what, () -> Optional.of(message), id -> { },
                failure -> LOG.warn("chat={} {} not sent: {}", chat, what, failure)));
    }

    /** An owner chat's message of summaries, edited to show its leads as they stand now; bot-initiated, so on the bulk lane. */
    private void edit(ConsoleReply.ShownSummary shown) {
        EditMessageText.EditMessageTextBuilder<?, ?> edit = EditMessageText.builder().chatId(shown.chatId()).messageId(shown.messageId())
                .text(SummaryWithStatus.html(shown.leads(), asked)).parseMode(Replies.HTML);
        List<List<ConsoleButton>> rows = shown.leads().stream().flatMap(lead -> lead.rows().stream()).toList();
        if (!rows.isEmpty()) {
            edit.replyMarkup(keyboard(rows));
        }
        String what = "editMessageText summary of " + shown.leads().stream().map(l -> l.lead().id()).toList();
        outbox.enqueue(Outbox.Job.fromBot(shown.chatId(), what, edit.build(), id -> { },
                failure -> LOG.warn("chat={} {} not edited: {}", shown.chatId(), what, failure)));
    }

    static InlineKeyboardMarkup keyboard(List<List<ConsoleButton>> rows) {
        return InlineKeyboardMarkup.builder().keyboard(rows.stream().map(row -> new InlineKeyboardRow(row.stream()
                .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build()).toList())).toList()).build();
    }

    /** A document goes straight to the Bot API (a multipart upload). */
    private void upload(long chat, ConsoleReply.Document document) {
        DirectCalls.make(chat, "document " + document.fileName() + " (" + document.content().length + " bytes)",
                () -> api.send(SendDocument.builder().chatId(chat).caption(Html.escape(document.caption())).parseMode(Replies.HTML)
                        .document(new InputFile(new ByteArrayInputStream(document.content()), document.fileName())).build()));
    }
}
