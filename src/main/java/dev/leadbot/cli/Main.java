package dev.leadbot.cli;

import dev.leadbot.sink.http.HttpSetup;
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
@Command(name = "leadbot", mixinStandardHelpOptions = true, version = "leadbot 0.1.0",
        description = "Runs lead-qualification flows written in YAML: in Telegram (run) or in the terminal (chat).",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {

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
                .addSubcommand(new SinksCommand(console, http))
                .setOut(stdout)
                .setErr(stderr);
        int status = commandLine.execute(args);
        stdout.flush();
        stderr.flush();
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
