package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.sink.JsonlFileSink;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadbot forget CHAT_ID}: a personal-data deletion request, carried out in the database and the leads file. */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = {"Deletes everything stored about one prospect; works while the bot runs.", "",
                "Their conversation, leads, deliveries and funnel steps go from the database,",
                "their leads from the leads file; it says what was deleted.", ""})
final class ForgetCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "CHAT_ID",
            description = {"The prospect's Telegram chat id, a number: the chat", "column of 'leadbot leads', or the number in the owner",
                    "summary's profile link (tg://user?id=123456789)"})
    private String chatId;

    @Option(names = "--db", paramLabel = "FILE|URL", description = {"The database: a file, or postgresql://…;",
            "default: the settings' db, else data/leadbot.db"})
    private Optional<Database> db;

    @Option(names = "--leads", paramLabel = "FILE",
            description = {"The leads file; default: the settings' leads_file,", "else data/leads.jsonl"})
    private Optional<Path> leads;

    @Mixin
    private ConfigOption config;

    ForgetCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Settings> settings = db.isPresent() && leads.isPresent() ? config.loadIfNamed(console) : config.load(console);
        if (settings.isEmpty()) {
            return 2;
        }
        long chat;
        try {
            chat = Long.parseLong(chatId.strip());
        } catch (NumberFormatException e) {
            console.err().println("'" + chatId + "' is not a chat id: a chat id is a whole number such as 123456789. Find the prospect's"
                    + " in the chat column of 'leadbot leads', or in the owner summary's profile link (tg://user?id=123456789)");
            return 2;
        }
        Path leadsFile = leads.orElseGet(() -> settings.get().leadsFile());
        Database database = db.orElseGet(() -> settings.get().database());
        try (Store store = Store.openForTools(database, console.clock())) {
            Store.Forgotten forgotten = store.forget(chat);
            int lines = new JsonlFileSink(leadsFile).forget(chat);
            console.out().println("chat " + chat + ": " + said(forgotten, database) + "; " + (lines == 0 ? "no lead in " + leadsFile
                    : Count.spelled(lines, "lead", "leads") + " deleted from " + leadsFile));
            return 0;
        } catch (StoreException e) {
            console.err().println(e.getMessage());
            return 1;
        } catch (IOException e) {
            console.err().println("cannot rewrite " + leadsFile + ": " + e.getMessage());
            return 1;
        }
    }

    /** What went from the database, in the owner's words: "a conversation, 2 leads with 3 deliveries and 14 funnel steps". */
    private static String said(Store.Forgotten forgotten, Database database) {
        List<String> parts = new ArrayList<>();
        if (forgotten.conversations() > 0) {
            parts.add(Count.spelled(forgotten.conversations(), "conversation", "conversations"));
        }
        if (forgotten.leads() > 0) {
            parts.add(Count.spelled(forgotten.leads(), "lead", "leads") + (forgotten.deliveries() == 0 ? ""
                    : " with " + Count.of(forgotten.deliveries(), "delivery", "deliveries")));
        }
        if (forgotten.messages() > 0) {
            parts.add(Count.of(forgotten.messages(), "record of a message", "records of messages") + " sent to them");
        }
        if (forgotten.steps() > 0) {
            parts.add(Count.of(forgotten.steps(), "funnel step", "funnel steps"));
        }
        if (forgotten.followUps() > 0) {
            parts.add(Count.spelled(forgotten.followUps(), "pending follow-up", "pending follow-ups"));
        }
        if (parts.isEmpty()) {
            return "nothing stored about this chat in " + database;
        }
        String joined = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return joined + " deleted from " + database;
    }
}
