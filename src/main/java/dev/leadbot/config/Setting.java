package dev.leadbot.config;

import java.util.Optional;

/**
 * One setting's value and where it came from: a variable of the environment, or a line of the settings file.
 *
 * @param name how a problem with it names it: {@code LEADBOT_OWNER_CHAT_IDS}, {@code owner_chat_ids}, or
 *             {@code owner_chat_ids of bot 'shop'}
 */
record Setting(String text, Optional<SettingsProblem.Place> place, String name) {

    /** A problem with this setting, at its line: {@code predicate} follows its name ({@code " has 'abc', …"}). */
    SettingsProblem problem(String predicate, String fix) {
        return new SettingsProblem(place, name + predicate, fix);
    }

    /** Whether it came from the environment variable {@code variable}. */
    boolean isVariable(String variable) {
        return place.isEmpty() && name.equals(variable);
    }
}
