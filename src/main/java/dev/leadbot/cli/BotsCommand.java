package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.store.Database;
import dev.leadbot.store.FleetLeases;
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
 * {@code leadbot bots}: every bot of the settings with its state, read from its heartbeat (on PostgreSQL, from
 * its lease) and its database (beside a running bot, like {@code leads}): polling or not, when a conversation last
 * changed (a prospect's step, or the bot's own reminder or abandonment), its leads today and its flow.
 */
@Command(name = "bots", mixinStandardHelpOptions = true,
        description = {"Lists every bot of the settings file with its state.", "",
                "For each bot: polling or not (from its heartbeat), when a conversation last",
                "changed (a prospect's step or the bot's own reminder), its leads today and",
                "its flow. Works while the bots are running.", "",
                "On PostgreSQL, where several instances share the bots, it says which",
                "instance polls each bot and when it last renewed its lease, or why the",
                "bot is stopped, or that it waits for an instance to take it.", ""})
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
        Optional<List<Settings>> bots = config.loadEach(console);
        if (bots.isEmpty()) {
            return 2;
        }
        ZoneId zone = console.clock().getZone();
        Instant now = console.clock().instant();
        Instant today = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        // On PostgreSQL the bots are shared by instances: where each polls is in the leases, not in a heartbeat file of this machine.
        boolean leased = bots.get().stream().allMatch(bot -> bot.database() instanceof Database.Postgres);
        Optional<FleetLeases.Snapshot> leases = Optional.empty();
        boolean unreadable = false;
        if (leased) {
            Database.Postgres fleet = ((Database.Postgres) bots.get().get(0).database()).inSchema(FleetLeases.SCHEMA);
            try {
                leases = FleetLeases.look(fleet);
            } catch (StoreException e) {
                console.err().println(e.getMessage());
                unreadable = true;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("bot", leased ? "polling where" : "state", "conversation changed", "leads today", "flow"));
        for (Settings bot : bots.get()) {
            String name = bot.botName().orElse("(the one bot)");
            String state = leased ? pollingWhere(bot.botName().orElse(""), leases) : state(bot.heartbeat(), now);
            String last = "—";
            String leads = "—";
            try (Store store = Store.openForTools(bot.database(), console.clock())) {
                last = store.conversations().lastChange().map(at -> TIME.format(at.atZone(zone))).orElse("none yet");
                leads = String.valueOf(store.leads().completedSince(today).size());
            } catch (StoreException e) {
                if (e.missing()) {
                    // A lease says more than a missing schema: a bot held stopped (a refused token) never opened its own.
                    state = leased && !state.startsWith("nobody") ? state : "never ran";
                } else {
                    console.err().println("bot '" + name + "': " + e.getMessage());
                    unreadable = true;
                }
            }
            rows.add(List.of(name, state, last, leads, bot.flow().toString()));
        }
        print(rows);
        String times = "times in " + (zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId()) + "; ";
        console.out().println(times + (leased ? "'polling where' is the instance holding the bot's lease (LEADBOT_INSTANCE) and when it"
                + " last renewed it" : "'polling' means it polled Telegram within the last " + POLLING.toSeconds() + " s")
                + "; a conversation changes with a prospect's step and with the bot's own reminders");
        return unreadable ? 1 : 0;
    }

    /**
     * Where the bot polls, from its lease: the instance and how long ago it renewed (by the database's clock), why it is held
     * stopped, or that no instance holds it (none runs, or the last holder died and its lease expired).
     */
    static String pollingWhere(String bot, Optional<FleetLeases.Snapshot> leases) {
        String nobody = "nobody — waiting for an instance";
        if (leases.isEmpty()) {
            return nobody;
        }
        Instant now = leases.get().now();
        return leases.get().leases().stream().filter(lease -> lease.bot().equals(bot) && lease.expiresAt().isAfter(now)).findFirst()
                .map(lease -> lease.stopped().map(reason -> "stopped on " + lease.holder() + ": " + reason)
                        .orElse("on " + lease.holder() + ", renewed " + FunnelTables.duration(Optional.of(Duration.between(lease.renewedAt(),
                                now))) + " ago"))
                .orElse(nobody);
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
