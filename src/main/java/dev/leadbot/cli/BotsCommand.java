package dev.leadbot.cli;

import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code leadbot bots}: every bot of the settings with its state, read from its heartbeat and its
 * database (beside a running bot, like {@code leads}): polling or not, when a conversation last
 * changed (a prospect's step, or the bot's own reminder or abandonment), its leads today and its flow.
 */
@Command(name = "bots", mixinStandardHelpOptions = true,
        description = {"Lists every bot of the settings file with its state.", "",
                "For each bot: polling or not (from its heartbeat), when a conversation last",
                "changed (a prospect's step or the bot's own reminder), its leads today and",
                "its flow. Works while the bots are running.", ""})
final class BotsCommand implements Callable<Integer> {

    /** A bot that polled within this long is polling; the bot polls at least every 30 s. */
    static final Duration POLLING = Duration.ofSeconds(120);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Console console;

    @Mixin
    private ConfigOption config;

    BotsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<List<ServiceSettings.Loaded>> bots = config.loadEach(console);
        if (bots.isEmpty()) {
            return 2;
        }
        ZoneId zone = console.clock().getZone();
        Instant now = console.clock().instant();
        Instant today = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("bot", "state", "conversation changed", "leads today", "flow"));
        boolean unreadable = false;
        for (ServiceSettings.Loaded bot : bots.get()) {
            String name = bot.botName().orElse("(the one bot)");
            String state = state(bot.heartbeat(), now);
            String last = "—";
            String leads = "—";
            try (Store store = Store.openForTools(bot.database(), console.clock())) {
                last = store.lastConversationChange().map(at -> TIME.format(at.atZone(zone))).orElse("none yet");
                leads = String.valueOf(store.leads(today).size());
            } catch (StoreException e) {
                if (e.missing()) {
                    state = "never ran";
                } else {
                    console.err().println("bot '" + name + "': " + e.getMessage());
                    unreadable = true;
                }
            }
            rows.add(List.of(name, state, last, leads, bot.flow().toString()));
        }
        print(rows);
        console.out().println("times in " + (zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId()) + "; 'polling' means it polled Telegram within the last " + POLLING.toSeconds() + " s;"
                + " a conversation changes with a prospect's step and with the bot's own reminders");
        return unreadable ? 1 : 0;
    }

    /** "polling", or since when it has not polled. */
    private static String state(Path heartbeat, Instant now) throws IOException {
        Instant beat;
        try {
            beat = Instant.parse(Files.readString(heartbeat, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return "not polling";
        } catch (DateTimeParseException e) {
            return "unknown (" + heartbeat + " holds no time)";
        }
        Duration age = Duration.between(beat, now);
        return age.compareTo(POLLING) <= 0 ? "polling" : "stopped " + FunnelTables.duration(Optional.of(age)) + " ago";
    }

    private void print(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            console.out().println(line.toString().stripTrailing());
        }
    }
}
