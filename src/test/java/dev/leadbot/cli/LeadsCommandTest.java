package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.lead.Stop;
import dev.leadbot.sink.JsonlFileSink;
import dev.leadbot.sink.LeadJson;
import dev.leadbot.store.Batch;
import dev.leadbot.store.LeadMove;
import dev.leadbot.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadsCommandTest {

    static Lead lead(String id, long chat, String completed, String concept) {
        return new Lead(id, "qualification", new Prospect(chat, chat, Optional.of("user" + chat), "Анна", Optional.empty(), "ru"),
                Optional.of("vk_ads"), List.of(Answer.of("role", "role", "owner", "Владелец"), Answer.of("concept", "concept", concept, concept)),
                50, List.of("owner", "hot"), List.of("greeting", "role", "concept", "thanks"),
                new Contact(Optional.of("Анна"), Optional.of("+79161234567"), Optional.empty(), Optional.of("user" + chat)),
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse(completed));
    }

    static final Lead OLD = lead("lead-1", 42, "2026-11-20T10:05:00Z", "Простой бот");
    static final Lead NEW = lead("lead-2", 43, "2026-11-22T09:30:00Z", "Бот, \"умный\",\nс оплатой");

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void seed() throws Exception {
        db = dir.resolve("leadbot.db");
        try (Store store = Store.open(db, Run.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(OLD);
            batch.completed(NEW);
            store.commit("qualification", batch);
        }
    }

    @Test
    void csvOpensInExcelWithABomAHeaderAndEscapedCommasQuotesAndNewlines() {
        Run run = Run.of("", "leads", "--db", db.toString(), "--format", "csv");

        assertEquals(0, run.status(), run.err());
        assertEquals("\uFEFFid,completed_at,chat_id,user_id,username,first_name,last_name,name,phone,email,source,score,tags,path,stage,stopped_at,completes,status,manager,status_at,role,concept\r\n"
                + "lead-1,2026-11-20T10:05:00Z,42,42,user42,Анна,,Анна,+79161234567,,vk_ads,50,\"owner, hot\","
                + "greeting → role → concept → thanks,complete,,,новый,,,Владелец,Простой бот\r\n"
                + "lead-2,2026-11-22T09:30:00Z,43,43,user43,Анна,,Анна,+79161234567,,vk_ads,50,\"owner, hot\","
                + "greeting → role → concept → thanks,complete,,,новый,,,Владелец,\"Бот, \"\"умный\"\",\nс оплатой\"\r\n", run.out());
    }

    @Test
    void sinceKeepsOnlyRecentLeads() {
        assertEquals(List.of(LeadJson.toLine(NEW)), Run.of("", "leads", "--db", db.toString(), "--since", "1d", "--format", "jsonl")
                .out().lines().toList());
        assertEquals(2, Run.of("", "leads", "--db", db.toString(), "--since", "2026-11-20", "--format", "jsonl").out().lines().count());
    }

    @Test
    void theTableShowsWhoHowToReachThemAndHowHot() {
        Run run = Run.of("", "leads", "--db", db.toString());

        assertTrue(run.out().startsWith("completed (UTC)   chat         score  name                     phone            source"
                + "             tags                     stage              status                   lead\n"), run.out());
        assertTrue(run.out().contains("2026-11-22 09:30  43              50  Анна                     +79161234567     vk_ads"
                + "             owner,hot                complete           new                      lead-2\n"), run.out());
        assertTrue(run.out().endsWith("2 leads\n"), run.out());
    }

    @Test
    void aLeadTakenByAManagerShowsWhoHasItInTheTableAndTheCsv() throws Exception {
        try (Store store = Store.open(db, Run.CLOCK)) {
            store.leads().move(new LeadMove("lead-2", Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of("Иван Петров"),
                    Optional.of(Instant.parse("2026-11-22T10:00:00Z")))));
        }

        assertTrue(Run.of("", "leads", "--db", db.toString()).out().contains("owner,hot                complete           taken (Иван Петров)      lead-2\n"));
        assertTrue(Run.of("", "leads", "--db", db.toString(), "--format", "csv").out()
                .contains(",greeting → role → concept → thanks,complete,,,в работе,Иван Петров,2026-11-22T10:00:00Z,Владелец,"));
    }

    @Test
    void aPartialLeadAndTheLeadThatCompletesItAreToldApartInTheTableAndTheCsv() throws Exception {
        Lead old = lead("partial-1", 44, "2026-11-22T11:00:00Z", "Бот");
        Lead partial = new Lead(old.id(), old.flow(), old.prospect(), old.source(), old.answers(), old.score(), old.tags(), old.path(),
                old.contact(), old.startedAt(), old.completedAt(), Optional.of(new Stop("channel", "Как вам удобнее связаться?")),
                Optional.empty());
        Lead done = lead("complete-1", 44, "2026-11-22T12:00:00Z", "Бот");
        Lead completing = new Lead(done.id(), done.flow(), done.prospect(), done.source(), done.answers(), done.score(), done.tags(),
                done.path(), done.contact(), done.startedAt(), done.completedAt(), Optional.empty(), Optional.of("partial-1"));
        try (Store store = Store.open(db, Run.CLOCK)) {
            Batch batch = new Batch();
            batch.completed(partial);
            batch.completed(completing);
            store.commit("qualification", batch);
        }

        String table = Run.of("", "leads", "--db", db.toString()).out();
        assertTrue(table.contains("owner,hot                partial            new                      partial-1\n"), table);
        assertTrue(table.contains("owner,hot                completes partial- new                      complete-1\n"), table);
        String csv = Run.of("", "leads", "--db", db.toString(), "--format", "csv").out();
        assertTrue(csv.contains(",partial,Как вам удобнее связаться?,,новый,"), csv);
        assertTrue(csv.contains(",complete,,partial-1,новый,"), csv);
    }

    @Test
    void aBadSinceAndAMissingDatabaseAreExplained() {
        assertEquals(2, Run.of("", "leads", "--db", db.toString(), "--since", "last week").status());
        Run missing = Run.of("", "leads", "--db", dir.resolve("nope.db").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("does not exist: no bot has run on it yet (start one with the 'run' command"), missing.err());
    }

    @Test
    void forgetDeletesOneProspectFromTheDatabaseAndTheLeadsFile() throws Exception {
        Path leadsFile = dir.resolve("leads.jsonl");
        JsonlFileSink sink = new JsonlFileSink(leadsFile);
        sink.deliver(OLD, 1);
        sink.deliver(NEW, 1);

        Run run = Run.of("", "forget", "42", "--db", db.toString(), "--leads", leadsFile.toString());

        assertEquals(new Run(0, "chat 42: a lead deleted from " + db + "; a lead deleted from " + leadsFile + "\n", ""), run);
        assertEquals(List.of(LeadJson.toLine(NEW)), Run.of("", "leads", "--db", db.toString(), "--format", "jsonl").out().lines().toList());
        assertEquals(List.of(LeadJson.toLine(NEW)), Files.readAllLines(leadsFile));
    }

    @Test
    void failedDeliveriesAreListedAndCanBeQueuedAgain() throws Exception {
        Path other = dir.resolve("deliveries.db");
        try (Store store = Store.open(other, Run.CLOCK)) {
            Batch batch = new Batch(List.of("amocrm"));
            batch.completed(OLD);
            store.commit("qualification", batch);
            store.deliveries().attempting("lead-1", "amocrm");
            store.deliveries().dead("lead-1", "amocrm", "401: the API key is wrong");
        }

        assertEquals(new Run(0, "lead-1  amocrm  after 1 attempts: 401: the API key is wrong\n"
                + "1 failed delivery; retry with: leadbot leads --retry ID|all\n", ""), Run.of("", "leads", "--db", other.toString(), "--failed"));
        assertEquals(new Run(0, "1 delivery queued again\n", ""), Run.of("", "leads", "--db", other.toString(), "--retry", "all"));
        assertEquals(new Run(0, "0 failed deliveries\n", ""), Run.of("", "leads", "--db", other.toString(), "--failed"));
    }

    @Test
    void forgetSaysWhatWentInTheOwnersWords() throws Exception {
        try (Store store = Store.open(db, Run.CLOCK)) {
            Batch batch = new Batch(List.of("jsonl", "amo"));
            batch.completed(lead("lead-3", 42, "2026-11-22T09:40:00Z", "Ещё один"));
            store.commit("qualification", batch);
        }

        Run run = Run.of("", "forget", "42", "--db", db.toString(), "--leads", dir.resolve("none.jsonl").toString());

        assertEquals(new Run(0, "chat 42: 2 leads with 2 deliveries deleted from " + db + "; no lead in " + dir.resolve("none.jsonl") + "\n",
                ""), run);
    }

    @Test
    void forgetWithSomethingThatIsNotAChatIdSaysWhatOneLooksLikeAndWhereToFindIt() {
        assertEquals(new Run(2, "", "'abc' is not a chat id: a chat id is a whole number such as 123456789. Find the prospect's in the chat"
                + " column of 'leadbot leads', or in the owner summary's profile link (tg://user?id=123456789)\n"),
                Run.of("", "forget", "abc", "--db", db.toString()));
    }

    @Test
    void theCsvHeaderNamesEveryColumnOnce() {
        Lead withPhoneAnswer = new Lead("lead-9", "qualification", OLD.prospect(), OLD.source(),
                List.of(Answer.of("phone", "phone", "+79161234567", "+79161234567"), Answer.of("name", "contact", "Анна", "Анна")),
                0, List.of(), List.of(), OLD.contact(), OLD.startedAt(), OLD.completedAt());

        String header = dev.leadbot.console.CsvExport.of(List.of(withPhoneAnswer), java.util.Map.of()).lines().findFirst().orElseThrow().substring(1);

        List<String> names = List.of(header.split(","));
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), header);
        assertTrue(header.endsWith(",status_at,phone (answer),name (answer)"), header);
    }
}
