package dev.leadbot.cli;

import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.catalog.SinkCatalog;
import dev.leadbot.sink.http.HttpSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leadbot sinks check}: each CRM sink's settings, and its credentials where a harmless read allows; sends no lead. */
@Command(name = "sinks", mixinStandardHelpOptions = true, description = "The CRM sinks declared under 'sinks:' in leadbot.yaml.")
final class SinksCommand {

    private final Console console;
    private final Supplier<HttpSetup> http;

    SinksCommand(Console console, Supplier<HttpSetup> http) {
        this.console = console;
        this.http = http;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks every sink's settings and, where its API allows a harmless read (amoCRM account, Bitrix24 profile",
                    "and CRM mode, RetailCRM credentials, the Apps Script's doGet), that its credentials work. Sends no lead.",
                    "Exits 0 when every sink passed, 1 when one failed, 2 when the settings are wrong."})
    int check(@Option(names = "--config", paramLabel = "FILE", defaultValue = "leadbot.yaml",
            description = "The settings file (default: ${DEFAULT-VALUE})") Path config) throws IOException {
        ServiceSettings.FileSettings settings = ServiceSettings.readFile(console.env(), config);
        List<String> problems = new ArrayList<>(settings.problems());
        List<LeadSink> sinks = create(settings.sinks(), http.get(), console, problems);
        if (!problems.isEmpty()) {
            problems.forEach(console.err()::println);
            return 2;
        }
        if (sinks.isEmpty()) {
            console.out().println("no sinks in " + config + ": leads go to the owner chats and the leads file only");
            return 0;
        }
        boolean allPassed = true;
        for (LeadSink sink : sinks) {
            SinkCheck check = sink.check();
            if (check instanceof SinkCheck.Passed passed) {
                console.out().println("ok      " + sink.name() + ": " + passed.what());
            } else {
                allPassed = false;
                console.out().println("FAILED  " + sink.name() + ": " + ((SinkCheck.Failed) check).whatToDo());
            }
        }
        return allPassed ? 0 : 1;
    }

    /** The declared sinks, or none with every problem added to {@code problems}; {@code run} builds them the same way. */
    static List<LeadSink> create(List<SinkSettings> declared, HttpSetup http, Console console, List<String> problems) {
        try {
            // "jsonl" is the built-in leads file's sink; owner chats are reserved by the catalog itself.
            return SinkCatalog.create(declared, Set.of("jsonl"), http, console.clock());
        } catch (InvalidSinkException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }
}
