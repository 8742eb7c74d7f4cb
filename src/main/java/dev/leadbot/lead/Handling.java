package dev.leadbot.lead;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the owner's team did with a lead: nobody yet, taken by a manager, or closed as a deal or as
 * not a lead. Kept beside the lead, never inside it: the lead is what the prospect said.
 *
 * @param manager who took it (their name in Telegram), once taken
 * @param since   when it reached this status; empty while new
 */
public record Handling(Status status, Optional<String> manager, Optional<Instant> since) {

    public enum Status {
        NEW("новый", "new"), TAKEN("в работе", "taken"), WON("сделка", "deal"), NOT_A_LEAD("не лид", "not a lead");

        private final String russian;
        private final String english;

        Status(String russian, String english) {
            this.russian = russian;
            this.english = english;
        }

        /** How owners read it: in lists, the CSV and the summaries. */
        public String russian() {
            return russian;
        }

        /** How the operator's command line shows it, in English like the rest of its tables. */
        public String english() {
            return english;
        }
    }

    public static final Handling NEW = new Handling(Status.NEW, Optional.empty(), Optional.empty());

    public Handling {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(since, "since");
    }
}
