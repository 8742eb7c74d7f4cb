package dev.leadbot.console;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An owner's button: a label and what pressing it does. Its callback data is {@code o:ACTION:LEAD_ID}
 * (at most 42 bytes, under Telegram's 64). Anyone can send any callback data, so decoding is
 * strict, and only an owner chat's press is ever acted on.
 */
public record ConsoleButton(String label, Press press) {

    /** The first characters that mark a console button's data; a prospect's buttons never start so. */
    public static final String PREFIX = "o:";
    private static final Pattern FORMAT = Pattern.compile("o:([a-z]):([A-Za-z0-9_-]{1,60})");

    /** What a press asks for. */
    public enum Action {
        /** Show the lead's full summary. */
        OPEN('l'),
        /** "🙋 Беру": the presser's manager takes the lead, unless someone was first. */
        TAKE('c'),
        /** "✅ Сделка": the taken lead became a deal. */
        WON('w'),
        /** "❌ Не лид": the taken lead was not a real one. */
        NOT_A_LEAD('x'),
        /** "💬 Написать": what the presser writes next goes to the lead's prospect. */
        WRITE('m'),
        /** "✖ Завершить": the conversation with the lead's prospect ends; their messages are answers to the flow again. */
        CLOSE('e');

        private final char code;

        Action(char code) {
            this.code = code;
        }
    }

    /** A press of a console button: an action on one lead. */
    public record Press(Action action, String leadId) {
        public String data() {
            return PREFIX + action.code + ":" + leadId;
        }
    }

    public String data() {
        return press.data();
    }

    /** Whether callback data is meant for the console (and so never for a prospect's conversation). */
    public static boolean isConsoleData(String data) {
        return data != null && data.startsWith(PREFIX);
    }

    /** The press this data stands for, or empty when it is malformed. */
    public static Optional<Press> decode(String data) {
        if (data == null || data.getBytes(StandardCharsets.UTF_8).length > 64) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Action action : Action.values()) {
            if (action.code == m.group(1).charAt(0)) {
                return Optional.of(new Press(action, m.group(2)));
            }
        }
        return Optional.empty();
    }
}
