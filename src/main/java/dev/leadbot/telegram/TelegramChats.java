package dev.leadbot.telegram;

import dev.leadbot.chart.FunnelChart;
import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.DialogMessage;
import dev.leadbot.engine.Output;
import dev.leadbot.lead.Answer;
import dev.leadbot.routing.ChatPort;
import dev.leadbot.routing.StatsAnswer;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The chat port in Telegram: what the bot's logic decides to send becomes Bot API calls in HTML, stored for the batch
 * (replies), queued in the outbox (answers, console messages, reports) or made at once (uploads and /stats, which may wait).
 */
final class TelegramChats implements ChatPort {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramChats.class);
    private static final String STATS_USAGE = "Статистика: /stats — за 7 дней, /stats 30d — за 30 дней, /stats 24h — за сутки.";

    private final Outbox outbox;
    private final BotApi api;
    private final Function<Answer, String> asked;
    private final ReplyLog shown;

    /**
     * @param asked the words of the question that asked an answer, as the running flow has them: a summary's titles
     * @param shown which message shows which step of a chat
     */
    TelegramChats(Outbox outbox, BotApi api, Function<Answer, String> asked, ReplyLog shown) {
        this.outbox = outbox;
        this.api = api;
        this.asked = asked;
        this.shown = shown;
    }

    @Override
    public Rendered render(long chat, List<Output> outputs, Optional<String> callbackId, Lane lane) {
        // /forget deletes the records of the chat's messages with its data: the confirmation's buttons are taken off the message
        // found now, before they go, so "Да, удалить" cannot be pressed again.
        return outputs.contains(new Output.Forgotten()) ? Replies.render(chat, outputs, callbackId, origin(lane), step -> shown.find(chat, step))
                : Replies.render(chat, outputs, callbackId, origin(lane));
    }

    @Override
    public String render(DialogMessage message) {
        return stored(message);
    }

    static String stored(DialogMessage message) {
        Outbox.Origin origin = message.lane() == DialogMessage.Lane.REPLY ? Outbox.Origin.REPLY : Outbox.Origin.BOT;
        if (message instanceof DialogMessage.Copy copy) {
            return new StoredCall(CopyMessage.builder().chatId(copy.chatId()).fromChatId(copy.fromChatId()).messageId(copy.messageId())
                    .build(), 0, origin).encode();
        }
        DialogMessage.Text text = (DialogMessage.Text) message;
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(text.chatId()).text(Html.escape(text.text()))
                .parseMode(Replies.HTML);
        if (!text.rows().isEmpty()) {
            send.replyMarkup(keyboard(text.rows()));
        }
        return new StoredCall(send.build(), 0, origin).encode();
    }

    @Override
    public void answer(CallbackAnswer answer) {
        outbox.answer("answerCallbackQuery", call(answer));
    }

    static AnswerCallbackQuery call(CallbackAnswer answer) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> call = AnswerCallbackQuery.builder().callbackQueryId(answer.callbackId());
        answer.text().ifPresent(call::text);
        return call.build();
    }

    @Override
    public void show(long chat, List<ConsoleReply> replies) {
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

    @Override
    public void say(long chat, String text, Lane lane, String what) {
        SendMessage message = SendMessage.builder().chatId(chat).text(Html.escape(text)).parseMode(Replies.HTML).build();
        outbox.enqueue(new Outbox.Job(chat, "sendMessage " + what, origin(lane), Outbox.Superseding.NONE, () -> Optional.of(message),
                id -> { }, failure -> LOG.warn("chat={} {} not sent: {}", chat, what, failure)));
    }

    @Override
    public void stats(long chat, StatsAnswer answer) {
        if (answer instanceof StatsAnswer.Usage) {
            direct(chat, "/stats answer (usage)", () -> api.call(text(chat, STATS_USAGE)));
        } else if (answer instanceof StatsAnswer.Unreadable) {
            direct(chat, "/stats answer (error)", () -> api.call(text(chat, "Не удалось прочитать статистику; подробности в журнале бота.")));
        } else {
            StatsAnswer.Funnel funnel = (StatsAnswer.Funnel) answer;
            String caption = StatsCaption.html(funnel.report(), funnel.period(), funnel.flow());
            if (funnel.report().questions().isEmpty()) {
                direct(chat, "/stats answer (text)", () -> api.call(text(chat, caption)));
                return;
            }
            byte[] png = FunnelChart.png(funnel.report(), StatsCaption.chartWords(funnel.report(), funnel.period()));
            direct(chat, "/stats answer (photo)", () -> api.send(SendPhoto.builder().chatId(chat).caption(caption).parseMode(Replies.HTML)
                    .photo(new InputFile(new ByteArrayInputStream(png), "funnel.png")).build()));
        }
    }

    private static Outbox.Origin origin(Lane lane) {
        return lane == Lane.REPLY ? Outbox.Origin.REPLY : Outbox.Origin.BOT;
    }

    private static SendMessage text(long chatId, String html) {
        return SendMessage.builder().chatId(chatId).text(html).parseMode(Replies.HTML).build();
    }

    private static void direct(long chatId, String what, Supplier<CallResult> call) {
        DirectCalls.make(chatId, what, call);
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
