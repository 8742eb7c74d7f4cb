package dev.leadbot.routing;

/** One update as received from the chat platform: its id at once, what it says only when read (a redelivery never is). */
public interface Received {

    int updateId();

    /** Reads the update; throws when it cannot be read (then it is logged and skipped). */
    Incoming read();
}
