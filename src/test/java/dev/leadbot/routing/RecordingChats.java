package dev.leadbot.routing;

import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.DialogMessage;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The chat port as a test sees it, with no HTTP and no Telegram: what the routing asked to send, answer or show, recorded in
 * order. A reply's stored form is one readable line per message ({@code "ask 2: В какой сфере… [B2B-компания] [B2C]"}),
 * {@code "(bot) "} in front when the bot starts it itself.
 */
final class RecordingChats implements ChatPort {

    /** A text sent at once, outside any batch, and what named it in the logs. */
    record Said(long chat, String what, String text, Lane lane) {
    }

    /** What the console answered in an owner chat. */
    record Shown(long chat, ConsoleReply reply) {
    }

    /** An owner's /stats and its answer. */
    record Stats(long chat, StatsAnswer answer) {
    }

    private final Map<Long, Output.Ask> asked = new ConcurrentHashMap<>();
    private final List<CallbackAnswer> answers = new ArrayList<>();
    private final List<Said> said = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();
    private final List<Stats> stats = new ArrayList<>();

    @Override
    public Rendered render(long chat, List<Output> outputs, Optional<String> callbackId, Lane lane) {
        Optional<String> unanswered = callbackId;
        Optional<CallbackAnswer> answer = Optional.empty();
        List<String> payloads = new ArrayList<>();
        String from = lane == Lane.BOT ? "(bot) " : "";
        for (Output output : outputs) {
            if (output instanceof Output.Notice notice && unanswered.isPresent()) {
                answer = Optional.of(new CallbackAnswer(unanswered.get(), Optional.of(notice.text())));
                unanswered = Optional.empty();
            } else if (output instanceof Output.Notice notice) {
                payloads.add(from + "notice: " + notice.text());
            } else if (output instanceof Output.Reminder reminder) {
                payloads.add(from + "reminder: " + reminder.text());
            } else if (output instanceof Output.Say say) {
                payloads.add(from + "say: " + say.text() + labels(say.keyboard()));
            } else if (output instanceof Output.Ask ask) {
                asked.put(chat, ask);
                payloads.add(from + "ask " + ask.step() + ": " + ask.text() + labels(ask.keyboard()));
            } else if (output instanceof Output.Edit edit) {
                payloads.add(from + "buttons of " + edit.step() + ":" + labels(edit.keyboard()));
            } else if (output instanceof Output.Answered answered) {
                payloads.add(from + "answered " + answered.step() + ": " + answered.text());
            }
        }
        if (unanswered.isPresent()) {
            answer = Optional.of(new CallbackAnswer(unanswered.get(), Optional.empty()));
        }
        return new Rendered(payloads, answer);
    }

    private static String labels(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Buttons buttons) {
            return buttons.rows().stream().flatMap(List::stream).map(b -> " [" + b.label() + "]").collect(Collectors.joining());
        }
        return keyboard instanceof Keyboard.RequestContact contact ? " [" + contact.label() + "]" : "";
    }

    @Override
    public String render(DialogMessage message) {
        String from = message.lane() == DialogMessage.Lane.BOT ? "(bot) " : "";
        if (message instanceof DialogMessage.Copy copy) {
            return from + "copy of " + copy.fromChatId() + "/" + copy.messageId();
        }
        DialogMessage.Text text = (DialogMessage.Text) message;
        return from + "text: " + text.text() + text.rows().stream().flatMap(List::stream).map(b -> " [" + b.label() + "]")
                .collect(Collectors.joining());
    }

    @Override
    public synchronized void answer(CallbackAnswer answer) {
        answers.add(answer);
    }

    @Override
    public synchronized void show(long chat, List<ConsoleReply> replies) {
        replies.forEach(reply -> shown.add(new Shown(chat, reply)));
    }

    @Override
    public synchronized void say(long chat, String text, Lane lane, String what) {
        said.add(new Said(chat, what, text, lane));
    }

    @Override
    public synchronized void stats(long chat, StatsAnswer answer) {
        stats.add(new Stats(chat, answer));
    }

    /** The question the chat was last asked: its buttons are what a prospect can press. */
    Output.Ask lastAsked(long chat) {
        return Optional.ofNullable(asked.get(chat)).orElseThrow(() -> new AssertionError("chat " + chat + " was asked nothing"));
    }

    synchronized List<CallbackAnswer> answers() {
        return List.copyOf(answers);
    }

    synchronized List<Said> said() {
        return List.copyOf(said);
    }

    synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    synchronized List<Stats> stats() {
        return List.copyOf(stats);
    }
}
