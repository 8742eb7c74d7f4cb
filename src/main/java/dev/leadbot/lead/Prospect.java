package dev.leadbot.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * Who the prospect is, as their messenger describes them: ids, names and interface language.
 */
public record Prospect(
        long chatId,
        long userId,
        Optional<String> username,
        String firstName,
        Optional<String> lastName,
        String languageCode) {

    public Prospect {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(languageCode, "languageCode");
    }

    /** First and last name joined, as a person would write them. */
    public String fullName() {
        return lastName.map(last -> firstName + " " + last).orElse(firstName).strip();
    }
}
