package dev.leadbot.cli;

import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.http.HttpSetup;
import java.util.ArrayList;
import java.util.List;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.BotStartException;
import dev.leadbot.telegram.TelegramService;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code leadbot run}: the bot in Telegram until SIGTERM or Ctrl+C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the bot in Telegram over long polling until stopped (SIGTERM or Ctrl+C).", "",
                "Settings come from the environment, then from the settings file:",
                "  TELEGRAM_BOT_TOKEN        the bot's token from @BotFather (required)",
                "  LEADBOT_OWNER_CHAT_IDS    chat ids that receive lead summaries,",
                "                            e.g. 123456789,987654321",
                "  LEADBOT_FLOW              the flow (default flows/qualification.yaml)",
                "  LEADBOT_TELEGRAM_API_URL  the Bot API (default https://api.telegram.org)",
                "  LEADBOT_LEADS_FILE        where leads are also appended",
                "                            (default data/leads.jsonl)",
                "  LEADBOT_DB                the database of conversations",
                "                            (default data/leadbot.db)",
                "  LEADBOT_BULK_PER_SECOND   messages a second the bot starts itself:",
                "                            owner summaries, alerts (default 30)",
                "In the settings file, write them in lower case without LEADBOT_:",
                "telegram_bot_token, owner_chat_ids, flow, leads_file, db and so on.",
                "CRM sinks are declared there too, under 'sinks:' (see the README);",
                "check them with 'leadbot sinks check'.", ""})
final class RunCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private ConfigOption config;

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<ServiceSettings.Loaded> loaded = config.load(console);
        if (loaded.isEmpty()) {
            return 2;
        }
        ServiceSettings.Result settings = loaded.get().service();
        List<String> problems = new ArrayList<>(settings.problems());
        // No HTTP client (and its TLS set-up) unless a sink needs one: the bot's first poll comes sooner.
        List<LeadSink> sinks = settings.sinks().isEmpty() ? List.of()
                : SinksCommand.create(settings.sinks(), HttpSetup.standard(), console, problems);
        if (settings.telegram().isEmpty() || !problems.isEmpty()) {
            ServiceSettings.inFileOrder(problems).forEach(console.err()::println);
            return 2;
        }
        var flow = FlowFiles.load(settings.flow(), console.err());
        if (flow.isEmpty()) {
            return 1;
        }
        List<String> fields = ServiceSettings.fieldProblems(settings.sinks(), FlowFiles.variables(flow.get()));
        if (!fields.isEmpty()) {
            fields.forEach(console.err()::println);
            return 2;
        }
        Store store;
        try {
            store = Store.open(settings.database(), console.clock());
        } catch (StoreException e) {
            console.err().println("cannot open the database: " + e.getMessage());
            return 1;
        }
        TelegramService service;
        try {
            service = TelegramService.start(settings.telegram().get(), settings.flow(), flow.get(), store, sinks, console.clock());
        } catch (BotStartException e) {
            store.close();
            console.err().println("cannot start the bot: " + e.getMessage());
            return 1;
        }
        console.out().println("@" + service.username() + " is running; stop it with Ctrl+C or SIGTERM");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            store.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
