package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Store;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalChatTest {

    @TempDir
    Path dir;

    /** Ctrl+C while the chat waits for a line: the exit hook says how to continue, and says it once. */
    @Test
    void ctrlCWhileWaitingForALineSaysTheConversationIsSavedAndHowToContinue() throws Exception {
        List<Runnable> hooks = new ArrayList<>();
        List<Runnable> removed = new ArrayList<>();
        StringWriter printed = new StringWriter();
        // The second read is where Ctrl+C comes: the hook runs, then the dying input ends.
        BufferedReader keyboard = new BufferedReader(new StringReader("1\n")) {
            private int reads;

            @Override
            public String readLine() throws java.io.IOException {
                if (++reads == 2) {
                    hooks.forEach(Runnable::run);
                    return null;
                }
                return super.readLine();
            }
        };
        Path db = dir.resolve("chat.db");
        Console console = new Console(keyboard, new PrintWriter(printed, true), new PrintWriter(new StringWriter()), Run.CLOCK, Map.of());

        try (Store store = Store.open(db, Run.CLOCK)) {
            long chat = store.conversations().terminalChat();
            Prospect prospect = new Prospect(chat, chat, Optional.empty(), "", Optional.empty(), "ru");
            TerminalChat.ExitHooks exitHooks = onExit -> {
                hooks.add(onExit);
                return () -> removed.add(onExit);
            };
            TerminalChat.Storage kept = new TerminalChat.Storage(store.conversations(), store, store::forget, store.database());
            new TerminalChat(new ConversationEngine(FlowLoader.load(Path.of(FlowFiles.DEFAULT))), prospect, kept, console,
                    CommandLineEcho.ofThisProcess(), List.of("chat", "--db", db.toString()), exitHooks).run(Optional.empty());
        }

        String saved = "(разговор сохранён в " + db + "; чтобы продолжить с этого места, запустите снова: java -jar target/leadbot.jar chat --db "
                + db + ")\n";
        assertTrue(printed.toString().endsWith("> \n" + saved), printed.toString());
        assertEquals(1, printed.toString().split(java.util.regex.Pattern.quote(saved), -1).length - 1, printed.toString());
        assertEquals(hooks, removed, "the hook is removed once the chat is over");
    }
}
