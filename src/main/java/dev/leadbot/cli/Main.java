package dev.leadbot.cli;

import dev.leadbot.config.DatabaseUrl;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.store.Database;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code leadbot} command: wires the subcommands to the terminal. */
@Command(name = "leadbot", mixinStandardHelpOptions = true,
        description = "Runs lead-qualification flows written in YAML: in Telegram (run) or in the terminal (chat).",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {

    /** What {@code --version} prints after "leadbot", on every command that offers it. */
    static final String VERSION = "0.1.0";
    /** Help is laid out for the narrowest common terminal. */
    private static final int HELP_WIDTH = 80;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, Clock.systemUTC(), System.getenv()));
    }

    /** Runs one command line against the given streams and clock; returns the exit status. */
    static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Clock clock, Map<String, String> env) {
        // Made only by a command that calls a sink: an HTTP client sets up TLS, a sizeable part of a start.
        return run(args, in, out, err, clock, env, HttpSetup::standard);
    }

    /** The same, with the sinks' HTTP set up by the caller (tests use a virtual clock for rate limits). */
    static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Clock clock, Map<String, String> env, HttpSetup http) {
        return run(args, in, out, err, clock, env, () -> http);
    }

    private static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Clock clock, Map<String, String> env,
            Supplier<HttpSetup> http) {
        PrintWriter stdout = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter stderr = new PrintWriter(err, true, StandardCharsets.UTF_8);
        Console console = new Console(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), stdout, stderr, clock,
                env);
        CommandLine commandLine = commandLine(console, http).setOut(stdout).setErr(stderr);
        int status = commandLine.execute(args);
        stdout.flush();
        stderr.flush();
        return status;
    }

    /** Every command, wired to {@code console}; each says its version and lays out its help in 80 columns. */
    static CommandLine commandLine(Console console, Supplier<HttpSetup> http) {
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new RunCommand(console))
                .addSubcommand(new ChatCommand(console))
                .addSubcommand(new ValidateCommand(console))
                .addSubcommand(new TestCommand(console))
                .addSubcommand(new GraphCommand(console))
                .addSubcommand(new LeadsCommand(console))
                .addSubcommand(new StatsCommand(console))
                .addSubcommand(new ForgetCommand(console))
                .addSubcommand(new HealthCommand(console))
                .addSubcommand(new BotsCommand(console))
                .addSubcommand(new MigrateCommand(console))
                .addSubcommand(new SinksCommand(console, http));
        // A database given on the command line may carry a password: a wrong one is reported with it masked.
        commandLine.registerConverter(Database.class, text -> {
            try {
                return DatabaseUrl.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        everyCommand(commandLine);
        return commandLine;
    }

    private static void everyCommand(CommandLine command) {
        command.getCommandSpec().version("leadbot " + VERSION);
        command.getCommandSpec().usageMessage().width(HELP_WIDTH).autoWidth(false);
        command.getSubcommands().values().forEach(Main::everyCommand);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
