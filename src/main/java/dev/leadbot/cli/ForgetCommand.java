package dev.leadbot.cli;

import dev.leadbot.sink.JsonlFileSink;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadbot forget CHAT_ID}: a personal-data deletion request, carried out in the database and the leads file. */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Deletes everything stored about one prospect: conversation, question messages, leads. Works while the bot runs.")
final class ForgetCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "CHAT_ID", description = "The prospect's Telegram chat id (in each lead and in the owner summary link)")
    private long chatId;

    @Option(names = "--db", paramLabel = "FILE", description = "The database (default: $LEADBOT_DB or data/leadbot.db)")
    private Optional<Path> db;

    @Option(names = "--leads", paramLabel = "FILE", description = "The leads file (default: $LEADBOT_LEADS_FILE or data/leads.jsonl)")
    private Optional<Path> leads;

    ForgetCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Path leadsFile = DataFiles.leads(leads, console);
        try (Store store = Store.openForTools(DataFiles.database(db, console), console.clock())) {
            int rows = store.forget(chatId);
            int lines = new JsonlFileSink(leadsFile).forget(chatId);
            console.out().println("chat " + chatId + ": " + rows + " rows deleted from the database, " + lines + " leads from " + leadsFile);
            return 0;
        } catch (StoreException e) {
            console.err().println(e.getMessage());
            return 1;
        } catch (IOException e) {
            console.err().println("cannot rewrite " + leadsFile + ": " + e.getMessage());
            return 1;
        }
    }
}
