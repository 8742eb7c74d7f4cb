package dev.leadbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.lead.Lead;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Managers' conversations with prospects, on SQLite and on PostgreSQL. */
class DialogStoreTest extends OnEachStore {

    @Test
    void aManagersConversationWithAProspectIsKeptWithTheLeadSurvivesReopeningAndGoesWithForget() throws Exception {
        Lead lead = dev.leadbot.sink.SinkFixtures.lead(1);
        long prospect = lead.prospect().chatId();
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(lead);
            batch.dialog(new DialogChange.Opened(prospect, lead.id(), "Клиент 1", "Иван"));
            batch.dialog(new DialogChange.Writing(1000, prospect));
            batch.dialog(new DialogChange.Writing(1001, prospect));
            batch.dialog(new DialogChange.Said(lead.id(), DialogChange.Kind.TO_PROSPECT, "Иван", "Здравствуйте"));
            batch.dialog(new DialogChange.Writing(1002, 999_999));
            batch.dialog(new DialogChange.Said("no-such-lead", DialogChange.Kind.FROM_PROSPECT, "x", "y"));
            store.commit("qualification", batch);
        }
        try (Store store = Store.open(database, StoreTest.CLOCK)) {
            assertEquals(List.of(new DialogStore.OpenDialog(prospect, lead.id(), "Клиент 1", "Иван", List.of(1000L, 1001L))), store.dialogs().open());
            assertEquals(List.of(new DialogStore.DialogLine(StoreTest.CLOCK.instant(), DialogChange.Kind.TO_PROSPECT, "Иван", "Здравствуйте")),
                    store.dialogs().lines(lead.id()));
            Batch closing = new Batch();
            closing.dialog(new DialogChange.Closed(prospect));
            store.commit("qualification", closing);
            assertEquals(List.of(), store.dialogs().open());

            Batch again = new Batch();
            again.dialog(new DialogChange.Opened(prospect, lead.id(), "Клиент 1", "Ольга"));
            store.commit("qualification", again);
            store.forget(prospect);
            assertEquals(List.of(), store.dialogs().open());
            assertEquals(List.of(), store.dialogs().lines(lead.id()));
        }
    }
}
