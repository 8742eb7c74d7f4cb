package dev.leadbot.cli;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Problems as a reader fixes them: those without a place first, then top to bottom through the file. */
final class ProblemOrder {

    private static final Pattern PLACE = Pattern.compile("^[^ ]*?:(\\d+):(\\d+): ");

    private ProblemOrder() {
    }

    static List<String> inFileOrder(List<String> problems) {
        return problems.stream().sorted(Comparator.comparingLong(ProblemOrder::place)).toList();
    }

    private static long place(String problem) {
        Matcher at = PLACE.matcher(problem);
        return at.find() ? Long.parseLong(at.group(1)) * 100_000 + Long.parseLong(at.group(2)) : -1;
    }
}
