package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkFixtures;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Database;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.testing.PostgresServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A worker whose run failed on the database part-way (PostgreSQL ended the session while a CRM took a lead) leaves the
 * leads of that run claimed; its next run gives them back and delivers them, rather than waiting for the claims to run out.
 */
class LostSessionDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void theNextRunAfterARunThatLostTheDatabaseDeliversTheLeadsItHadClaimed() throws Exception {
        Database.Postgres database = PostgresServer.freshDatabase("lost_session_delivery");
        List<String> received = new ArrayList<>();
        LeadSink crm = new LeadSink() {
            @Override
            public String name() {
                return "crm";
            }

            @Override
            public Delivery deliver(Lead lead, int attempt) {
                if (received.isEmpty()) {
                    try {
                        PostgresServer.endSessionsHolding(database); // the server restarts while the CRM takes the first lead
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                received.add(lead.id() + " #" + attempt);
                return new Delivery.Delivered(Optional.empty());
            }
        };
        try (Store store = Store.open(database, CLOCK)) {
            Batch batch = new Batch(List.of("crm"));
            batch.completed(SinkFixtures.lead(1));
            batch.completed(SinkFixtures.lead(2));
            store.commit("qualification", batch);
            DeliveryWorker worker = new DeliveryWorker(store.deliveries(), crm, CLOCK, alert -> { });

            StoreException lost = assertThrows(StoreException.class, () -> worker.runOnce(T0));
            assertTrue(lost.getMessage().startsWith("cannot record the delivery of lead " + SinkFixtures.lead(1).id() + " to crm in "),
                    lost.getMessage());
            assertEquals(2, worker.runOnce(T0));
            worker.close();

            // The first lead reached the CRM but could not be recorded: it goes again (at least once), then never more.
            assertEquals(List.of(SinkFixtures.lead(1).id() + " #1", SinkFixtures.lead(1).id() + " #2", SinkFixtures.lead(2).id() + " #1"),
                    received);
            assertEquals(Optional.empty(), store.deliveries().nextDue("crm"));
        }
    }
}
