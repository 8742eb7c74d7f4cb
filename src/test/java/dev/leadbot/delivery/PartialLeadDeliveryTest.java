package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Action;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreKind;
import dev.leadbot.testing.Flows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole conversations of the customer's flow on a fixed clock, each step committed to the store (SQLite, then
 * PostgreSQL) as the bot
 * commits it (the conversation with the leads it made, one delivery per sink), then delivered by the
 * delivery workers: a conversation abandoned past the partial-lead point is one partial lead that every
 * sink receives once, across a restart and a second abandonment; its later completion names it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class PartialLeadDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> SINKS = List.of("owner-telegram:1000", "leads-file", "amo");
    private static final ConversationEngine ENGINE = new ConversationEngine(Flows.qualification());

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private Database database;

    @BeforeEach
    void place() {
        database = kind.database(dir, "partial_leads");
    }

    private final List<RecordingSink> sinks = SINKS.stream().map(RecordingSink::new).toList();
    private Instant now = T0;

    private Store open() throws Exception {
        return Store.open(database, Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** One prospect's chat, each input committed as the bot commits an update: the new state and the leads it made, together. */
    private final class Chat {
        private final Prospect prospect;
        private int step;
        private String node = "";

        Chat(long id) {
            this.prospect = new Prospect(id, id, Optional.empty(), "Пётр", Optional.empty(), "ru");
        }

        Chat send(Store store, Input input) throws Exception {
            Transition transition = ENGINE.handle(store.conversations().conversation(prospect.chatId()), prospect, input, now);
            now = now.plus(Duration.ofSeconds(5));
            for (Output output : transition.outputs()) {
                if (output instanceof Output.Ask ask) {
                    step = ask.step();
                    node = ask.node();
                }
            }
            store.commit("qualification", AbandonmentRun.batch(prospect.chatId(), transition, SINKS));
            return this;
        }

        Chat choose(Store store, String... options) throws Exception {
            for (String option : options) {
                send(store, new Input.Press(step, node, new Action.Pick(option)));
            }
            return this;
        }

        Chat type(Store store, String text) throws Exception {
            return send(store, new Input.Typed(text));
        }

        /** An owner who agreed and gave a name: past the point. */
        Chat pastThePoint(Store store) throws Exception {
            return send(store, new Input.Start(Optional.of("vk_ads"))).choose(store, "owner", "goods", "orders", "agree")
                    .type(store, "Пётр");
        }

        Chat abandon(Store store) throws Exception {
            return send(store, new Input.Abandoned());
        }

        Conversation state(Store store) throws Exception {
            return store.conversations().conversation(prospect.chatId()).orElseThrow();
        }
    }

    private void deliver(Store store) throws Exception {
        for (RecordingSink sink : sinks) {
            try (DeliveryWorker worker = new DeliveryWorker(store.deliveries(), sink, new RetrySchedule(() -> 0.5), Clock.fixed(T0, ZoneOffset.UTC),
                    alert -> { throw new AssertionError(alert); })) {
                while (worker.runOnce(now) > 0) {
                    // until nothing is due
                }
            }
        }
    }

    @Test
    void aConversationAbandonedPastThePointIsOnePartialLeadEverySinkReceivesOnceAcrossARestartAndASecondAbandonment()
            throws Exception {
        Chat chat = new Chat(42);
        try (Store store = open()) {
            chat.pastThePoint(store).abandon(store);
            deliver(store);
        }
        try (Store restarted = open()) {
            chat.abandon(restarted);
            deliver(restarted);

            List<Lead> stored = restarted.leads().completedSince(Instant.EPOCH);
            assertEquals(1, stored.size());
            assertTrue(stored.get(0).partial());
            assertEquals("channel", stored.get(0).stoppedAt().orElseThrow().node());
            assertEquals(Optional.of(stored.get(0).id()), chat.state(restarted).partialLead());
        }
        for (RecordingSink sink : sinks) {
            assertEquals(1, sink.received().size(), sink.name());
            assertTrue(sink.received().get(0).partial(), sink.name());
        }
    }

    @Test
    void aProspectWhoComesBackAndFinishesIsDeliveredTheCompleteLeadNamingThePartialOne() throws Exception {
        Chat chat = new Chat(43);
        try (Store store = open()) {
            chat.pastThePoint(store).abandon(store);
            deliver(store);
        }
        try (Store restarted = open()) {
            chat.choose(restarted, "telegram", "morning");
            deliver(restarted);
        }
        for (RecordingSink sink : sinks) {
            assertEquals(2, sink.received().size(), sink.name());
            Lead partial = sink.received().get(0);
            Lead complete = sink.received().get(1);
            assertTrue(partial.partial());
            assertTrue(!complete.partial());
            assertEquals(Optional.of(partial.id()), complete.completes(), sink.name());
        }
    }

    @Test
    void aConversationAbandonedBeforeThePointOrAfterDecliningLeavesNothingForAnySink() throws Exception {
        try (Store store = open()) {
            new Chat(44).send(store, new Input.Start(Optional.empty())).choose(store, "owner", "goods", "orders", "agree").abandon(store);
            new Chat(45).send(store, new Input.Start(Optional.empty())).choose(store, "owner", "goods", "orders").abandon(store);
            Chat declined = new Chat(46).send(store, new Input.Start(Optional.empty())).choose(store, "owner", "goods", "orders", "decline");
            declined.abandon(store);
            deliver(store);

            assertEquals(List.of(), store.leads().completedSince(Instant.EPOCH));
        }
        for (RecordingSink sink : sinks) {
            assertEquals(List.of(), sink.received(), sink.name());
        }
    }
}
