package dev.leadbot.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in a setting is replaced by the environment variable NAME, so tokens stay out of
 * {@code leadbot.yaml}. A variable that is not set is reported by name; its value never is.
 */
final class SecretReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private SecretReferences() {
    }

    /** The setting with every reference filled in, or empty when one is not set (the problem is added, at the setting's line). */
    static Optional<Setting> expand(Setting setting, Map<String, String> env, List<SettingsProblem> problems) {
        Matcher m = REFERENCE.matcher(setting.text());
        StringBuilder out = new StringBuilder();
        boolean missing = false;
        while (m.find()) {
            String set = env.get(m.group(1));
            if (set == null || set.isBlank()) {
                problems.add(setting.problem(": ${" + m.group(1) + "} is not set in the environment", "export " + m.group(1)
                        + "=… before starting leadbot"));
                missing = true;
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(set));
        }
        m.appendTail(out);
        return missing ? Optional.empty() : Optional.of(new Setting(out.toString(), setting.place(), setting.name()));
    }
}
