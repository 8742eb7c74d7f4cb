package dev.leadbot.flow;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The rules for node ids, option ids and variable names, and the room Telegram leaves for them. */
final class Ids {

    static final String RULE = "may use only Latin letters, digits and '_', e.g. 'pain_goods'";
    static final String VARIABLE_RULE = "must start with a lowercase Latin letter and use only a-z, 0-9 and '_', e.g. 'contact_name'";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern VARIABLE = Pattern.compile("[a-z][a-z0-9_]*");

    private Ids() {
    }

    static boolean isValid(String id) {
        return ID.matcher(id).matches();
    }

    /** "; write 'just_looking'" for an id that only needs its odd characters replaced by '_', or nothing. */
    static String instead(String id) {
        String fixed = id.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return !fixed.isEmpty() && !fixed.equals(id) && id.chars().allMatch(c -> c < 0x80) ? "; write '" + fixed + "'" : "";
    }

    /** "; write 'contact_name'" for a variable that only needs lower case and '_' to be valid, or nothing. */
    static String insteadVariable(String name) {
        String fixed = name.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "").toLowerCase(java.util.Locale.ROOT);
        return isVariable(fixed) && !fixed.equals(name) && name.chars().allMatch(c -> c < 0x80) ? "; write '" + fixed + "'" : "";
    }

    static boolean isVariable(String name) {
        return VARIABLE.matcher(name).matches();
    }

    static int bytes(String id) {
        return id.getBytes(StandardCharsets.UTF_8).length;
    }
}
