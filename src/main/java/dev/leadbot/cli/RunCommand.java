package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.config.SettingsProblem;
import dev.leadbot.config.BotSettings;
import dev.leadbot.config.LeaseTimings;
import dev.leadbot.config.SinkDeclarations;
import dev.leadbot.bots.Fleet;
import dev.leadbot.bots.LeaseKeeper;
import dev.leadbot.store.Database;
import dev.leadbot.store.FleetLeases;
import dev.leadbot.store.StoreException;
import dev.leadbot.flow.Flow;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkProblem;
import dev.leadbot.sink.http.HttpSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
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
                "  LEADBOT_DB                the database: an SQLite file (default",
                "                            data/leadbot.db) or PostgreSQL shared by",
                "                            several bots and instances, written",
                "                            postgresql://user:password@host:5432/db",
                "  LEADBOT_BULK_PER_SECOND   messages a second the bot starts itself:",
                "                            owner summaries, alerts (default 30)",
                "  LEADBOT_TIME_ZONE         the owner's time zone, e.g. Europe/Moscow:",
                "                            a flow's quiet hours without a time_zone",
                "                            of its own are in it (default: the",
                "                            machine's)",
                "In the settings file, write them in lower case without LEADBOT_:",
                "telegram_bot_token, owner_chat_ids, flow, leads_file, db and so on.",
                "CRM sinks are declared there too, under 'sinks:' (see the README);",
                "check them with 'leadbot sinks check'.", "",
                "Several bots run in one process when the settings file declares",
                "them under 'bots:', each with its own token, flow, owner chats and",
                "data folder; --bot NAME runs one of them. A bot whose flow has",
                "mistakes or whose token Telegram refuses is reported and stopped",
                "alone; the others run.", "",
                "On PostgreSQL several instances may run with the same settings:",
                "they divide the bots with leases in the database, and take over",
                "the bots of one that stops or dies. LEADBOT_INSTANCE names this",
                "one (default: its host name and process id).", ""})
final class RunCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private ConfigOption config;

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<Settings> loaded = config.loadFile(console);
        if (loaded.isEmpty()) {
            return 2;
        }
        List<SettingsProblem> wrong = new ArrayList<>();
        Optional<BotSettings.All> chosen = config.bots(loaded.get(), wrong);
        if (chosen.isEmpty()) {
            wrong.forEach(console.err()::println);
            return 2;
        }
        BotSettings.All settings = chosen.get();
        List<SettingsProblem> problems = new ArrayList<>(settings.problems());
        // No HTTP client (and its TLS set-up) unless a sink needs one: the bot's first poll comes sooner. One for all bots.
        Supplier<HttpSetup> http = new Supplier<>() {
            private HttpSetup made;

            @Override
            public HttpSetup get() {
                made = made == null ? HttpSetup.standard() : made;
                return made;
            }
        };
        List<List<LeadSink>> sinks = new ArrayList<>();
        List<SinkProblem> sinkProblems = new ArrayList<>();
        for (BotSettings bot : settings.each()) {
            sinks.add(bot.sinks().isEmpty() ? List.of() : SinksCommand.create(bot.sinks(), http.get(), console, sinkProblems));
        }
        sinkProblems.forEach(problem -> problems.add(loaded.get().placed(problem)));
        if (!problems.isEmpty() || settings.each().stream().anyMatch(bot -> bot.telegram().isEmpty())) {
            problems.stream().distinct().sorted(SettingsProblem.IN_FILE_ORDER).forEach(console.err()::println);
            return 2;
        }
        boolean several = settings.each().size() > 1 || settings.each().get(0).bot().isPresent();
        // One bot: a flow path that names no file is said at the line naming it, with the closest flow file.
        Optional<SettingsProblem> missingFlow = several ? Optional.empty() : loaded.get().missingFlow();
        if (missingFlow.isPresent()) {
            console.err().println(missingFlow.get());
            return 1;
        }
        if (settings.each().stream().allMatch(bot -> bot.database() instanceof Database.Postgres)) {
            return runLeased(settings.each(), sinks, several);
        }
        return several ? runSeveral(settings.each(), sinks) : runOne(settings.each().get(0), sinks.get(0));
    }

    /**
     * On PostgreSQL: the bots are shared with every other instance on the same database, each bot polled where its lease is
     * won. A bot whose flow has mistakes is reported here, and to its owner chats by the instance that takes its lease.
     */
    private int runLeased(List<BotSettings> settings, List<List<LeadSink>> sinks, boolean several) throws InterruptedException {
        List<SettingsProblem> wrong = new ArrayList<>();
        Optional<LeaseTimings> timings = LeaseTimings.fromSystemProperties(wrong);
        if (timings.isEmpty()) {
            wrong.forEach(console.err()::println);
            return 2;
        }
        List<LeaseKeeper.Leased> bots = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            BotSettings bot = settings.get(i);
            Checked checked = Checked.of(bot);
            Optional<Flow> flow = checked.flow();
            List<String> lines = checked.problems();
            if (lines.isEmpty()) {
                bots.add(new LeaseKeeper.Ready(new Fleet.Bot(bot.bot(), bot.telegram().orElseThrow(), bot.flow(), flow.orElseThrow(),
                        bot.database(), sinks.get(i))));
                continue;
            }
            if (!several) {
                // One bot, as before there were several: any problem stops the start.
                lines.forEach(console.err()::println);
                return flow.isEmpty() ? 1 : 2;
            }
            String name = bot.bot().orElseThrow();
            String why = cannotRun(bot);
            console.err().println("bot '" + name + "' is not started: " + why + ":");
            lines.forEach(line -> console.err().println("  " + line));
            bots.add(new LeaseKeeper.Unfit(name, why, bot.telegram().orElseThrow(), unfitMessage(bot, lines)));
        }
        String instance = LeaseKeeper.instanceId(Optional.ofNullable(console.env().get("LEADBOT_INSTANCE")));
        Database.Postgres database = ((Database.Postgres) settings.get(0).database()).inSchema(FleetLeases.SCHEMA);
        LeaseKeeper keeper;
        try {
            keeper = LeaseKeeper.start(bots, database, instance, timings.get(), console.clock());
        } catch (StoreException e) {
            console.err().println("cannot share the bots on " + database + ": " + e.getMessage());
            return 1;
        }
        console.out().println("instance " + instance + " shares " + (several ? Count.of(bots.size(), "bot", "bots") : "the bot")
                + " with the other instances on " + database + ": each bot polls where its lease is won (see leadbot bots);"
                + " stop it with Ctrl+C or SIGTERM");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keeper.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** A named bot's flow, loaded, with every problem found in it and in the fields its sinks take from it. */
    private record Checked(Optional<Flow> flow, List<String> problems) {
        static Checked of(BotSettings bot) {
            StringWriter problems = new StringWriter();
            Optional<Flow> flow = FlowFiles.load(bot.flow(), new PrintWriter(problems, true));
            List<String> lines = new ArrayList<>(problems.toString().lines().toList());
            flow.ifPresent(f -> SinkDeclarations.fieldProblems(bot.sinks(), FlowFiles.variables(f)).forEach(p -> lines.add(p.toString())));
            return new Checked(flow, List.copyOf(lines));
        }
    }

    /** Why a named bot whose flow has mistakes is not started, and what to do (the operator's terminal, in English). */
    private static String cannotRun(BotSettings bot) {
        return "its flow " + bot.flow() + " cannot run; fix it (leadbot validate --bot " + bot.bot().orElseThrow() + ") and start leadbot again";
    }

    /** What a bot's owner chats hear when its flow cannot run: in Russian, like the rest of the owner console. */
    private static List<String> unfitMessage(BotSettings bot, List<String> lines) {
        String name = bot.bot().orElseThrow();
        List<String> message = new ArrayList<>(List.of("⚠️ Бот «" + name + "» не запущен: его сценарий " + bot.flow() + " не может"
                + " работать. Исправьте его (проверка: leadbot validate --bot " + name + ") и запустите leadbot снова.", ""));
        message.addAll(lines);
        return message;
    }

    /** One bot, as before there were several: any problem stops the start. */
    private int runOne(BotSettings settings, List<LeadSink> sinks) throws InterruptedException {
        var flow = FlowFiles.load(settings.flow(), console.err());
        if (flow.isEmpty()) {
            return 1;
        }
        List<SinkProblem> fields = SinkDeclarations.fieldProblems(settings.sinks(), FlowFiles.variables(flow.get()));
        if (!fields.isEmpty()) {
            fields.forEach(console.err()::println);
            return 2;
        }
        Fleet fleet = Fleet.of(1, console.clock());
        Fleet.Bot bot = new Fleet.Bot(Optional.empty(), settings.telegram().orElseThrow(), settings.flow(), flow.get(), settings.database(),
                sinks);
        Map<Fleet.Bot, String> failed = fleet.start(List.of(bot));
        if (!failed.isEmpty()) {
            fleet.close();
            console.err().println("cannot start the bot: " + failed.get(bot));
            return 1;
        }
        console.out().println("@" + fleet.username(bot).orElseThrow() + " is running; stop it with Ctrl+C or SIGTERM");
        return runUntilStopped(fleet);
    }

    /**
     * Every bot of the file: one whose flow has mistakes is reported (here, in the log and to its owner
     * chats) and not started; one Telegram refuses is reported; the others run.
     */
    private int runSeveral(List<BotSettings> settings, List<List<LeadSink>> sinks) throws InterruptedException {
        Fleet fleet = Fleet.of(settings.size(), console.clock());
        List<Fleet.Bot> ready = new ArrayList<>();
        int notStarted = 0;
        for (int i = 0; i < settings.size(); i++) {
            BotSettings bot = settings.get(i);
            String label = "bot '" + bot.bot().orElseThrow() + "'";
            Checked checked = Checked.of(bot);
            Optional<Flow> flow = checked.flow();
            List<String> lines = checked.problems();
            if (!lines.isEmpty()) {
                notStarted++;
                String why = label + " is not started: " + cannotRun(bot);
                console.err().println(why + ":");
                lines.forEach(line -> console.err().println("  " + line));
                // The owner chats hear it in Russian, like the rest of the owner console; the operator's terminal in English.
                List<Long> told = fleet.tellOwners(bot.telegram().orElseThrow(), unfitMessage(bot, lines));
                console.err().println("  " + (told.isEmpty() ? "no owner chat of it could be told" : "told in owner chats " + told));
                continue;
            }
            ready.add(new Fleet.Bot(bot.bot(), bot.telegram().orElseThrow(), bot.flow(), flow.orElseThrow(), bot.database(), sinks.get(i)));
        }
        Map<Fleet.Bot, String> failed = fleet.start(ready);
        for (Fleet.Bot bot : ready) {
            if (failed.containsKey(bot)) {
                console.err().println(bot.label() + " is not started: " + failed.get(bot));
            } else {
                console.out().println(bot.label() + " is running as @" + fleet.username(bot).orElseThrow());
            }
        }
        notStarted += failed.size();
        if (fleet.runningCount() == 0) {
            fleet.close();
            console.err().println("no bot is running: each was stopped for the reason above");
            return 1;
        }
        console.out().println(Count.of(fleet.runningCount(), "bot is", "bots are") + " running" + (notStarted > 0 ? ", " + notStarted
                + " not started" : "") + "; stop them with Ctrl+C or SIGTERM");
        return runUntilStopped(fleet);
    }

    /** Until SIGTERM or Ctrl+C (status 0), or until no bot is left running (status 1: each was stopped alone, as logged). */
    private int runUntilStopped(Fleet fleet) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        fleet.awaitNoneRunning();
        if (stopped.getCount() == 0 || !removeHook(hook)) {
            stopped.await();
            return 0;
        }
        fleet.close();
        console.err().println("no bot is running any more: Telegram refused the token of each (see the log)");
        return 1;
    }

    /** Whether the hook was still waiting for a shutdown (none has begun). */
    private static boolean removeHook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
