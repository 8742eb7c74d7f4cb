package dev.leadbot.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a bot's state lives: an SQLite file (the embedded default), or a schema of a PostgreSQL
 * database shared by several bots and instances. Its text form, used in every message, never
 * shows a password.
 */
public sealed interface Database {

    /** The schema of the bot a settings file declares without {@code bots:}. */
    String DEFAULT_SCHEMA = "leadbot";

    /**
     * What {@code LEADBOT_DB}, {@code db:} or {@code --db} says: a {@code postgresql://} (or
     * {@code postgres://}) URL, else the path of an SQLite file.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write, the password masked
     */
    static Database parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
            return Postgres.parse(text);
        }
        if (lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + Postgres.masked(text) + "' is a JDBC URL; write the database as"
                    + " postgresql://user:password@host:5432/database, or the path of an SQLite file");
        }
        return new SqliteFile(Path.of(text));
    }

    /**
     * The place of the bot named {@code bot} beside this one: on PostgreSQL its own schema
     * ({@code bot_NAME}) of the same database, with SQLite a file of the same name in a folder of its own
     * ({@code data/NAME/leadbot.db} beside {@code data/leadbot.db}).
     *
     * @throws IllegalArgumentException when the name cannot name a schema or a file
     */
    Database forBot(String bot);

    /** The database file of one bot: locked against a second instance, upgraded in place. */
    record SqliteFile(Path file) implements Database {

        @Override
        public Database forBot(String bot) {
            return new SqliteFile(file.resolveSibling(Postgres.checkedBotName(bot)).resolve(file.getFileName()));
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /**
     * One bot's schema in a PostgreSQL database.
     *
     * @param parameters the URL's query, passed to the driver as it is (sslmode=require, …)
     */
    record Postgres(String host, int port, String database, String user, Optional<String> password, Map<String, String> parameters,
            String schema) implements Database {

        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
        private static final Pattern BOT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
        static final int DEFAULT_PORT = 5432;

        public Postgres {
            parameters = Map.copyOf(parameters);
            if (!IDENTIFIER.matcher(schema).matches()) {
                throw new IllegalArgumentException("schema '" + schema + "': write lower-case letters, digits and '_', at most 63");
            }
        }

        static Postgres parse(String text) {
            String usage = "; write postgresql://user:password@host:5432/database";
            int scheme = text.indexOf("://");
            if (scheme < 0) {
                throw new IllegalArgumentException("'" + masked(text) + "' is not a PostgreSQL URL" + usage);
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
            int port = DEFAULT_PORT;
            int portColon = hostPort.lastIndexOf(':');
            if (portColon >= 0 && !hostPort.endsWith("]")) {
                host = hostPort.substring(0, portColon);
                try {
                    port = Integer.parseInt(hostPort.substring(portColon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("'" + masked(text) + "' has port '" + hostPort.substring(portColon + 1)
                            + "'; write a number from 1 to 65535 (PostgreSQL's is 5432)");
                }
            }
            if (host.isEmpty() || user.isEmpty() || path.isEmpty()) {
                throw new IllegalArgumentException("'" + masked(text) + "' lacks the " + (host.isEmpty() ? "host" : user.isEmpty() ? "user"
                        : "database name") + usage);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                    if (key.equals("user") || key.equals("password")) {
                        throw new IllegalArgumentException("'" + masked(text) + "' has " + key + "= in its query; write it before the '@'"
                                + usage);
                    }
                    parameters.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
            return new Postgres(host, port, decode(path), user, password, parameters, DEFAULT_SCHEMA);
        }

        /** The text with the password of any URL in it replaced by {@code ***}. */
        static String masked(String text) {
            return text.replaceAll("(://[^:/@\\s]*:)[^@\\s]*@", "$1***@").replaceAll("(?i)(password=)[^&\\s]*", "$1***");
        }

        private static String decode(String part) {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        static String checkedBotName(String bot) {
            if (!BOT_NAME.matcher(bot).matches()) {
                throw new IllegalArgumentException("bot name '" + bot + "': write lower-case letters, digits, '-' and '_', starting with a"
                        + " letter or digit, at most 40");
            }
            return bot;
        }

        @Override
        public Database forBot(String bot) {
            return new Postgres(host, port, database, user, password, parameters, "bot_" + checkedBotName(bot).replace('-', '_'));
        }

        /** The same database, another schema (the one shared by every bot, or a test's own). */
        public Postgres inSchema(String other) {
            return new Postgres(host, port, database, user, password, parameters, other);
        }

        /** The driver's URL: no user or password in it (they go as properties, never into a message). */
        String jdbcUrl() {
            StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host.contains(":") && !host.startsWith("[")
                    ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
            String separator = "?";
            for (Map.Entry<String, String> parameter : new java.util.TreeMap<>(parameters).entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = "&";
            }
            return url.toString();
        }

        /** A message of the driver or the pool with this database's password masked, should one ever repeat it. */
        String hide(String message) {
            String safe = masked(String.valueOf(message));
            return password.filter(p -> !p.isEmpty()).map(p -> safe.replace(p, "***")).orElse(safe);
        }

        @Override
        public String toString() {
            return "postgresql://" + user + password.map(p -> ":***").orElse("") + "@" + host + ":" + port + "/" + database
                    + " (schema " + schema + ")";
        }
    }
}
