package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.config.SettingsProblem;
import dev.leadbot.config.SinkDeclarations;
import dev.leadbot.flow.Flow;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkProblem;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.catalog.SinkCatalog;
import dev.leadbot.sink.http.HttpSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code leadbot sinks check}: each CRM sink's settings, and its credentials where a harmless read allows; sends no lead. */
@Command(name = "sinks", mixinStandardHelpOptions = true,
        description = {"Works with the CRM sinks declared under 'sinks:' in the settings file.", "",
                "'leadbot sinks check' checks each one's settings and credentials.", ""})
final class SinksCommand {

    private final Console console;
    private final Supplier<HttpSetup> http;
    /** Settings mistakes already printed: a shared sink's are said once, not once per bot. */
    private final Set<SettingsProblem> printed = new HashSet<>();

    SinksCommand(Console console, Supplier<HttpSetup> http) {
        this.console = console;
        this.http = http;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks every sink's settings and credentials; sends no lead.", "",
                    "Where a CRM's API allows a harmless read (the amoCRM account, the Bitrix24",
                    "profile and CRM mode, RetailCRM's credentials, the Apps Script's doGet),",
                    "it also checks that the credentials work. A sink's fields: must name a lead",
                    "field or a variable of the flow the settings name.",
                    "Exits 0 when every sink passed, 1 when one failed, 2 when the settings are",
                    "wrong.", ""})
    int check(@Mixin ConfigOption config) throws IOException {
        // Without --bot, every bot's sinks: a sink the bots share (declared at the top level) is checked once.
        Optional<List<Settings>> each = config.loadEach(console);
        if (each.isEmpty()) {
            return 2;
        }
        Set<SinkSettings> checked = new HashSet<>();
        int status = 0;
        for (Settings bot : each.get()) {
            status = Math.max(status, check(bot, each.get().size() > 1, checked));
        }
        return status;
    }

    /** One bot's sinks but those in {@code checked}, which it adds to: 0 when each passed, 1 when one failed, 2 for settings mistakes. */
    private int check(Settings bot, boolean several, Set<SinkSettings> checked) {
        List<SettingsProblem> problems = new ArrayList<>();
        List<SinkSettings> declared = bot.sinks(problems);
        List<SinkProblem> sinkProblems = new ArrayList<>();
        List<LeadSink> sinks = create(declared, http.get(), console, sinkProblems);
        if (!declared.isEmpty() && problems.isEmpty() && sinkProblems.isEmpty()) {
            // fields: may name the flow's variables: the flow the bot would run tells which there are.
            Optional<Flow> flow = FlowFiles.load(bot, console.err());
            if (flow.isEmpty()) {
                return 2;
            }
            sinkProblems.addAll(SinkDeclarations.fieldProblems(declared, FlowFiles.variables(flow.get())));
        }
        sinkProblems.forEach(problem -> problems.add(bot.placed(problem)));
        if (!problems.isEmpty()) {
            problems.stream().sorted(SettingsProblem.IN_FILE_ORDER).filter(p -> !printed.contains(p)).forEach(p -> {
                printed.add(p);
                console.err().println(p);
            });
            return 2;
        }
        String whose = several ? bot.botName().map(name -> "bot '" + name + "': ").orElse("") : "";
        if (sinks.isEmpty()) {
            console.out().println(whose + "no sinks in " + bot.file().map(Path::toString).orElse("the settings (there is no "
                    + Settings.DEFAULT_FILE + " here; name one with --config FILE)") + ": leads go to the owner chats and the leads"
                    + " file only");
            return 0;
        }
        boolean allPassed = true;
        for (int i = 0; i < sinks.size(); i++) {
            LeadSink sink = sinks.get(i);
            if (!checked.add(declared.get(i))) {
                console.out().println("ok      " + whose + sink.name() + ": shared, checked above");
                continue;
            }
            SinkCheck check = sink.check();
            if (check instanceof SinkCheck.Passed passed) {
                console.out().println("ok      " + whose + sink.name() + ": " + passed.what());
            } else {
                allPassed = false;
                console.out().println("FAILED  " + whose + sink.name() + ": " + ((SinkCheck.Failed) check).whatToDo());
            }
        }
        return allPassed ? 0 : 1;
    }

    /** The declared sinks, or none with every problem added to {@code problems}; {@code run} builds them the same way. */
    static List<LeadSink> create(List<SinkSettings> declared, HttpSetup http, Console console, List<SinkProblem> problems) {
        try {
            // "jsonl" is the built-in leads file's sink; owner chats are reserved by the catalog itself.
            return SinkCatalog.create(declared, Set.of("jsonl"), http, console.clock());
        } catch (InvalidSinkException e) {
            problems.addAll(e.placed());
            return List.of();
        }
    }
}
