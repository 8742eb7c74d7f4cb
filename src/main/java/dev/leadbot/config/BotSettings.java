package dev.leadbot.config;

import dev.leadbot.sink.SinkSettings;
import dev.leadbot.store.Database;
import dev.leadbot.telegram.TelegramSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One bot's settings ready for the service, or every reason they are not: its Telegram settings are there only when
 * {@code problems} is empty.
 *
 * @param bot the bot's name under {@code bots:}; empty for the one bot of a file without them
 */
public record BotSettings(Optional<String> bot, Optional<TelegramSettings> telegram, Path flow, Database database,
        List<SinkSettings> sinks, List<SettingsProblem> problems) {

    public BotSettings {
        sinks = List.copyOf(sinks);
        problems = List.copyOf(problems);
    }

    /** Every bot's settings, and every problem of any of them or between them: the file is fixed in one go. */
    public record All(List<BotSettings> each, List<SettingsProblem> problems) {
        public All {
            each = List.copyOf(each);
            problems = List.copyOf(problems);
        }
    }
}
