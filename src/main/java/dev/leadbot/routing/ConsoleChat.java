package dev.leadbot.routing;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.store.LeadMove;
import dev.leadbot.store.LeadStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The owner's console in an owner chat: hands each command and button press to {@link OwnerConsole}
 * on a thread of its own (reading leads never holds up a conversation) and has the chat port show
 * what it answers as messages, summaries and documents. Only ever called for an owner chat.
 */
public final class ConsoleChat implements ChatRouter.Console {

    private final OwnerConsole console;
    private final OwnerStats stats;
    private final FlowReloads reloads;
    private final ChatPort chats;
    private final ExecutorService thread;
    private final Clock clock;

    /** @param stats answers /stats on a thread of its own: drawing a chart holds up no other owner command */
    public ConsoleChat(OwnerConsole console, OwnerStats stats, ChatPort chats, ExecutorService thread, Clock clock, FlowReloads reloads) {
        this.reloads = reloads;
        this.console = console;
        this.stats = stats;
        this.chats = chats;
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
        thread.execute(() -> chats.show(chat, console.answer(command, clock.instant())));
    }

    /** A press that only reads (a lead opened from /leads), on the console's thread; data that does not parse changes nothing. */
    @Override
    public void press(long chat, Optional<ConsoleButton.Press> press, String callbackId) {
        if (press.isEmpty()) {
            chats.answer(new ChatPort.CallbackAnswer(callbackId, Optional.of(OwnerConsole.BROKEN_BUTTON)));
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
        Optional<String> notice = replies.stream().filter(ConsoleReply.Notice.class::isInstance).map(r -> ((ConsoleReply.Notice) r).text())
                .filter(text -> !text.isEmpty()).findFirst();
        chats.answer(new ChatPort.CallbackAnswer(callbackId, notice));
        chats.show(chat, replies);
    }
}
