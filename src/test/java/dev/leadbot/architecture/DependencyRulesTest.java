package dev.leadbot.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the lead, the flow and the engine know nothing of YAML libraries
 * (except the flow's loader), JSON, the terminal, the network, SQL or the clock; only the
 * telegram package knows telegrambots, and the bot's own logic (routing) reaches Telegram only through its port.
 */
class DependencyRulesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/leadbot");
    /** Where bots are put together: the packages that may hold the whole {@code Store}. */
    private static final Set<String> WIRING = Set.of("bots", "cli", "service");
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:java|javax|org|com|info|dev|picocli)\\.[a-z][\\w.]*)");

    /** What each package may use besides java.lang, java.util and java.math; everything else is refused. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("lead", List.of("java.time", "java.util")),
            // How a language says a number of things: pure rules, used wherever a text counts something.
            Map.entry("language", List.of("java.util", "dev.leadbot.language")),
            // java.time for what follow-ups are written in (spans, a time zone, quiet hours): values, never the clock.
            Map.entry("flow", List.of("java.util", "java.math", "java.io", "java.nio", "java.time", "org.yaml.snakeyaml", "dev.leadbot.flow",
                    "dev.leadbot.language")),
            // Phone numbers by libphonenumber: pure Java whose only reading is its own metadata inside the jar, no clock or network.
            Map.entry("engine", List.of("java.util", "java.math", "java.time.Instant", "java.nio.charset", "dev.leadbot.flow",
                    "dev.leadbot.lead", "dev.leadbot.engine", "com.google.i18n.phonenumbers")),
            // Sinks reach their destinations over the JDK's HTTP client and sign with javax.crypto; they see only the Lead.
            Map.entry("sink", List.of("java.util", "java.time", "java.io", "java.nio", "java.net", "java.security", "javax.crypto",
                    "com.fasterxml.jackson", "org.slf4j", "dev.leadbot.lead", "dev.leadbot.language", "dev.leadbot.sink")),
            Map.entry("delivery", List.of("java.", "org.slf4j", "dev.leadbot.lead", "dev.leadbot.sink", "dev.leadbot.store", "dev.leadbot.delivery")),
            // The funnel is core too: it reads the engine's transitions and knows no storage, clock or network.
            Map.entry("funnel", List.of("java.util", "java.time.Instant", "java.time.Duration", "java.nio.charset", "java.security.MessageDigest",
                    "java.security.NoSuchAlgorithmException", "dev.leadbot.flow", "dev.leadbot.lead", "dev.leadbot.engine",
                    "dev.leadbot.funnel")),
            // Follow-ups are core: when a silent prospect is reminded or counts as abandoned, worked out from the flow and the
            // conversation with the time passed in. The store keeps their timers; the service's thread only fires them.
            Map.entry("followup", List.of("java.util", "java.time", "dev.leadbot.flow", "dev.leadbot.engine", "dev.leadbot.followup")),
            Map.entry("store", List.of("java.", "com.fasterxml.jackson", "com.zaxxer.hikari", "dev.leadbot.engine", "dev.leadbot.funnel",
                    "dev.leadbot.followup", "dev.leadbot.lead", "dev.leadbot.sink", "dev.leadbot.store")),
            // The bot's own logic: an update routed to the engine, the console, the managers' conversations, follow-ups and flow
            // reloads; what to send, never how. It reaches the chat platform only through its port (ChatPort), in leadbot's values.
            Map.entry("routing", List.of("java.util", "java.time", "java.io.IOException", "java.nio.file", "org.slf4j", "dev.leadbot.console",
                    "dev.leadbot.engine", "dev.leadbot.flow", "dev.leadbot.followup", "dev.leadbot.funnel", "dev.leadbot.lead",
                    "dev.leadbot.store", "dev.leadbot.routing")),
            // The Telegram adapter: Bot API calls, the outbox and its lanes, flood limits, polling, HTML. It implements the routing's
            // port and renders the engine's outputs and the console's answers; it decides nothing about a conversation.
            Map.entry("telegram", List.of("java.", "org.telegram.telegrambots", "okhttp3", "com.fasterxml.jackson", "org.slf4j",
                    "dev.leadbot.engine.Output", "dev.leadbot.engine.Keyboard", "dev.leadbot.engine.Action", "dev.leadbot.engine.Input",
                    "dev.leadbot.console.ConsoleButton", "dev.leadbot.console.ConsoleCommand", "dev.leadbot.console.ConsoleReply",
                    "dev.leadbot.console.DialogMessage", "dev.leadbot.console.LeadButtons", "dev.leadbot.console.OwnerConsole",
                    "dev.leadbot.console.OwnerMenu", "dev.leadbot.console.Written", "dev.leadbot.funnel.FunnelReport", "dev.leadbot.chart",
                    "dev.leadbot.language",
                    "dev.leadbot.lead", "dev.leadbot.sink", "dev.leadbot.store", "dev.leadbot.routing", "dev.leadbot.telegram")),
            // One bot assembled: its store, the adapter, the routing and a delivery worker per sink. Knows no Telegram type.
            Map.entry("service", List.of("java.", "org.slf4j", "dev.leadbot.console", "dev.leadbot.delivery", "dev.leadbot.flow",
                    "dev.leadbot.lead", "dev.leadbot.sink", "dev.leadbot.store", "dev.leadbot.routing", "dev.leadbot.telegram",
                    "dev.leadbot.service")),
            // Several bots in one process: each started on its own database and stopped alone; they share only threads. On
            // PostgreSQL a heartbeat holds leases in the store and acts on what the fair share decides.
            Map.entry("bots", List.of("java.", "org.slf4j", "dev.leadbot.flow", "dev.leadbot.sink", "dev.leadbot.store",
                    "dev.leadbot.telegram", "dev.leadbot.service", "dev.leadbot.leases", "dev.leadbot.config.LeaseTimings",
                    "dev.leadbot.bots")),
            // The settings, read in one place: the file (YAML), the environment, each bot's, the lease timings and the
            // database URLs. Spans are read by the flow's one parser, a mapping's keys by its key reader; the values made are the store's, the sinks' and the
            // Telegram adapter's own settings records.
            Map.entry("config", List.of("java.util", "java.io.IOException", "java.io.StringReader", "java.nio", "java.net.URI",
                    "java.net.URISyntaxException", "java.net.URLDecoder", "java.time", "org.yaml.snakeyaml", "dev.leadbot.flow.Durations",
                    "dev.leadbot.flow.MappingKeys", "dev.leadbot.flow.Suggestions", "dev.leadbot.store.Database",
                    "dev.leadbot.sink.SinkSettings", "dev.leadbot.sink.SinkProblem", "dev.leadbot.sink.LeadFields",
                    "dev.leadbot.sink.catalog.SinkCatalog", "dev.leadbot.telegram.TelegramSettings", "dev.leadbot.telegram.FloodLimits",
                    "dev.leadbot.config")),
            // How instances sharing a database divide the bots: a pure decision from the rows read, the time passed in.
            Map.entry("leases", List.of("java.util", "java.time.Instant", "dev.leadbot.leases")),
            // Pictures of the funnel, drawn headless; the one user of the chart library.
            Map.entry("chart", List.of("java.util", "java.io", "java.awt", "javax.imageio", "org.jfree.chart", "org.jfree.data",
                    "dev.leadbot.funnel", "dev.leadbot.chart")),
            // The owner's console decides what owners are shown (leads, the CSV) from the store; Telegram only renders it.
            // It also reads the flow file again for /reload and judges it with the flow's own validation, and decides what a
            // prospect's input does while a manager talks to them.
            Map.entry("console", List.of("java.util", "java.time", "java.nio.charset", "java.nio.file.Path", "java.nio.file.NoSuchFileException",
                    "java.io.IOException", "org.slf4j", "dev.leadbot.language", "dev.leadbot.lead", "dev.leadbot.store", "dev.leadbot.flow",
                    "dev.leadbot.engine.Conversation", "dev.leadbot.engine.Input",
                    "dev.leadbot.console")),
            // The command line prints JSON (stats, validate --format json) with Jackson, like the stores and sinks write it.
            Map.entry("cli", List.of("java.", "picocli", "com.fasterxml.jackson", "dev.leadbot.")),
            // Walking every path of a flow is core too: it drives the engine and reads no clock, file or network.
            Map.entry("walkthrough", List.of("java.util", "java.math", "java.time.Instant", "dev.leadbot.flow", "dev.leadbot.lead", "dev.leadbot.engine",
                    "dev.leadbot.walkthrough")));

    @Test
    void eachPackageUsesOnlyWhatItsLayerAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String layer = MAIN.relativize(file).getName(0).toString();
                List<String> allowed = ALLOWED.get(layer);
                if (allowed == null) {
                    violations.add(file + ": package '" + layer + "' has no rule here; add one");
                    continue;
                }
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    boolean ok = used.startsWith("java.lang") || allowed.stream().anyMatch(used::startsWith)
                            || used.equals("dev.leadbot." + layer);
                    if (!ok) {
                        violations.add(file + " uses " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theCoreNeverReadsTheClock() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String layer : List.of("lead", "language", "flow", "engine", "funnel", "followup", "walkthrough", "leases")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (String call : List.of("Instant.now(", "Clock.", "System.currentTimeMillis(", "System.nanoTime(", "LocalDateTime.now(")) {
                        if (source.contains(call)) {
                            violations.add(file + " calls " + call);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheStoreSpeaksSql() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !MAIN.relativize(f).startsWith("store")).toList()) {
                String source = Files.readString(file);
                if (source.contains("java.sql") || source.contains("org.sqlite") || source.contains("org.postgresql")
                        || source.contains("com.zaxxer")) {
                    violations.add(file + " uses SQL");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Inside {@code sink}, dependencies point inward too: the SPI knows no destination, a destination
     * knows no other destination, and only the catalog (used by the command line) knows them all.
     */
    @Test
    void sinkDestinationsDependOnTheSpiAndTheSharedHttpOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        Pattern sinkPackage = Pattern.compile("dev\\.leadbot\\.sink\\.([a-z0-9]+)\\.");
        try (Stream<Path> files = Files.walk(MAIN.resolve("sink"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.resolve("sink").relativize(file);
                String own = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                Matcher m = sinkPackage.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    boolean ok = used.equals(own) || own.equals("catalog") || !own.isEmpty() && used.equals("http");
                    if (!ok) {
                        violations.add(file + " uses dev.leadbot.sink." + used);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * The store's tables each have a store of their own, and each consumer takes only the ones it uses: only the wiring (the
     * per-bot assembly, the several bots' process, the command line) opens and holds the whole {@code Store}, in few files.
     */
    @Test
    void onlyTheWiringHoldsTheWholeStore() throws IOException {
        List<String> holders = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !MAIN.relativize(f).startsWith("store")).sorted().toList()) {
                if (usesTheWholeStore(Files.readString(file))) {
                    Path relative = MAIN.relativize(file);
                    holders.add(relative.toString());
                    if (!WIRING.contains(relative.getName(0).toString())) {
                        violations.add(file + " uses the whole Store; take the table's store it needs (Store#leads(), …)");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(holders.size() <= 8, "at most 8 files outside the store use Store, not " + holders.size() + ": " + holders);
    }

    private static final Pattern WHOLE_STORE = Pattern.compile("\\bdev\\.leadbot\\.store\\.Store\\b");
    private static final Pattern EVERY_STORE_TYPE = Pattern.compile("\\bimport\\s+dev\\.leadbot\\.store\\.\\*\\s*;");
    private static final Pattern STORE_NAMED = Pattern.compile("(?<![\\w.])Store\\b");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    /** Whether {@code source} names the whole Store: imported by name, fully qualified, or used after a wildcard import. */
    static boolean usesTheWholeStore(String source) {
        return WHOLE_STORE.matcher(source).find() || EVERY_STORE_TYPE.matcher(source).find()
                && STORE_NAMED.matcher(COMMENT.matcher(source).replaceAll(" ")).find();
    }

    @Test
    void theWholeStoreIsFoundImportedByNameByAWildcardOrFullyQualified() {
        assertTrue(usesTheWholeStore("import dev.leadbot.store.Store;\nclass A { Store s; }"));
        assertTrue(usesTheWholeStore("import dev.leadbot.store.*;\nclass A { Store s; }"));
        assertTrue(usesTheWholeStore("class A { void f() { dev.leadbot.store.Store.openForTools(db, clock); } }"));
        assertTrue(usesTheWholeStore("import static dev.leadbot.store.Store.openForTools;"));
        assertFalse(usesTheWholeStore("import dev.leadbot.store.*;\nclass A { LeadStore leads; StoreException e; } // not the Store"));
        assertFalse(usesTheWholeStore("import dev.leadbot.store.*;\n/** Unlike the Store, */ class A { LeadStore leads; }"));
    }
}
