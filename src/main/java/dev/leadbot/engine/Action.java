package dev.leadbot.engine;

/** What a button does when pressed. */
public sealed interface Action {

    /** Picks an option of a choice. */
    record Pick(String option) implements Action {
    }

    /** Ticks or unticks an option of a checklist. */
    record Toggle(String option) implements Action {
    }

    /** Finishes a checklist. */
    record Done() implements Action {
    }

    /** Undoes the last answer. */
    record GoBack() implements Action {
    }

    /** After a second /start: continue where the prospect left off. */
    record Resume() implements Action {
    }

    /** After a second /start: drop the answers and begin again. */
    record StartOver() implements Action {
    }

    /** After /forget: yes, delete everything about me. */
    record ConfirmForget() implements Action {
    }

    /** After /forget: no, keep my answers. */
    record KeepData() implements Action {
    }
}
