package dev.leadbot.cli;

import dev.leadbot.engine.Action;
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
import dev.leadbot.store.BatchLog;
import dev.leadbot.store.ConversationStore;
import dev.leadbot.store.Database;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The terminal adapter: prints what the engine says, numbers the options as the engine reads
 * typed numbers, and turns typed lines into engine inputs. Navigation is words (back, restart,
 * quit, in English or Russian), never a number, so a number is always an answer. Each step is
 * committed to the store as the Telegram service does it, so a conversation left midway
 * continues next time and a finished lead lands in the leads table (delivered to no sink: the
 * terminal is for trying a flow out). Ends when a lead is completed or the input ends. Its steps
 * are in the funnel too, under the terminal's chat id, which {@code leadbot stats} keeps apart
 * from the prospects' (see {@code --terminal}).
 */
final class TerminalChat {

    private static final Set<String> BACK = Set.of("back", "/back", "назад");
    private static final Set<String> RESTART = Set.of("restart", "/restart", "заново");
    private static final Set<String> QUIT = Set.of("quit", "exit", "/quit", "выход", "выйти");
    private static final String BOT = "bot: ";
    private static final String ASIDE = "     ";

    /**
     * What the chat keeps in its database: the conversation read back on start, the batch of each line committed, the
     * prospect's /forget, and the database named when the chat says where things are.
     */
    record Storage(ConversationStore conversations, BatchLog batches, Forget forget, Database database) {
    }

    /** Deletes everything stored about a chat, in one transaction. */
    @FunctionalInterface
    interface Forget {
        void chat(long chatId) throws StoreException;
    }

    private final ConversationEngine engine;
    private final TransitionEvents funnel;
    private final Prospect prospect;
    private final Storage store;
    private final Console console;
    private final PrintWriter out;
    private final CommandLineEcho echo;
    private final List<String> arguments;
    private final ExitHooks exitHooks;
    /** The buttons of the newest question, shown again when a line is not an answer to it. */
    private Keyboard question = Keyboard.none();
    private boolean finished;
    /** Whether the store keeps a conversation to come back to; read by the exit hook on Ctrl+C. */
    private volatile boolean kept = true;
    /** Set once the chat has said goodbye (or printed its lead), so leaving is said once, by the input's end or by Ctrl+C. */
    private final AtomicBoolean over = new AtomicBoolean();

    /** Runs an action when the program is ended from outside (Ctrl+C), as a shutdown hook does; returns what removes it. */
    interface ExitHooks {
        Runnable add(Runnable onExit);

        /** The JVM's shutdown hooks: they run on Ctrl+C (SIGINT) and SIGTERM whether or not stdin is a terminal. */
        static ExitHooks ofThisProcess() {
            return onExit -> {
                Thread hook = new Thread(onExit, "terminal-chat-exit");
                Runtime.getRuntime().addShutdownHook(hook);
                return () -> Runtime.getRuntime().removeShutdownHook(hook);
            };
        }
    }

    /** @param arguments the command line that started this chat, to say how to continue it */
    TerminalChat(ConversationEngine engine, Prospect prospect, Storage store, Console console, CommandLineEcho echo, List<String> arguments,
            ExitHooks exitHooks) {
        this.engine = engine;
        this.funnel = new TransitionEvents(engine.flow());
        this.prospect = prospect;
        this.store = store;
        this.console = console;
        this.out = console.out();
        this.echo = echo;
        this.arguments = List.copyOf(arguments);
        this.exitHooks = exitHooks;
    }

    /** Talks until a lead is completed (exit status 0), the input ends (0) or the program is interrupted (Ctrl+C). */
    int run(Optional<String> source) throws IOException, StoreException {
        Runnable removeHook = exitHooks.add(this::leave);
        try {
            return talk(source);
        } finally {
            removeHook.run();
        }
    }

    private int talk(Optional<String> source) throws IOException, StoreException {
        out.println(say(TerminalText.INTRO, Map.of()));
        Optional<Conversation> saved = store.conversations().conversation(prospect.chatId());
        Transition transition = step(saved, new Input.Start(source));
        while (true) {
            // After /forget the chat has no conversation, as in Telegram: the next line begins anew.
            Optional<Conversation> state = transition.outputs().contains(new Output.Forgotten()) ? Optional.empty()
                    : Optional.of(transition.state());
            kept = state.isPresent();
            transition.outputs().forEach(this::show);
            if (finished) {
                over.set(true);
                return 0;
            }
            Optional<Input> input = Optional.empty();
            while (input.isEmpty()) {
                out.print("> ");
                out.flush();
                String line = console.in().readLine();
                if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                    leave();
                    return 0;
                }
                input = parse(line.strip());
            }
            transition = step(state, input.get());
        }
    }

    /** Says how to come back, once: at the input's end, at "quit", or from the exit hook on Ctrl+C. */
    private void leave() {
        if (over.compareAndSet(false, true)) {
            out.println();
            // Right after /forget nothing is stored: leaving must not promise a conversation to come back to.
            TerminalText leaving = kept ? TerminalText.SAVED_UNFINISHED : TerminalText.NOTHING_KEPT;
            out.println(say(leaving, Map.of("db", store.database().toString(), "command", echo.of(arguments))));
            out.flush();
        }
    }

    /** One engine step, committed before anything of it is shown. */
    private Transition step(Optional<Conversation> saved, Input input) throws StoreException {
        Instant now = console.clock().instant();
        Transition transition = engine.handle(saved, prospect, input, now);
        Batch batch = new Batch();
        if (transition.outputs().contains(new Output.Forgotten())) {
            store.forget().chat(prospect.chatId());
            return transition;
        }
        if (transition.outputs().stream().anyMatch(Output.Declined.class::isInstance)) {
            batch.remove(prospect.chatId());
            store.batches().commit(engine.flow().id(), batch);
            return transition;
        }
        batch.put(prospect.chatId(), transition.state());
        batch.record(funnel.of(prospect.chatId(), saved, input, transition, now));
        transition.outputs().stream().filter(Output.Completed.class::isInstance).map(Output.Completed.class::cast)
                .forEach(completed -> batch.completed(completed.lead()));
        store.batches().commit(engine.flow().id(), batch);
        return transition;
    }

    /** The engine input a line stands for; empty when the terminal answers it itself (/help, an unknown command). */
    private Optional<Input> parse(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (BACK.contains(lower)) {
            return Optional.of(new Input.Back());
        }
        if (RESTART.contains(lower)) {
            return Optional.of(new Input.Restart());
        }
        if (lower.equals("/start") || lower.startsWith("/start ")) {
            return Optional.of(new Input.Start(Optional.of(line.substring("/start".length()).strip()).filter(p -> !p.isEmpty())));
        }
        if (lower.equals("/forget")) {
            return Optional.of(new Input.Forget());
        }
        if (lower.startsWith("/contact ")) {
            return Optional.of(new Input.SharedContact(line.substring("/contact ".length()).strip(), true));
        }
        if (lower.startsWith("/")) {
            out.println(say(TerminalText.HELP, Map.of()));
            showOptions(question);
            return Optional.empty();
        }
        return Optional.of(new Input.Typed(line));
    }

    private void show(Output output) {
        if (output instanceof Output.Say say) {
            out.println(BOT + say.text());
        } else if (output instanceof Output.Ask ask) {
            out.println(BOT + ask.text());
            question = ask.keyboard();
            showOptions(ask.keyboard());
            if (ask.repeated()) {
                showHint(ask.keyboard());
            }
        } else if (output instanceof Output.Edit edit) {
            if (edit.keyboard() instanceof Keyboard.Buttons) {
                question = edit.keyboard();
                showOptions(edit.keyboard());
            }
        } else if (output instanceof Output.Answered answered) {
            out.println(ASIDE + Output.Answered.MARK + answered.answer());
            answered.after().ifPresent(after -> out.println(BOT + after));
        } else if (output instanceof Output.Reminder) {
            showOptions(question);
            showHint(question);
        } else if (output instanceof Output.Notice notice) {
            out.println(ASIDE + "(" + notice.text() + ")");
        } else if (output instanceof Output.Forgotten) {
            out.println(ASIDE + say(TerminalText.FORGOTTEN, Map.of("db", store.database().toString())));
        } else if (output instanceof Output.Declined) {
            out.println(ASIDE + say(TerminalText.DECLINED, Map.of("db", store.database().toString())));
            finished = true;
        } else if (output instanceof Output.Completed completed) {
            out.println();
            out.println(say(TerminalText.OWNER_RECEIVES, Map.of()));
            out.println(OwnerSummary.plainText(completed.lead(), answer -> engine.flow().title(answer.node(), engine.flow().defaultLanguage())
                    .orElse(answer.variable())));
            out.println(say(TerminalText.LEAD_SAVED, Map.of("id", completed.lead().id(), "db", store.database().toString(),
                    "command", echo.of(List.of("leads", "--db", store.database().toString())))));
            finished = true;
        }
    }

    /** The options by the numbers the engine reads, then the way back by its word. */
    private void showOptions(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Buttons buttons) {
            List<Keyboard.Button> numbered = buttons.numbered();
            for (int i = 0; i < numbered.size(); i++) {
                out.println("  " + (i + 1) + ". " + numbered.get(i).label());
            }
            buttons.rows().stream().flatMap(List::stream).filter(b -> b.action() instanceof Action.GoBack)
                    .forEach(back -> out.println(say(TerminalText.BACK_LINE, Map.of("label", back.label()))));
        } else if (keyboard instanceof Keyboard.RequestContact contact) {
            out.println("  " + say(TerminalText.CONTACT, Map.of("label", contact.label())));
        }
    }

    /** What to type at this question: a number of an option, or several numbers at a checklist. */
    private void showHint(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Buttons buttons) {
            List<Keyboard.Button> numbered = buttons.numbered();
            int done = numbered.stream().map(Keyboard.Button::action).toList().indexOf(new Action.Done()) + 1;
            out.println(done > 0 ? say(TerminalText.TICK, Map.of("n", String.valueOf(done)))
                    : say(TerminalText.CHOOSE, Map.of("n", String.valueOf(numbered.size()))));
        }
    }

    private String say(TerminalText text, Map<String, String> params) {
        return text.in(engine.flow(), prospect.languageCode(), params);
    }
}
