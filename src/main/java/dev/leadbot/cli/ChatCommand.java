package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leadbot chat [FLOW]}: the conversation engine in the terminal, for trying a flow out. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talks through a flow in the terminal, as a prospect would in Telegram.", "",
                "Type an option's number or its name to pick it (several numbers, such as",
                "'1, 3', at a checklist), or type your answer. 'back' undoes the last answer,",
                "'restart' starts over, 'quit' leaves, '/help' lists what the chat understands,",
                "'/contact PHONE' shares a phone like Telegram's contact button. The chat's own",
                "hints follow the flow's language (Russian or English).",
                "Every step is saved in the chat's own database (data/chat.db, never the",
                "bot's): a conversation left midway continues next time, and at the end the",
                "owner summary is printed and the lead stored ('leadbot leads --db",
                "data/chat.db' lists it). The terminal's leads go to no sink.", ""})
final class ChatCommand implements Callable<Integer> {

    private final Console console;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLOW",
            description = {"The flow file; default: the settings' flow,", "else " + FlowFiles.DEFAULT})
    private Optional<Path> file;

    @Option(names = "--db", paramLabel = "FILE",
            description = {"The terminal chat's own database, never the bot's;", "default: " + DataFiles.CHAT_DATABASE + ", or chat.db in the",
                    "folder of the bot --bot names"})
    private Optional<Path> db;

    @Mixin
    private ConfigOption config;

    @Option(names = "--name", paramLabel = "NAME", description = {"The prospect's first name (default: none; the bot", "greets without a name)"})
    private Optional<String> name;

    @Option(names = "--lang", paramLabel = "CODE", description = {"The prospect's language, e.g. en;", "default: the flow's language"})
    private Optional<String> language;

    @Option(names = "--source", paramLabel = "PAYLOAD", description = "A deep-link payload to record as the lead source")
    private Optional<String> source;

    ChatCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Settings> settings = file.isPresent() ? config.loadIfNamed(console) : config.load(console);
        if (settings.isEmpty()) {
            return 2;
        }
        Path database = db.orElseGet(() -> DataFiles.chatDatabase(settings.get()));
        return (file.isPresent() ? FlowFiles.load(file.get(), console.err()) : FlowFiles.load(settings.get(), console.err())).map(flow -> {
            try (Store store = Store.open(database, console.clock())) {
                // Each terminal conversation has its own chat id, so /forget in one never deletes another's leads.
                long chat = store.conversations().terminalChat();
                Prospect prospect = new Prospect(chat, chat, Optional.empty(), name.orElse("").strip(), Optional.empty(),
                        language.orElse(flow.defaultLanguage()));
                TerminalChat.Storage kept = new TerminalChat.Storage(store.conversations(), store, store::forget, store.database());
                return new TerminalChat(new ConversationEngine(flow), prospect, kept, console, CommandLineEcho.ofThisProcess(),
                        spec.root().commandLine().getParseResult().originalArgs(), TerminalChat.ExitHooks.ofThisProcess()).run(source);
            } catch (StoreException e) {
                console.err().println(e.inUse() ? database + " is in use by another terminal chat or a running bot; pick another"
                        + " file with --db FILE, e.g. --db data/chat-2.db" : e.getMessage());
                return 1;
            } catch (IOException e) {
                console.err().println("cannot read the terminal: " + e.getMessage());
                return 1;
            }
        }).orElse(1);
    }
}
