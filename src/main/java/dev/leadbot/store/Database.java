package dev.leadbot.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a bot's state lives: an SQLite file (the embedded default), or a schema of a PostgreSQL
 * database shared by several bots and instances. Its text form, used in every message, never
 * shows a password. The settings read it from its text (config's DatabaseUrl).
 */
public sealed interface Database {

    /** The schema of the bot a settings file declares without {@code bots:}. */
    String DEFAULT_SCHEMA = "leadbot";

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
        /** PostgreSQL's own port, when a URL names none. */
        public static final int DEFAULT_PORT = 5432;

        public Postgres {
            parameters = Map.copyOf(parameters);
            if (!IDENTIFIER.matcher(schema).matches()) {
                throw new IllegalArgumentException("schema '" + schema + "': write lower-case letters, digits and '_', at most 63");
            }
        }

        /** The text with the password of any URL in it replaced by {@code ***}. */
        public static String masked(String text) {
            return text.replaceAll("(://[^:/@\\s]*:)[^@\\s]*@", "$1***@").replaceAll("(?i)(password=)[^&\\s]*", "$1***");
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
