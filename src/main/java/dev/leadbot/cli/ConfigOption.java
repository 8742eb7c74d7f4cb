package dev.leadbot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, the same for every command: which settings file to read with the environment. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = {"The settings file; the environment wins over it;", "default: leadbot.yaml, when there is one"})
    private Optional<Path> named = Optional.empty();

    /** Reads the settings; prints what is wrong with the file itself and returns empty when anything is. */
    Optional<ServiceSettings.Loaded> load(Console console) throws IOException {
        ServiceSettings.Loaded loaded = ServiceSettings.load(console.env(), named);
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(console.err()::println);
            return Optional.empty();
        }
        return Optional.of(loaded);
    }
}
