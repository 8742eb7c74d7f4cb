package dev.leadbot.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A command line a person can type to run leadbot again: {@code java -jar} with the jar this
 * process runs from (relative to the working directory when it is inside it), or the README's
 * {@code target/leadbot.jar} when it runs from classes (an IDE, the tests). There is no
 * {@code leadbot} program on the path to name instead.
 */
final class CommandLineEcho {

    private static final String BUILT_JAR = "target/leadbot.jar";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final String jar;

    private CommandLineEcho(String jar) {
        this.jar = jar;
    }

    /** For the jar this process runs from. */
    static CommandLineEcho ofThisProcess() {
        return new CommandLineEcho(runningJar().orElse(BUILT_JAR));
    }

    /** The command line running {@code arguments}, each quoted for a POSIX shell where it needs it. */
    String of(List<String> arguments) {
        return Stream.concat(Stream.of("java", "-jar", quoted(jar)), arguments.stream().map(CommandLineEcho::quoted))
                .collect(Collectors.joining(" "));
    }

    private static Optional<String> runningJar() {
        try {
            java.security.CodeSource source = CommandLineEcho.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            Path here = Path.of("").toAbsolutePath();
            Path jar = location.toAbsolutePath().normalize();
            return Optional.of(jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Where the code came from is unknown: the README's command is the best guess a person can use.
            return Optional.empty();
        }
    }

    private static String quoted(String argument) {
        return PLAIN.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }
}
