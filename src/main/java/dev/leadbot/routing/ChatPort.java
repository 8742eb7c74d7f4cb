package dev.leadbot.routing;

import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.DialogMessage;
import dev.leadbot.engine.Output;
import java.util.List;
import java.util.Optional;

/**
 * What the bot's logic asks of the chat platform, in leadbot's own values: what to send, edit or answer, never how. The
 * Telegram adapter implements it; a test records what was asked. Replies to a chat are only rendered here into their stored
 * form, which goes into the update's batch and leaves once the batch is committed; the rest leaves at once.
 */
public interface ChatPort {

    /** The stored form of the engine's outputs to {@code chat}, and the answer owed to the button press, if one was pressed. */
    Rendered render(long chat, List<Output> outputs, Optional<String> callbackId, Lane lane);

    /** The stored form of a message of a manager's conversation with a prospect (a text of the console's, or a copy). */
    String render(DialogMessage message);

    /** Answers a button press at once, outside the chat's queue. */
    void answer(CallbackAnswer answer);

    /** The console's answer in an owner chat: texts, lead summaries, summaries shown anew, documents; notices are not sent. */
    void show(long chat, List<ConsoleReply> replies);

    /** A plain text to {@code chat} (escaped, so anyone may have written it); {@code what} names it in the logs. */
    void say(long chat, String text, Lane lane, String what);

    /** The answer to an owner's /stats, sent straight away on the calling thread. */
    void stats(long chat, StatsAnswer answer);

    /** Who starts a message: a reply to what the chat wrote, or the bot on its own (reminders, copies, reports): the bulk lane. */
    enum Lane { REPLY, BOT }

    /** The replies to store for one update, and the answer to its button press, if one is owed. */
    record Rendered(List<String> payloads, Optional<CallbackAnswer> callbackAnswer) {
        public Rendered {
            payloads = List.copyOf(payloads);
        }
    }

    /** The answer to a button press: a small notice on the presser's screen, or none. */
    record CallbackAnswer(String callbackId, Optional<String> text) {
    }
}
