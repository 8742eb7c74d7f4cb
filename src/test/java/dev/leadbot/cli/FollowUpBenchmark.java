package dev.leadbot.cli;

import dev.leadbot.telegram.fake.BotMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reminders of N silent prospects from the packaged bot, killed with SIGKILL while the first reminders are committed
 * but not yet sent (see {@link FollowUpJarRun}): how many arrive, how many twice or never, and how far from its moment
 * each arrives. Run after {@code mvn package}:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.cli.FollowUpBenchmark -Dexec.args=N}.
 */
public final class FollowUpBenchmark {

    public static void main(String[] args) throws Exception {
        int prospects = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean kill = args.length < 2 || !args[1].equals("nokill");
        FollowUpJarRun.Outcome outcome = FollowUpJarRun.run(Files.createTempDirectory("leadbot-follow-ups"), prospects, kill);
        int twice = 0;
        int lost = 0;
        int received = 0;
        for (List<BotMessage> chat : outcome.sent()) {
            for (String reminder : List.of(FollowUpJarRun.FIRST, FollowUpJarRun.SECOND)) {
                long copies = chat.stream().filter(m -> m.text().contains(reminder)).count();
                received += (int) copies;
                twice += copies > 1 ? 1 : 0;
                lost += copies == 0 ? 1 : 0;
            }
        }
        System.out.printf("%d prospects, %s: %d reminders expected, %d received, %d twice, %d never%n", prospects,
                kill ? "killed with the first reminders committed, not sent" : "no kill", 2 * prospects, received, twice, lost);
        System.out.printf("on a running bot, arrival after the moment: %s (%d reminders)%n", spread(outcome.deviations()),
                outcome.deviations().size());
        if (kill) {
            System.out.printf("held back by the kill, arrival after the second start: %s (%d reminders)%n", spread(outcome.afterRestart()),
                    outcome.afterRestart().size());
        }
    }

    private static String spread(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty() ? "none" : String.format("min %d ms, median %d ms, max %d ms", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}
