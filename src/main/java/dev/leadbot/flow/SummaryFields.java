package dev.leadbot.flow;

import java.util.Optional;

/**
 * Which variables hold the prospect's contact details, so the owner summary and the CRM sinks
 * know where to find a name, a phone, an e-mail or a messenger username.
 */
public record SummaryFields(Optional<String> name, Optional<String> phone, Optional<String> email, Optional<String> username) {

    public static SummaryFields none() {
        return new SummaryFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
