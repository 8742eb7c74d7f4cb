package dev.leadbot.delivery;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A seeded run of many interleaved conversations of the customer's flow on a fixed clock, each step
 * committed to one store as the bot commits it: some go silent past the partial-lead point, some before
 * it, some decline consent, some come back and finish, some finish straight away. Along the way the
 * service restarts (the store is closed and opened again), some abandonments are lost to a crash before
 * their commit and handled again, and some are fed in twice. Then every sink is delivered to, and the
 * outcome is counted against what each conversation did. {@link PartialLeadRunTest} asserts it;
 * {@code main} prints it for BENCHMARKS.md:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.delivery.AbandonmentRun -Dexec.args=1000}.
 */
public final class AbandonmentRun {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> SINKS = List.of("owner-telegram:1000", "leads-file", "amo");
    private static final ConversationEngine ENGINE = new ConversationEngine(Flows.qualification());

    /** What a conversation does. */
    enum Script {
        /** Agrees, gives a name, goes silent: one partial lead. */
        SILENT_PAST_THE_POINT,
        /** Goes silent at the consent question: nothing. */
        SILENT_BEFORE_THE_POINT,
        /** Agrees, goes silent before giving a name: nothing. */
        SILENT_AFTER_CONSENT,
        /** Declines consent: nothing, not even after a silence. */
        DECLINED,
        /** Agrees, goes silent before the name, comes back, gives it and goes silent again: one partial lead. */
        SILENT_BEFORE_THEN_PAST,
        /** Gives a name, goes silent, comes back and finishes: the partial lead, then the complete one naming it. */
        SILENT_THEN_FINISHED,
        /** Finishes without a pause: one complete lead. */
        FINISHED
    }

    /** What came of the run. */
    record Result(int conversations, Map<Script, Integer> scripts, int restarts, int crashedAbandonments, int repeatedAbandonments,
            int expectedPartials, int partialsOnce, int partialsMissing, int partialsDoubled, int partialsUnexpected,
            int deliveriesPerSinkWrong, int completionsNamingTheirPartial, int completionsExpected, int leadsWithoutConsent,
            Duration took) {

        /** Abandoned conversations past the point that became exactly one partial lead, delivered once to every sink. */
        double share() {
            return expectedPartials == 0 ? 100 : 100.0 * partialsOnce / expectedPartials;
        }

        boolean perfect() {
            return partialsOnce == expectedPartials && partialsMissing == 0 && partialsDoubled == 0 && partialsUnexpected == 0
                    && deliveriesPerSinkWrong == 0 && completionsNamingTheirPartial == completionsExpected && leadsWithoutConsent == 0;
        }

        @Override
        public String toString() {
            return String.format("%d conversations (%s); %d restarts, %d abandonments lost to a crash before their commit and handled"
                    + " again, %d fed in twice%n%d abandoned past the point: %d became exactly one partial lead delivered once to each"
                    + " of %d sinks (%.1f %%); missing %d, doubled %d, unexpected %d, wrong delivery counts %d%n"
                    + "%d of %d later completions name their partial lead; leads without consent: %d; %d ms",
                    conversations, scripts.entrySet().stream().map(e -> e.getKey().name().toLowerCase() + " " + e.getValue())
                            .collect(Collectors.joining(", ")), restarts, crashedAbandonments, repeatedAbandonments, expectedPartials,
                    partialsOnce, SINKS.size(), share(), partialsMissing, partialsDoubled, partialsUnexpected, deliveriesPerSinkWrong,
                    completionsNamingTheirPartial, completionsExpected, leadsWithoutConsent, took.toMillis());
        }
    }

    /** One step a conversation takes. */
    private sealed interface Step {
        record Send(Input input) implements Step {
        }

        record Pick(String option) implements Step {
        }

        record Abandon() implements Step {
        }
    }

    private final Database database;
    private final Random random;
    private Store store;
    private Instant now = T0;
    private int restarts;
    private int crashed;
    private int repeated;

    private AbandonmentRun(Database database, long seed) {
        this.database = database;
        this.random = new Random(seed);
    }

    /** @param database an empty place for the run's store: a SQLite file, or a PostgreSQL schema */
    static Result run(int conversations, long seed, Database database) throws StoreException {
        return new AbandonmentRun(database, seed).run(conversations);
    }

    private Result run(int conversations) throws StoreException {
        long started = System.nanoTime();
        store = Store.open(database, Clock.fixed(T0, ZoneOffset.UTC));
        Map<Long, Script> scripts = new HashMap<>();
        Map<Long, Deque<Step>> steps = new HashMap<>();
        List<Long> open = new ArrayList<>();
        Script[] kinds = Script.values();
        for (int i = 0; i < conversations; i++) {
            long chat = 10_000 + i;
            Script script = kinds[random.nextInt(kinds.length)];
            scripts.put(chat, script);
            steps.put(chat, steps(script));
            open.add(chat);
        }
        // Conversations interleave as prospects do; a restart lands in the middle of many of them.
        while (!open.isEmpty()) {
            int at = random.nextInt(open.size());
            long chat = open.get(at);
            Step step = steps.get(chat).poll();
            take(chat, step);
            if (step instanceof Step.Abandon && random.nextInt(4) == 0) {
                repeated++;
                steps.get(chat).addFirst(new Step.Abandon());
            }
            if (steps.get(chat).isEmpty()) {
                open.remove(at);
            }
            if (random.nextInt(60) == 0) {
                restart();
            }
        }
        restart();
        List<RecordingSink> sinks = SINKS.stream().map(RecordingSink::new).toList();
        for (RecordingSink sink : sinks) {
            try (DeliveryWorker worker = new DeliveryWorker(store.deliveries(), sink, new RetrySchedule(() -> 0.5), Clock.fixed(T0, ZoneOffset.UTC),
                    alert -> { throw new IllegalStateException(alert); })) {
                while (worker.runOnce(now) > 0) {
                    // until nothing is due
                }
            }
        }
        Result result = count(scripts, store.leads().completedSince(Instant.EPOCH), sinks, Duration.ofNanos(System.nanoTime() - started));
        store.close();
        return result;
    }

    private static Deque<Step> steps(Script script) {
        Deque<Step> steps = new ArrayDeque<>();
        steps.add(new Step.Send(new Input.Start(Optional.of("vk_ads"))));
        List.of("owner", "goods", "orders").forEach(o -> steps.add(new Step.Pick(o)));
        switch (script) {
            case SILENT_PAST_THE_POINT -> {
                steps.add(new Step.Pick("agree"));
                steps.add(new Step.Send(new Input.Typed("Пётр")));
                steps.add(new Step.Abandon());
            }
            case SILENT_BEFORE_THE_POINT -> steps.add(new Step.Abandon());
            case SILENT_AFTER_CONSENT -> {
                steps.add(new Step.Pick("agree"));
                steps.add(new Step.Abandon());
            }
            case SILENT_BEFORE_THEN_PAST -> {
                steps.add(new Step.Pick("agree"));
                steps.add(new Step.Abandon());
                steps.add(new Step.Send(new Input.Typed("Пётр")));
                steps.add(new Step.Abandon());
            }
            case DECLINED -> {
                steps.add(new Step.Pick("decline"));
                steps.add(new Step.Abandon());
            }
            case SILENT_THEN_FINISHED -> {
                steps.add(new Step.Pick("agree"));
                steps.add(new Step.Send(new Input.Typed("Пётр")));
                steps.add(new Step.Abandon());
                steps.add(new Step.Pick("telegram"));
                steps.add(new Step.Pick("morning"));
            }
            case FINISHED -> {
                steps.add(new Step.Pick("agree"));
                steps.add(new Step.Send(new Input.Typed("Пётр")));
                steps.add(new Step.Pick("telegram"));
                steps.add(new Step.Pick("morning"));
            }
        }
        return steps;
    }

    /** One step, committed; an abandonment may be lost to a crash before its commit, then handled again after the restart. */
    private void take(long chat, Step step) throws StoreException {
        Prospect prospect = new Prospect(chat, chat, Optional.empty(), "Пётр", Optional.empty(), "ru");
        Optional<Conversation> saved = store.conversations().conversation(chat);
        Input input;
        if (step instanceof Step.Send send) {
            input = send.input();
        } else if (step instanceof Step.Pick pick) {
            input = new Input.Press(saved.orElseThrow().step(), saved.orElseThrow().node(), new Action.Pick(pick.option()));
        } else {
            input = new Input.Abandoned();
        }
        now = now.plus(Duration.ofSeconds(5));
        Batch batch = batch(chat, ENGINE.handle(saved, prospect, input, now), SINKS);
        if (step instanceof Step.Abandon && random.nextInt(5) == 0) {
            crashed++;
            restart(); // the batch dies with the process: the schedule fires again after the start
            take(chat, step);
            return;
        }
        store.commit("qualification", batch);
    }

    /**
     * What the bot commits for one step of a chat: its new conversation (none after a declined consent) with the
     * leads the step made, complete or partial, each to be delivered to {@code sinks}.
     */
    static Batch batch(long chat, Transition transition, List<String> sinks) {
        Batch batch = new Batch(sinks);
        if (transition.outputs().stream().anyMatch(Output.Declined.class::isInstance)) {
            batch.remove(chat);
        } else {
            batch.put(chat, transition.state());
        }
        for (Output output : transition.outputs()) {
            if (output instanceof Output.Completed done) {
                batch.completed(done.lead());
            } else if (output instanceof Output.Partial partial) {
                batch.completed(partial.lead());
            }
        }
        return batch;
    }

    private void restart() throws StoreException {
        restarts++;
        store.close();
        store = Store.open(database, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private Result count(Map<Long, Script> scripts, List<Lead> leads, List<RecordingSink> sinks, Duration took) {
        Map<Long, List<Lead>> partials = leads.stream().filter(Lead::partial).collect(Collectors.groupingBy(l -> l.prospect().chatId()));
        Map<Long, List<Lead>> complete = leads.stream().filter(l -> !l.partial()).collect(Collectors.groupingBy(l -> l.prospect().chatId()));
        Map<Script, Integer> kinds = new java.util.EnumMap<>(Script.class);
        int expected = 0;
        int once = 0;
        int missing = 0;
        int doubled = 0;
        int unexpected = 0;
        int wrongDeliveries = 0;
        int naming = 0;
        int completions = 0;
        int withoutConsent = 0;
        for (Map.Entry<Long, Script> entry : scripts.entrySet()) {
            Script script = entry.getValue();
            kinds.merge(script, 1, Integer::sum);
            List<Lead> made = partials.getOrDefault(entry.getKey(), List.of());
            boolean worth = script == Script.SILENT_PAST_THE_POINT || script == Script.SILENT_THEN_FINISHED
                    || script == Script.SILENT_BEFORE_THEN_PAST;
            if (worth) {
                expected++;
                if (made.isEmpty()) {
                    missing++;
                } else if (made.size() > 1) {
                    doubled++;
                } else if (sinks.stream().allMatch(s -> s.times().getOrDefault(made.get(0).id(), 0L) == 1)) {
                    once++;
                } else {
                    wrongDeliveries++;
                }
            } else if (!made.isEmpty()) {
                unexpected++;
            }
            List<Lead> finished = complete.getOrDefault(entry.getKey(), List.of());
            if (script == Script.SILENT_THEN_FINISHED) {
                completions++;
                if (finished.size() == 1 && made.size() == 1 && finished.get(0).completes().equals(Optional.of(made.get(0).id()))) {
                    naming++;
                }
            }
            if (script == Script.DECLINED && !(made.isEmpty() && finished.isEmpty())) {
                withoutConsent++;
            }
        }
        return new Result(scripts.size(), kinds, restarts, crashed, repeated, expected, once, missing, doubled, unexpected, wrongDeliveries,
                naming, completions, withoutConsent, took);
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("leadbot-abandonments");
        // -Dleadbot.store=postgresql: the store in PostgreSQL (a server of the benchmark's own, fsync on) instead of a file.
        Optional<PostgresServer> postgres = PostgresServer.forBenchmark();
        try {
            Result result = run(conversations, 20261122L, postgres.<Database>map(server -> server.database().inSchema("abandonments"))
                    .orElse(new Database.SqliteFile(dir.resolve("abandonments.db"))));
            System.out.println(result);
            if (!result.perfect()) {
                System.exit(1);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
