package dev.leadbot.engine;

import dev.leadbot.flow.FlowLoader;
import dev.leadbot.lead.Prospect;
import dev.leadbot.testing.Flows;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How fast the pure core is on this machine: loading and validating the customer's flow, and
 * whole conversations through the engine (no I/O). Run: {@code mvn -q -B test-compile exec:java}.
 * Numbers go to BENCHMARKS.md.
 */
public final class EngineBenchmark {

    /** Owner path and expert path, as option ids and typed texts ("#" marks the done button). */
    private static final List<List<String>> SCRIPTS = List.of(
            List.of("owner", "goods", "orders", "agree", "=Пётр", "call", "=+7 916 123 45 67", "morning"),
            List.of("expert", "crm", "payments", "#", "=Бот для сети кофеен с баллами и оплатой", "agree", "=Иван", "telegram", "evening"));

    private long[] latencies = new long[0];
    private int recorded;

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long loadStart = System.nanoTime();
        int loads = 200;
        for (int i = 0; i < loads; i++) {
            FlowLoader.load(Path.of("flows/qualification.yaml"));
        }
        double loadMs = (System.nanoTime() - loadStart) / 1e6 / loads;

        EngineBenchmark bench = new EngineBenchmark();
        ConversationEngine engine = new ConversationEngine(Flows.qualification());
        bench.run(engine, conversations / 4);
        bench.latencies = new long[conversations * 11];
        bench.recorded = 0;
        long start = System.nanoTime();
        bench.run(engine, conversations);
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] sorted = Arrays.copyOf(bench.latencies, bench.recorded);
        Arrays.sort(sorted);
        System.out.printf("flow load + validation: %.2f ms per load (%d loads)%n", loadMs, loads);
        System.out.printf("conversations: %d in %.2f s = %,.0f conversations/s%n", conversations, seconds, conversations / seconds);
        System.out.printf("transitions: %,d = %,.0f transitions/s; per transition p50 %.1f µs, p99 %.1f µs, max %.1f µs%n",
                sorted.length, sorted.length / seconds, sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }

    private void run(ConversationEngine engine, int conversations) {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 0; i < conversations; i++) {
            Prospect prospect = new Prospect(i, i, Optional.empty(), "Anna", Optional.empty(), "ru");
            Transition t = timed(engine, Optional.empty(), prospect, new Input.Start(Optional.of("bench")), now);
            for (String move : SCRIPTS.get(i % SCRIPTS.size())) {
                Conversation state = t.state();
                Input input = move.startsWith("=") ? new Input.Typed(move.substring(1))
                        : new Input.Press(state.step(), state.node(), action(engine, state, move));
                t = timed(engine, Optional.of(state), prospect, input, now);
            }
            if (t.state().status() != Conversation.Status.COMPLETED) {
                throw new IllegalStateException("conversation " + i + " did not complete: " + t.state());
            }
        }
    }

    private static Action action(ConversationEngine engine, Conversation state, String move) {
        if (move.equals("#")) {
            return new Action.Done();
        }
        boolean checklist = engine.flow().node(state.node()).orElseThrow() instanceof dev.leadbot.flow.MultiSelectNode;
        return checklist ? new Action.Toggle(move) : new Action.Pick(move);
    }

    private Transition timed(ConversationEngine engine, Optional<Conversation> state, Prospect prospect, Input input, Instant now) {
        long start = System.nanoTime();
        Transition t = engine.handle(state, prospect, input, now);
        long took = System.nanoTime() - start;
        if (recorded < latencies.length) {
            latencies[recorded++] = took;
        }
        return t;
    }
}
