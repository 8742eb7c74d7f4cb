package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.config.BotSettings;
import dev.leadbot.config.SettingsProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --bot NAME}, the same for every command: which settings file to
 * read with the environment, and which of its bots a command is about when it declares several.
 */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = {"The settings file; the environment wins over it;", "default: leadbot.yaml, when there is one"})
    private Optional<Path> named = Optional.empty();

    @Option(names = "--bot", paramLabel = "NAME",
            description = {"Which bot of the settings file's 'bots:'; needed", "only when it declares several"})
    private Optional<String> bot = Optional.empty();

    /**
     * Reads the settings of the bot a command is about; prints what is wrong with the file itself, or
     * which bots there are when it cannot tell, and returns empty when anything is.
     */
    Optional<Settings> load(Console console) throws IOException {
        return loadFile(console).flatMap(file -> chosen(file, console));
    }

    /** The bot {@code --bot} names, or the file's only one; empty after printing which there are. */
    private Optional<Settings> chosen(Settings file, Console console) {
        List<SettingsProblem> problems = new ArrayList<>();
        Optional<Settings> chosen = file.bot(bot, problems);
        problems.forEach(console.err()::println);
        return chosen;
    }

    /**
     * The settings of the bot {@code --bot} names, or of the file's only bot; with several and none
     * named, the file's top level: for a command given its files by name, that needs no bot's.
     */
    Optional<Settings> loadIfNamed(Console console) throws IOException {
        Optional<Settings> file = loadFile(console);
        if (file.isEmpty() || bot.isEmpty() && file.get().botNames().size() > 1) {
            return file;
        }
        return chosen(file.get(), console);
    }

    /** Every bot's settings: the one {@code --bot} names, else each bot of the file; empty after printing what is wrong. */
    Optional<List<Settings>> loadEach(Console console) throws IOException {
        Optional<Settings> file = loadFile(console);
        if (file.isEmpty() || bot.isPresent()) {
            return file.flatMap(all -> chosen(all, console)).map(List::of);
        }
        return Optional.of(file.get().everyBot());
    }

    /** Reads the settings file as a whole, every bot of it; prints what is wrong with the file itself and returns empty when anything is. */
    Optional<Settings> loadFile(Console console) throws IOException {
        Settings loaded = Settings.load(console.env(), named);
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(console.err()::println);
            return Optional.empty();
        }
        return Optional.of(loaded);
    }

    /** The bot {@code --bot} names, or every bot of the file when it names none. */
    Optional<BotSettings.All> bots(Settings file, List<SettingsProblem> problems) {
        if (bot.isEmpty()) {
            return Optional.of(file.services());
        }
        return file.bot(bot, problems).map(Settings::services);
    }
}
