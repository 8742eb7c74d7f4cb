package dev.leadbot.cli;

import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.lead.Prospect;
import dev.leadbot.sink.JsonlFileSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadbot chat [FLOW]}: the conversation engine in the terminal, for trying a flow out. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talks through a flow in the terminal, as a prospect would in Telegram.", "",
                "Type an option's number to pick or tick it, or type your answer.",
                "'back' undoes the last answer, 'restart' starts over, 'quit' leaves,",
                "'/contact PHONE' shares a phone like Telegram's contact button.",
                "At the end it prints the owner summary and appends the lead to the leads file.", ""})
final class ChatCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLOW", defaultValue = FlowFiles.DEFAULT,
            description = "The flow file (default: ${DEFAULT-VALUE})")
    private Path file;

    @Option(names = "--leads", paramLabel = "FILE", defaultValue = DataFiles.LEADS,
            description = "Where finished leads are appended, one JSON line each (default: ${DEFAULT-VALUE})")
    private Path leads;

    @Option(names = "--name", paramLabel = "NAME", description = "The prospect's first name (default: your user name)")
    private Optional<String> name;

    @Option(names = "--lang", paramLabel = "CODE", description = "The prospect's language, e.g. en (default: the flow's language)")
    private Optional<String> language;

    @Option(names = "--source", paramLabel = "PAYLOAD", description = "A deep-link payload to record as the lead source")
    private Optional<String> source;

    ChatCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        return FlowFiles.load(file, console.err()).map(flow -> {
            Prospect prospect = new Prospect(0, 0, Optional.empty(), name.orElseGet(ChatCommand::userName), Optional.empty(),
                    language.orElse(flow.defaultLanguage()));
            try {
                return new TerminalChat(new ConversationEngine(flow), prospect, new JsonlFileSink(leads), console).run(source);
            } catch (IOException e) {
                console.err().println("cannot read the terminal: " + e.getMessage());
                return 1;
            }
        }).orElse(1);
    }

    private static String userName() {
        String user = System.getProperty("user.name", "").strip();
        return user.isEmpty() ? "Guest" : user.substring(0, 1).toUpperCase(Locale.ROOT) + user.substring(1);
    }
}
