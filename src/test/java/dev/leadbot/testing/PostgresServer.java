package dev.leadbot.testing;

import dev.leadbot.config.DatabaseUrl;
import dev.leadbot.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests and benchmarks: a throwaway cluster made with {@code initdb} in
 * {@code target/postgres}, started on a free loopback port the first time a test asks for it and
 * stopped when the test JVM ends, its log in {@code target/postgres/server.log}. Each test takes
 * a schema of its own ({@link #freshDatabase}), so tests never see each other's rows. PostgreSQL
 * will not run as root: as root (CI containers) the cluster belongs to the {@code postgres} user
 * Debian's package creates, in a temporary folder that user can reach.
 *
 * <p>When PostgreSQL is not installed every test that needs it fails saying how to install it:
 * nothing is skipped.
 */
public final class PostgresServer {

    public static final String USER = "leadbot";
    /** Set with initdb: connections over TCP need it (scram-sha-256), as a production server's do. */
    public static final String PASSWORD = "test-secret-4f1d";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final String TEMP_PREFIX = "leadbot-postgres";
    private static PostgresServer shared;

    private final Path home;
    private final Path bin;
    private final Path data;
    private final int port;
    private final Optional<String> runAs;
    private final Process server;

    private PostgresServer(Path home, Path bin, Path data, int port, Optional<String> runAs, Process server) {
        this.home = home;
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.runAs = runAs;
        this.server = server;
    }

    /** The build's server, started on first use; fsync off (a throwaway cluster on a machine shared with other builds). */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(Path.of("target", "postgres").toAbsolutePath(), false);
        }
        return shared;
    }

    /**
     * For a benchmark run with {@code -Dleadbot.store=postgresql}: a server of its own in {@code target/postgres-benchmark}
     * that flushes to disk as a production one does, and counts the statements it runs ({@link #statements}); empty otherwise
     * (the benchmark keeps its SQLite file).
     */
    public static Optional<PostgresServer> forBenchmark() {
        if (!"postgresql".equals(System.getProperty("leadbot.store", "sqlite"))) {
            return Optional.empty();
        }
        return Optional.of(ofBenchmark());
    }

    /** A server of a benchmark's own in {@code target/postgres-benchmark}, flushing to disk as a production one does. */
    public static PostgresServer ofBenchmark() {
        return start(Path.of("target", "postgres-benchmark").toAbsolutePath(), true);
    }

    /** A statement as the server counted it: how often it ran, for how long in all, and its text (parameters as $1…). */
    public record Counted(long calls, double totalMillis, String query) {
    }

    /** Forgets the statements counted so far: a benchmark calls it when its clock starts. Only on {@link #forBenchmark}'s server. */
    public void resetStatements() throws SQLException {
        try (Connection connection = connect(); java.sql.Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * The statements run since {@link #resetStatements}, the most called first, each text summed over every schema (a bot's
     * statement is counted once per schema by the server).
     */
    public List<Counted> statements() throws SQLException {
        List<Counted> counted = new ArrayList<>();
        try (Connection connection = connect(); java.sql.Statement s = connection.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT sum(calls), sum(total_exec_time), query FROM pg_stat_statements"
                        + " WHERE query NOT LIKE '%pg_stat_statements%' GROUP BY query ORDER BY 1 DESC")) {
            while (r.next()) {
                counted.add(new Counted(r.getLong(1), r.getDouble(2), r.getString(3)));
            }
        }
        return counted;
    }

    /** CPU time the server has used, its postmaster and every backend, user and system, in clock ticks (a hundred a second). */
    public long cpuTicks() {
        return Stream.concat(Stream.of(server.toHandle()), server.toHandle().descendants()).mapToLong(PostgresServer::cpuTicks).sum();
    }

    /** A process's CPU time from /proc (its own and that of its children that ended); 0 once it is gone. */
    public static long cpuTicks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // After the command's closing parenthesis: state is field 3, utime and stime 14 and 15, cutime and cstime 16 and 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A schema of its own on the shared server (created by the first store that opens it), named after {@code test}. */
    public static Database.Postgres freshDatabase(String test) {
        PostgresServer server = shared();
        String schema = "t" + SCHEMAS.incrementAndGet() + "_" + test.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return server.database().inSchema(schema.length() > 60 ? schema.substring(0, 60) : schema);
    }

    /** The server's database with the default schema, as {@code LEADBOT_DB} would name it. */
    public Database.Postgres database() {
        return (Database.Postgres) DatabaseUrl.parse(url());
    }

    /** {@code postgresql://leadbot:…@127.0.0.1:PORT/postgres}. */
    public String url() {
        return "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/postgres";
    }

    /**
     * A database of its own on this server, made empty (one a run before left is dropped first, with whoever is still
     * connected to it), as {@code LEADBOT_DB} names it: for services whose shared tables (the instances' leases) must not
     * meet another test's.
     */
    public String freshDatabaseUrl(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a database name of lower-case letters, digits and _: " + name);
        }
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    /** A direct connection to the server's database, outside any store (to set up what a test needs). */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    /**
     * Ends the sessions holding the instance lock of {@code database}'s schema, as kill -9 of the bot's process, a restart of
     * the server or a cut network would, and returns once the server has ended them.
     */
    public static void endSessionsHolding(Database.Postgres database) throws SQLException, InterruptedException {
        try (Connection c = shared().connect(); java.sql.Statement s = c.createStatement()) {
            // The store's advisory lock: its first key marks leadbot ("LEAD"), its second is the schema's name hashed.
            String held = "FROM pg_locks WHERE locktype = 'advisory' AND classid = " + 0x4C454144 + " AND objid = hashtext('"
                    + database.schema() + "')::oid";
            s.execute("SELECT pg_terminate_backend(pid) " + held);
            // The server ends the session on its own time: wait until it has.
            boolean ended = false;
            while (!ended) {
                try (java.sql.ResultSet r = s.executeQuery("SELECT count(*) " + held)) {
                    ended = r.next() && r.getInt(1) == 0;
                }
                if (!ended) {
                    Thread.sleep(10);
                }
            }
        }
    }

    private static PostgresServer start(Path home, boolean fsync) {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Optional<String> runAs = root ? Optional.of("postgres") : Optional.empty();
        try {
            Files.createDirectories(home);
            Path log = home.resolve("server.log");
            stopOrphans(bin, runAs, root ? leftInTemp() : List.of(home), log);
            // PostgreSQL's user may not reach a checkout under /root: as root the cluster lives in a temporary folder.
            Path base = root ? Files.createTempDirectory(TEMP_PREFIX, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x"))) : home;
            ClusterOwner.current().writeTo(base);
            Path data = base.resolve("data");
            deleteTree(data);
            Path password = base.resolve("password");
            Files.writeString(password, PASSWORD + "\n");
            if (root) {
                UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(base, postgres);
                Files.setOwner(password, postgres);
            }
            run(bin, runAs, log, List.of("initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + password, "--auth-host=scram-sha-256",
                    "--auth-local=trust", "-E", "UTF8", "--locale=C", "-N"));
            int port = freePort();
            Process server = process(bin, runAs, List.of("postgres", "-D", data.toString(), "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=" + (fsync ? "on" : "off"),
                    "-c", "max_connections=300", "-c", "shared_preload_libraries=" + (fsync ? "pg_stat_statements" : "")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer started = new PostgresServer(home, bin, data, port, runAs, server);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-stop"));
            started.awaitReady(log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL for the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    /** As root, the clusters of this fixture in the temporary folder, this JVM's own and those left by others. */
    private static List<Path> leftInTemp() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(path -> path.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isDirectory(path)).toList();
        }
    }

    /**
     * Stops the clusters among {@code bases} whose JVM was killed before its shutdown hook could (see {@link ClusterOwner}).
     * A folder in the temporary folder is first renamed out of the way, so that of two builds starting at once only one
     * stops it; then it is deleted. A checkout's own folder is emptied by the start that follows.
     */
    static void stopOrphans(Path bin, Optional<String> runAs, List<Path> bases, Path log) throws IOException, InterruptedException {
        for (Path base : bases) {
            if (!ClusterOwner.orphaned(base)) {
                continue;
            }
            Path claimed = base;
            if (base.getFileName().toString().startsWith(TEMP_PREFIX)) {
                claimed = base.resolveSibling("stopping-" + base.getFileName());
                try {
                    Files.move(base, claimed, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException | FileAlreadyExistsException e) {
                    continue; // another build took it first
                }
            }
            Path data = claimed.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                Files.writeString(log, "stopping the cluster in " + base + ", left running by JVM " + ClusterOwner.readFrom(claimed)
                        .map(ClusterOwner::pid).orElse(-1L) + ", which is gone\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                // Exits non-zero when no server runs on it any more (a stale postmaster.pid): the folder goes all the same.
                process(bin, runAs, List.of("pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start().waitFor(60, TimeUnit.SECONDS);
            }
            if (claimed.equals(base)) {
                Files.deleteIfExists(base.resolve(ClusterOwner.FILE));
            } else {
                deleteTree(claimed);
            }
        }
    }

    /** Debian's package keeps the server's programs in /usr/lib/postgresql/VERSION/bin, off the PATH; the newest wins. */
    private static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("LEADBOT_PG_BIN")).map(Path::of).ifPresent(candidates::add);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin")).sorted(Comparator.comparing(PostgresServer::version).reversed()).forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir));
        }
        return candidates.stream().filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("postgres")))
                .findFirst().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed, and the store's tests run against"
                        + " a real server: install it (Debian/Ubuntu: apt-get install -y postgresql; macOS: brew install postgresql),"
                        + " or set LEADBOT_PG_BIN to the folder holding its initdb and postgres"));
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void awaitReady(Path log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL stopped while starting (exit " + server.exitValue() + "); its log, " + log
                        + ", ends: " + tail(log));
            }
            try {
                connect().close();
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        server.destroy();
        throw new IllegalStateException("PostgreSQL did not accept connections within " + START_TIMEOUT.toSeconds() + " s ("
                + (last == null ? "" : last.getMessage()) + "); its log, " + log + ", ends: " + tail(log));
    }

    private void stop() {
        try {
            process(bin, runAs, List.of("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
                    .start().waitFor(30, TimeUnit.SECONDS);
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            if (runAs.isPresent()) {
                deleteTree(data.getParent());
            }
        } catch (IOException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Path bin, Optional<String> runAs, Path log, List<String> command) throws IOException, InterruptedException {
        Process process = process(bin, runAs, command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed; its output is in " + log + ", which ends: "
                    + tail(log));
        }
    }

    private static ProcessBuilder process(Path bin, Optional<String> runAs, List<String> command) {
        List<String> full = new ArrayList<>();
        runAs.ifPresent(user -> full.addAll(List.of("runuser", "-u", user, "--")));
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full);
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", "C");
        env.remove("PGDATA");
        // The cluster's user may not be allowed into the checkout: run from the root folder.
        return builder.directory(Path.of("/").toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
