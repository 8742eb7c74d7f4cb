package dev.leadbot.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** What a command talks to: the terminal's streams, the environment and the clock, replaceable in tests. */
record Console(BufferedReader in, PrintWriter out, PrintWriter err, Clock clock, Map<String, String> env) {
}
