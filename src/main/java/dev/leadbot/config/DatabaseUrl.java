package dev.leadbot.config;

import dev.leadbot.store.Database;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code LEADBOT_DB}, {@code db:} or {@code --db} says: a {@code postgresql://} (or {@code postgres://}) URL, else
 * the path of an SQLite file. A wrong one is reported with what to write, its password masked.
 */
public final class DatabaseUrl {

    private static final String USAGE = "write postgresql://user:password@host:5432/database";

    /** What is wrong with a database's text, and what to write instead. */
    private record Mistake(String what, String fix) {
    }

    private DatabaseUrl() {
    }

    /**
     * The database {@code text} names, for options and tools.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write, the password masked
     */
    public static Database parse(String text) {
        return parse(text, mistake -> {
            throw new IllegalArgumentException(mistake.what() + "; " + mistake.fix());
        }).orElseThrow();
    }

    /** The database {@code setting} names, or empty after adding what is wrong with it to {@code found}, at its line. */
    static Optional<Database> read(Setting setting, List<SettingsProblem> found) {
        return parse(setting.text(), mistake -> found.add(setting.problem(": " + mistake.what(), mistake.fix())));
    }

    /** The database {@code setting} names, or empty when it is wrong (reported by {@link #read}). */
    static Optional<Database> valid(Setting setting) {
        return parse(setting.text(), mistake -> { });
    }

    private static Optional<Database> parse(String text, Consumer<Mistake> wrong) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
            return postgres(text, wrong);
        }
        if (lower.startsWith("jdbc:")) {
            wrong.accept(new Mistake("'" + Database.Postgres.masked(text) + "' is a JDBC URL", "write the database as"
                    + " postgresql://user:password@host:5432/database, or the path of an SQLite file"));
            return Optional.empty();
        }
        return Optional.of(new Database.SqliteFile(Path.of(text)));
    }

    private static Optional<Database> postgres(String text, Consumer<Mistake> wrong) {
        String shown = "'" + Database.Postgres.masked(text) + "'";
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            wrong.accept(new Mistake(shown + " is not a PostgreSQL URL", USAGE));
            return Optional.empty();
        }
        String rest = text.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        Optional<String> password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        String query = "";
        int question = path.indexOf('?');
        if (question >= 0) {
            query = path.substring(question + 1);
            path = path.substring(0, question);
        }
        String host = hostPort;
        int port = Database.Postgres.DEFAULT_PORT;
        int portColon = hostPort.lastIndexOf(':');
        if (portColon >= 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, portColon);
            try {
                port = Integer.parseInt(hostPort.substring(portColon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                wrong.accept(new Mistake(shown + " has port '" + hostPort.substring(portColon + 1) + "'",
                        "write a number from 1 to 65535 (PostgreSQL's is 5432)"));
                return Optional.empty();
            }
        }
        if (host.isEmpty() || user.isEmpty() || path.isEmpty()) {
            wrong.accept(new Mistake(shown + " lacks the " + (host.isEmpty() ? "host" : user.isEmpty() ? "user" : "database name"), USAGE));
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (key.equals("user") || key.equals("password")) {
                    wrong.accept(new Mistake(shown + " has " + key + "= in its query", "write it before the '@'; " + USAGE));
                    return Optional.empty();
                }
                parameters.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.of(new Database.Postgres(host, port, decode(path), user, password, parameters, Database.DEFAULT_SCHEMA));
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
