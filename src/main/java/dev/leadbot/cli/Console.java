package dev.leadbot.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Clock;

/** What a command talks to: the terminal's streams and the clock, replaceable in tests. */
record Console(BufferedReader in, PrintWriter out, PrintWriter err, Clock clock) {
}
