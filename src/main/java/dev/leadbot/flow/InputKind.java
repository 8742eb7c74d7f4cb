package dev.leadbot.flow;

import java.util.Locale;

/** What an input node accepts. */
public enum InputKind {
    /** Free text within a length range. */
    TEXT,
    /** A phone number, typed or shared from the prospect's Telegram contact. */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /** A number within an optional range. */
    NUMBER;

    /** The name an owner writes in a flow file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
