package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.LeadButtons;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.lead.Stop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several leads in one owner-chat message show compact summaries; a lead alone its full one; every message and its edits fit. */
class OwnerDigestTest {

    /** A prospect who answered in Russian: the customer's owner path, with the contact details last. */
    static final Lead RUSSIAN = new Lead("6f1c2d3e-0000-4000-8000-000000000001", "qualification",
            new Prospect(42, 4242, Optional.of("anna_k"), "Anna", Optional.of("Kim"), "ru"), Optional.of("vk_ads"),
            List.of(Answer.of("role", "role", "owner", "👨‍💼 Я владелец бизнеса / предприниматель"),
                    Answer.of("sphere", "sphere", "b2b", "🏢 B2B-компания"),
                    Answer.of("pain", "pain_b2b", "leads", "Квалифицировать <входящие> заявки & \"лиды\""),
                    Answer.of("contact_name", "contact_name", "Анна", "Анна"),
                    Answer.of("phone", "phone", "+79161234567", "+7 916 123-45-67")),
            50, List.of("owner", "b2b", "hot"), List.of("greeting", "role", "sphere", "pain_b2b", "contact_name", "phone", "thanks"),
            new Contact(Optional.of("Анна"), Optional.of("+79161234567"), Optional.empty(), Optional.of("anna_k")),
            Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:01:05Z"));

    /** A prospect who answered in English, gave their name before anything else and typed a long concept over several lines. */
    static final Lead ENGLISH = new Lead("0ee621db-1234-3abc-8def-0123456789ab", "qualification",
            new Prospect(77, 7777, Optional.empty(), "John", Optional.of("Smith"), "en"), Optional.empty(),
            List.of(Answer.of("contact_name", "contact_name", "John <Smith>", "John <Smith>"),
                    Answer.of("role", "role", "expert", "🎯 I am a marketer / specialist"),
                    new Answer("features", "features", List.of("crm", "sheets"), "CRM integration, Google Sheets"),
                    Answer.of("concept", "concept", "x", "A bot that answers questions about our courses,\nbooks trial lessons"
                            + " and reminds students of their homework"),
                    Answer.of("email", "email", "john@example.com", "john@example.com")),
            35, List.of("expert"), List.of("greeting", "contact_name", "role", "features", "concept", "email", "thanks"),
            new Contact(Optional.of("John <Smith>"), Optional.empty(), Optional.of("john@example.com"), Optional.empty()),
            Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:02:00Z"));

    private static final String RUSSIAN_COMPACT = """
            🔥 <a href="tg://user?id=4242">Anna Kim</a> @anna_k · представился: Анна · 50 баллов
            📞 +79161234567 · 📍 vk_ads
            • 👨‍💼 Я владелец бизнеса / предприниматель
            • 🏢 B2B-компания
            • Квалифицировать &lt;входящие&gt; заявки &amp; &quot;лиды&quot;
            🆔 /lead_6f1c2d3e""";

    private static final String ENGLISH_COMPACT = """
            🆕 <a href="tg://user?id=7777">John Smith</a> · представился: John &lt;Smith&gt; · 35 баллов
            ✉️ john@example.com · 📍 прямой заход
            • 🎯 I am a marketer / specialist
            • CRM integration, Google Sheets
            • A bot that answers questions about our courses, books trial lessons and reminds…
            🆔 /lead_0ee621db""";

    /** A lead with everything as long as a prospect can make it: names, a typed name, an e-mail and answers of thousands of characters. */
    private static Lead longest(int n) {
        String typed = ("<b>\"&amp;\"</b> ").repeat(400);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(Answer.of("concept" + i, "concept", typed, typed));
        }
        return new Lead(String.format("%08x-0000-4000-8000-000000000000", n), "qualification",
                new Prospect(9000 + n, 9000 + n, Optional.of("u".repeat(32)), "Я".repeat(64), Optional.of("&".repeat(64)), "ru"),
                Optional.of("s".repeat(64)), answers, 1000, List.of("hot"), List.of("greeting"),
                new Contact(Optional.of(typed), Optional.of("+" + "9".repeat(15)), Optional.of(typed + "@example.com"), Optional.empty()),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T11:00:00Z"));
    }

    @Test
    void severalLeadsInOneMessageShowTheirCompactSummariesEachWithItsProfileLinkAndTheCommandThatOpensIt() {
        assertEquals(RUSSIAN_COMPACT, OwnerSummaryHtml.compact(RUSSIAN));
        assertEquals(ENGLISH_COMPACT, OwnerSummaryHtml.compact(ENGLISH));

        List<OwnerDigest> messages = OwnerDigest.pack(List.of(RUSSIAN, ENGLISH), Answer::variable);

        assertEquals(List.of(new OwnerDigest(List.of(RUSSIAN, ENGLISH), RUSSIAN_COMPACT + "\n\n" + ENGLISH_COMPACT)), messages);
    }

    @Test
    void aPartialLeadSaysWhereItStoppedAndTheLeadThatCompletesItOpensItInOneTap() {
        Lead r = RUSSIAN;
        Lead partial = new Lead(r.id(), r.flow(), r.prospect(), r.source(), r.answers().subList(0, 3), r.score(), r.tags(), r.path(),
                new Contact(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("anna_k")), r.startedAt(), r.completedAt(),
                Optional.of(new Stop("contact_name", "Как к вам <обращаться>?")), Optional.empty());
        Lead completing = new Lead("99aa0000-0000-4000-8000-000000000001", r.flow(), r.prospect(), r.source(), r.answers(), r.score(),
                r.tags(), r.path(), r.contact(), r.startedAt(), r.completedAt(), Optional.empty(), Optional.of(r.id()));

        assertEquals("""
                ⏸ <a href="tg://user?id=4242">Anna Kim</a> @anna_k · 50 баллов
                📍 vk_ads
                ⏸ Неполная, ответы остановились на вопросе: <i>Как к вам &lt;обращаться&gt;?</i>
                • 👨‍💼 Я владелец бизнеса / предприниматель
                • 🏢 B2B-компания
                • Квалифицировать &lt;входящие&gt; заявки &amp; &quot;лиды&quot;
                🆔 /lead_6f1c2d3e""", OwnerSummaryHtml.compact(partial));
        assertEquals(RUSSIAN_COMPACT.replace("📍 vk_ads\n", "📍 vk_ads\n✅ Дополняет неполную заявку /lead_6f1c2d3e\n")
                .replace("🆔 /lead_6f1c2d3e", "🆔 /lead_99aa0000"), OwnerSummaryHtml.compact(completing));
    }

    @Test
    void aLeadAloneInItsMessageShowsItsFullSummary() {
        assertEquals(List.of(new OwnerDigest(List.of(ENGLISH), OwnerSummaryHtml.messages(ENGLISH, Answer::variable).get(0))),
                OwnerDigest.pack(List.of(ENGLISH), Answer::variable));
        assertTrue(OwnerSummaryHtml.messages(ENGLISH, Answer::variable).get(0).contains("📝 <b>Ответы</b>"));
    }

    @Test
    void aSpikeOfTheLongestLeadsGoesAboutTenToAMessageEachWithinTheLimitWithRoomForEveryLeadsStatus() {
        List<Lead> leads = IntStream.range(0, 200).mapToObj(OwnerDigestTest::longest).toList();
        String longestStatus = new LeadButtons(java.time.ZoneOffset.UTC).status(new Handling(Handling.Status.NOT_A_LEAD,
                Optional.of("М".repeat(200)), Optional.of(Instant.parse("2026-11-22T12:00:00Z"))));

        List<OwnerDigest> messages = OwnerDigest.pack(leads, Answer::variable);

        assertEquals(leads, messages.stream().flatMap(m -> m.leads().stream()).toList(), "every lead once, in order");
        assertTrue(messages.size() <= 200 / 8, "messages: " + messages.size());
        for (OwnerDigest message : messages) {
            assertEquals(message.leads().size(), message.html().split("tg://user\\?id=", -1).length - 1, message.html());
            String claimed = OwnerDigest.withStatus(message.leads(), message.leads().stream().map(lead -> longestStatus).toList(),
                    Answer::variable);
            assertTrue(OwnerSummaryHtml.visibleLength(claimed) <= OwnerSummaryHtml.LIMIT, "length " + OwnerSummaryHtml.visibleLength(claimed));
        }
    }

    @Test
    void theDensestDigestCarriesNoMoreButtonsThanTelegramTakes() {
        List<Lead> leads = IntStream.range(0, 100).mapToObj(n -> new Lead(String.format("%08x", n), "f",
                new Prospect(n, n, Optional.empty(), "A", Optional.empty(), "ru"), Optional.empty(), List.of(), 0, List.of(), List.of(),
                new Contact(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Instant.EPOCH, Instant.EPOCH)).toList();

        List<OwnerDigest> messages = OwnerDigest.pack(leads, Answer::variable);

        assertEquals(100, messages.stream().mapToInt(m -> m.leads().size()).sum());
        messages.forEach(m -> assertTrue(m.leads().size() <= OwnerDigest.MOST_LEADS, "leads: " + m.leads().size()));
        for (Handling.Status status : Handling.Status.values()) {
            Handling handling = new Handling(status, Optional.of("Иван"), Optional.of(Instant.EPOCH));
            int buttons = messages.get(0).leads().stream().mapToInt(lead -> LeadButtons.rows(lead, handling, true).stream()
                    .mapToInt(List::size).sum()).sum();
            assertTrue(buttons <= 100, status + ": " + buttons + " buttons");
        }
    }

    @Test
    void anEditAfterAClaimKeepsTheFormTheMessageWasSentIn() {
        ConsoleReply.ShownLead taken = new ConsoleReply.ShownLead(RUSSIAN, "🙋 Взял(а): Иван <Петров> · 22.11 11:05", List.of());
        ConsoleReply.ShownLead fresh = new ConsoleReply.ShownLead(ENGLISH, "", List.of());

        assertEquals(RUSSIAN_COMPACT + "\n🙋 Взял(а): Иван &lt;Петров&gt; · 22.11 11:05\n\n" + ENGLISH_COMPACT,
                SummaryWithStatus.html(List.of(taken, fresh), Answer::variable));
        assertEquals(OwnerSummaryHtml.messages(RUSSIAN, Answer::variable).get(0) + "\n🙋 Взял(а): Иван &lt;Петров&gt; · 22.11 11:05",
                SummaryWithStatus.html(List.of(taken), Answer::variable));
    }
}
