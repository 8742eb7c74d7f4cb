package dev.leadbot.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the prospect, gathered from the answers the flow's {@code summary} section names.
 */
public record Contact(
        Optional<String> name,
        Optional<String> phone,
        Optional<String> email,
        Optional<String> username) {

    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
    }
}
