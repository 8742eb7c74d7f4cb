package dev.leadbot.cli;

import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.funnel.TransitionEvents;
import dev.leadbot.lead.Prospect;
import dev.leadbot.sink.OwnerSummary;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The terminal adapter: prints what the engine says, numbers the buttons, and turns typed
 * lines into engine inputs. Each step is committed to the store as the Telegram service does
 * it, so a conversation left midway continues next time and a finished lead lands in the leads
 * table (delivered to no sink: the terminal is for trying a flow out). Ends when a lead is
 * completed or the input ends. Its steps are in the funnel too, under the terminal's chat id, which
 * {@code leadbot stats} keeps apart from the prospects' (see {@code --terminal}).
 */
final class TerminalChat {

    private static final Set<String> BACK = Set.of("back", "/back", "назад");
    private static final Set<String> RESTART = Set.of("restart", "/restart", "заново");
    private static final Set<String> QUIT = Set.of("quit", "exit", "/quit");

    private final ConversationEngine engine;
    private final TransitionEvents funnel;
    private final Prospect prospect;
    private final Store store;
    private final Console console;
    private final PrintWriter out;
    private List<Input.Press> buttons = List.of();
    private boolean finished;

    TerminalChat(ConversationEngine engine, Prospect prospect, Store store, Console console) {
        this.engine = engine;
        this.funnel = new TransitionEvents(engine.flow());
        this.prospect = prospect;
        this.store = store;
        this.console = console;
        this.out = console.out();
    }

    /** Talks until a lead is completed (exit status 0) or the input ends (0). */
    int run(Optional<String> source) throws IOException, StoreException {
        Optional<Conversation> saved = store.conversation(prospect.chatId());
        Transition transition = step(saved, new Input.Start(source));
        while (true) {
            Conversation state = transition.state();
            transition.outputs().forEach(this::show);
            if (finished) {
                return 0;
            }
            out.print("> ");
            out.flush();
            String line = console.in().readLine();
            if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                out.println();
                out.println("(conversation saved unfinished; 'leadbot chat' continues it)");
                return 0;
            }
            transition = step(Optional.of(state), parse(line.strip()));
        }
    }

    /** One engine step, committed before anything of it is shown. */
    private Transition step(Optional<Conversation> saved, Input input) throws StoreException {
        Instant now = console.clock().instant();
        Transition transition = engine.handle(saved, prospect, input, now);
        Batch batch = new Batch();
        if (transition.outputs().contains(new Output.Forgotten())) {
            store.forget(prospect.chatId());
            return transition;
        }
        if (transition.outputs().stream().anyMatch(Output.Declined.class::isInstance)) {
            batch.remove(prospect.chatId());
            store.commit(engine.flow().id(), batch);
            return transition;
        }
        batch.put(prospect.chatId(), transition.state());
        batch.record(funnel.of(prospect.chatId(), saved, input, transition, now));
        transition.outputs().stream().filter(Output.Completed.class::isInstance).map(Output.Completed.class::cast)
                .forEach(completed -> batch.completed(completed.lead()));
        store.commit(engine.flow().id(), batch);
        return transition;
    }

    private Input parse(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (BACK.contains(lower)) {
            return new Input.Back();
        }
        if (RESTART.contains(lower)) {
            return new Input.Restart();
        }
        if (lower.equals("/start") || lower.startsWith("/start ")) {
            return new Input.Start(Optional.of(line.substring("/start".length()).strip()).filter(p -> !p.isEmpty()));
        }
        if (lower.equals("/forget")) {
            return new Input.Forget();
        }
        if (lower.startsWith("/contact ")) {
            return new Input.SharedContact(line.substring("/contact ".length()).strip(), true);
        }
        if (line.matches("\\d{1,2}")) {
            int number = Integer.parseInt(line);
            if (number >= 1 && number <= buttons.size()) {
                return buttons.get(number - 1);
            }
        }
        return new Input.Typed(line);
    }

    private void show(Output output) {
        if (output instanceof Output.Say say) {
            out.println("bot: " + say.text());
        } else if (output instanceof Output.Ask ask) {
            out.println("bot: " + ask.text());
            showButtons(ask.step(), ask.node(), ask.keyboard());
        } else if (output instanceof Output.Edit edit) {
            edit.text().ifPresent(text -> out.println("     " + text.substring(text.lastIndexOf('\n') + 1)));
            if (edit.keyboard() instanceof Keyboard.Buttons) {
                showButtons(edit.step(), edit.node(), edit.keyboard());
            }
        } else if (output instanceof Output.Notice notice) {
            out.println("     (" + notice.text() + ")");
        } else if (output instanceof Output.Forgotten) {
            out.println("     (this terminal chat and its leads were deleted from " + store.file() + ")");
        } else if (output instanceof Output.Declined) {
            out.println("     (consent declined: no lead, nothing kept in " + store.file() + ")");
            finished = true;
        } else if (output instanceof Output.Completed completed) {
            out.println();
            out.println("======== the owner receives ========");
            out.println(OwnerSummary.plainText(completed.lead()));
            out.println("======== lead " + completed.lead().id() + " saved in " + store.file() + " ('leadbot leads' lists it) ========");
            finished = true;
        }
    }

    private void showButtons(int step, String node, Keyboard keyboard) {
        List<Input.Press> numbered = new ArrayList<>();
        if (keyboard instanceof Keyboard.Buttons inline) {
            for (List<Keyboard.Button> row : inline.rows()) {
                for (Keyboard.Button button : row) {
                    numbered.add(new Input.Press(step, node, button.action()));
                    out.println("  " + numbered.size() + ". " + button.label());
                }
            }
        } else if (keyboard instanceof Keyboard.RequestContact contact) {
            out.println("  (type the number, or '/contact NUMBER' for Telegram's \"" + contact.label() + "\" button)");
        }
        buttons = numbered;
    }

}
