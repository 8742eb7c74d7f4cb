package dev.leadbot.telegram;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Input;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The callback_data of an inline button: {@code step:node:action[:option]}, at most 64 bytes.
 * Decoding is strict because anyone can send any callback data: whatever does not parse is
 * refused, and the engine then checks the step, node and option against the conversation.
 */
final class ButtonData {

    static final int MAX_BYTES = 64;
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,10}):([A-Za-z0-9_]+):([ptdbrnfk])(?::([A-Za-z0-9_]+))?");

    private ButtonData() {
    }

    static String encode(int step, String node, Action action) {
        String data = step + ":" + node + ":" + code(action);
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // The flow validator keeps node and option ids within budget, so this is a programming error.
            throw new IllegalStateException("button data over " + MAX_BYTES + " bytes for node " + node);
        }
        return data;
    }

    /** The press this data stands for, or empty when it is malformed or too long. */
    static Optional<Input.Press> decode(String data) {
        if (data == null || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        long step = Long.parseLong(m.group(1));
        String option = m.group(4);
        Optional<Action> action = switch (m.group(3)) {
            case "p" -> Optional.ofNullable(option).map(Action.Pick::new);
            case "t" -> Optional.ofNullable(option).map(Action.Toggle::new);
            case "d" -> option == null ? Optional.of(new Action.Done()) : Optional.empty();
            case "b" -> option == null ? Optional.of(new Action.GoBack()) : Optional.empty();
            case "r" -> option == null ? Optional.of(new Action.Resume()) : Optional.empty();
            case "n" -> option == null ? Optional.of(new Action.StartOver()) : Optional.empty();
            case "f" -> option == null ? Optional.of(new Action.ConfirmForget()) : Optional.empty();
            default -> option == null ? Optional.of(new Action.KeepData()) : Optional.empty();
        };
        return step > Integer.MAX_VALUE ? Optional.empty() : action.map(a -> new Input.Press((int) step, m.group(2), a));
    }

    private static String code(Action action) {
        if (action instanceof Action.Pick pick) {
            return "p:" + pick.option();
        }
        if (action instanceof Action.Toggle toggle) {
            return "t:" + toggle.option();
        }
        if (action instanceof Action.Done) {
            return "d";
        }
        if (action instanceof Action.GoBack) {
            return "b";
        }
        if (action instanceof Action.Resume) {
            return "r";
        }
        if (action instanceof Action.StartOver) {
            return "n";
        }
        if (action instanceof Action.ConfirmForget) {
            return "f";
        }
        if (action instanceof Action.KeepData) {
            return "k";
        }
        // Java 17 cannot switch over a sealed type exhaustively; a new action must get its own letter here.
        throw new IllegalArgumentException("no button code for " + action);
    }
}
