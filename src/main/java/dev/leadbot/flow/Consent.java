package dev.leadbot.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The prospect's answer to a consent question: an option marked {@code consent: given} or
 * {@code consent: declined}. Contact details may be asked only after {@link #GIVEN}; after
 * {@link #DECLINED} the conversation ends without a lead and nothing that identifies the person
 * is kept or delivered.
 */
public enum Consent {
    GIVEN,
    DECLINED;

    /** How the flow file writes it. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(Consent::yamlName).toList();
    }
}
