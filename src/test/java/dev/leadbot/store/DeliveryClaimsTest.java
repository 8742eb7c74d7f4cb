package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.SinkFixtures;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Delivery workers claim what they deliver, on SQLite and on PostgreSQL: two connections claiming at once get disjoint
 * leads, a claim nobody settles runs out, and one left by a bot that stopped is given back when the bot's store opens.
 */
class DeliveryClaimsTest extends OnEachStore {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static List<String> storeLeads(Store store, int count) throws StoreException {
        Batch batch = new Batch(List.of("crm"));
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            batch.completed(SinkFixtures.lead(n));
            ids.add(SinkFixtures.lead(n).id());
        }
        store.commit("qualification", batch);
        return ids;
    }

    private static List<String> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    @Test
    void twoConnectionsClaimingAtTheSameMomentGetDisjointLeads() throws Exception {
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try (Store bot = Store.open(database, CLOCK); Store other = Store.openForTools(database, CLOCK)) {
            List<String> leads = storeLeads(bot, 4);
            Connection held = other.connection();
            held.setAutoCommit(false);
            // The other connection's claim is made and not yet committed: its rows are locked (SQLite: the whole file).
            List<String> first = ids(other.deliveries().claimDue("crm", NOW, 2));
            Future<List<String>> second = beside.submit(() -> ids(bot.deliveries().claimDue("crm", NOW, 10)));
            if (kind == StoreKind.POSTGRESQL) {
                // SKIP LOCKED: the claim passes over the locked rows at once rather than waiting for their transaction.
                assertEquals(leads.subList(2, 4), second.get(60, TimeUnit.SECONDS));
            }
            held.commit();
            held.setAutoCommit(true);

            assertEquals(leads.subList(0, 2), first);
            assertEquals(leads.subList(2, 4), second.get(60, TimeUnit.SECONDS));
            assertEquals(List.of(), bot.deliveries().claimDue("crm", NOW, 10));
            assertEquals(List.of(), other.deliveries().claimDue("crm", NOW, 10));
        } finally {
            beside.shutdownNow();
        }
    }

    @Test
    void aClaimLeftByABotThatStoppedIsGivenBackWhenTheBotsStoreOpensAgain() throws Exception {
        List<String> leads;
        try (Store bot = Store.open(database, CLOCK)) {
            leads = storeLeads(bot, 2);
            assertEquals(leads, ids(bot.deliveries().claimDue("crm", NOW, 10)));
            assertEquals(List.of(), bot.deliveries().claimDue("crm", NOW, 10));
        } // stopped before settling them, as kill -9 would leave them

        try (Store next = Store.open(database, CLOCK)) {
            assertEquals(Optional.of(NOW), next.deliveries().nextDue("crm"));
            assertEquals(leads, ids(next.deliveries().claimDue("crm", NOW, 10)));
        }
    }

    @Test
    void aClaimNobodySettlesRunsOutAfterTenMinutesAndTheLeadIsClaimedAgain() throws Exception {
        try (Store bot = Store.open(database, CLOCK); Store other = Store.openForTools(database, CLOCK)) {
            List<String> leads = storeLeads(bot, 1);
            assertEquals(leads, ids(other.deliveries().claimDue("crm", NOW, 10)));
            Instant runsOut = NOW.plus(Duration.ofMinutes(10));

            assertEquals(List.of(), bot.deliveries().claimDue("crm", runsOut.minusSeconds(1), 10));
            assertEquals(Optional.of(runsOut), bot.deliveries().nextDue("crm"));
            assertEquals(leads, ids(bot.deliveries().claimDue("crm", runsOut, 10)));
            bot.deliveries().delivered(leads.get(0), "crm", Optional.of("crm-1"));
            assertEquals(Optional.empty(), bot.deliveries().nextDue("crm"));
            assertEquals(List.of(), other.deliveries().claimDue("crm", runsOut.plus(Duration.ofDays(1)), 10));
        }
    }

    @Test
    void aStoreGivesBackOnlyItsOwnClaims() throws Exception {
        try (Store bot = Store.open(database, CLOCK); Store other = Store.openForTools(database, CLOCK)) {
            List<String> leads = storeLeads(bot, 3);
            assertEquals(leads.subList(0, 1), ids(bot.deliveries().claimDue("crm", NOW, 1)));
            assertEquals(leads.subList(1, 2), ids(other.deliveries().claimDue("crm", NOW, 1)));

            assertEquals(1, bot.deliveries().releaseClaims("crm"));

            List<String> again = new ArrayList<>(ids(bot.deliveries().claimDue("crm", NOW, 10)));
            Collections.sort(again);
            assertEquals(List.of(leads.get(0), leads.get(2)), again);
        }
    }

    @Test
    void aSettledDeliveryIsNoLongerClaimedSoARetryIsDueWhenTheSinkAsked() throws Exception {
        try (Store bot = Store.open(database, CLOCK)) {
            List<String> leads = storeLeads(bot, 1);
            assertEquals(leads, ids(bot.deliveries().claimDue("crm", NOW, 10)));
            bot.deliveries().retryAt(leads.get(0), "crm", NOW.plusSeconds(5), "503");

            assertEquals(Optional.of(NOW.plusSeconds(5)), bot.deliveries().nextDue("crm"));
            assertEquals(leads, ids(bot.deliveries().claimDue("crm", NOW.plusSeconds(5), 10)));
            assertTrue(bot.deliveries().deadDeliveries().isEmpty());
        }
    }

    @Test
    void aDigestsAttemptsAreCountedAndItsLeadsMarkedDeliveredTogether() throws Exception {
        try (Store bot = Store.open(database, CLOCK)) {
            List<String> leads = storeLeads(bot, 2);

            assertEquals(List.of(1, 1), bot.deliveries().attempting(leads, "crm"));
            assertEquals(List.of(2, 2), bot.deliveries().attempting(leads, "crm"));
            bot.deliveries().delivered(Map.of(leads.get(0), Optional.of("crm-1"), leads.get(1), Optional.empty()), "crm");

            assertEquals(Optional.empty(), bot.deliveries().nextDue("crm"), "nothing left pending");
            assertEquals(List.of(), bot.deliveries().claimDue("crm", NOW.plus(Duration.ofDays(1)), 10));
        }
    }
}
