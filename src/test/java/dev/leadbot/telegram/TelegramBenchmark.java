package dev.leadbot.telegram;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The whole service end to end through the fake Bot API over loopback HTTP: N prospects walk the
 * owner path together; measures updates handled per second and, per update, the time from its
 * arrival at the fake to the bot's reply reaching it. Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.telegram.TelegramBenchmark -Dexec.args=1000}.
 */
public final class TelegramBenchmark {

    public static void main(String[] args) throws Exception {
        int prospects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("leadbot-bench");
        // The limits are raised on both sides: this measures the bot, not Telegram's rate limits.
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER), 5000, 100)) {
            List<ProspectChat> chats = IntStream.range(0, prospects)
                    .mapToObj(i -> new ProspectChat(bot, bot.api.user(100_000 + i, "Klient"))).toList();
            List<Long> latencies = new ArrayList<>();
            long start = System.nanoTime();
            for (Lockstep.Step step : Lockstep.OWNER_VIA_TELEGRAM) {
                long stepStart = System.nanoTime();
                long[] acted = new long[chats.size()];
                for (int i = 0; i < chats.size(); i++) {
                    step.move().accept(chats.get(i));
                    acted[i] = System.nanoTime();
                }
                for (int i = 0; i < chats.size(); i++) {
                    BotMessage reply = chats.get(i).expect(step.expected());
                    latencies.add(reply.sentAtNanos() - acted[i]);
                }
                System.out.printf("step %-40s %6.0f ms%n", step.expected(), (System.nanoTime() - stepStart) / 1e6);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%d prospects, %d updates in %.1f s: %.0f updates/s%n", prospects, sorted.length, seconds, sorted.length / seconds);
            System.out.printf("update → reply: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
        }
    }
}
