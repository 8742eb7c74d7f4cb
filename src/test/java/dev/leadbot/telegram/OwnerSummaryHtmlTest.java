package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.lead.Stop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OwnerSummaryHtmlTest {

    private static Lead lead(List<Answer> answers) {
        return new Lead("lead-1", "qualification", new Prospect(42, 4242, Optional.empty(), "Anna", Optional.empty(), "ru"),
                Optional.empty(), answers, 10, List.of(), List.of("greeting", "thanks"),
                new Contact(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:42Z"));
    }

    /** Every tag opened in a message is closed in it, in order. */
    private static void assertBalanced(String html) {
        Matcher tags = Pattern.compile("<(/?)([a-z]+)[^>]*>").matcher(html);
        List<String> open = new ArrayList<>();
        while (tags.find()) {
            if (tags.group(1).isEmpty()) {
                open.add(tags.group(2));
            } else {
                assertEquals(open.remove(open.size() - 1), tags.group(2), html);
            }
        }
        assertEquals(List.of(), open, html);
    }

    @Test
    void aShortLeadIsOneMessage() {
        List<String> messages = OwnerSummaryHtml.messages(lead(List.of(Answer.of("role", "role", "owner", "Owner"))), Answer::variable);

        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("\n• <b>role</b>: Owner\n"), messages.get(0));
        assertTrue(messages.get(0).contains("⏱ Заполнено за 42 с"), messages.get(0));
    }

    @Test
    void eachAnswerIsTitledWithTheWordsOfItsQuestionEscapedAndAQuestionMarkNeedsNoColon() {
        Lead lead = lead(List.of(Answer.of("sphere", "sphere", "b2b", "🏢 B2B"), Answer.of("phone", "phone", "+7", "+7 <916>")));
        java.util.Map<String, String> questions = java.util.Map.of("sphere", "В какой сфере ваш бизнес?", "phone", "Напишите <номер>.");

        String html = OwnerSummaryHtml.messages(lead, answer -> questions.get(answer.node())).get(0);

        assertTrue(html.contains("\n• <b>В какой сфере ваш бизнес?</b> 🏢 B2B\n• <b>Напишите &lt;номер&gt;</b>: +7 &lt;916&gt;\n"), html);
    }

    @Test
    void aLongLeadIsSplitIntoMessagesWithinTheLimitNeverCutInsideATagOrAnEntity() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String text = ("<tag> & \"quotes\" " + i + " ").repeat(120);
            answers.add(Answer.of("concept" + i, "concept", text, text));
        }
        answers.add(Answer.of("huge", "concept", "ю".repeat(9000), "ю".repeat(9000)));

        List<String> messages = OwnerSummaryHtml.messages(lead(answers), Answer::variable);

        assertTrue(messages.size() >= 4, "messages: " + messages.size());
        for (String message : messages) {
            assertTrue(OwnerSummaryHtml.visibleLength(message) <= 4096, "length " + OwnerSummaryHtml.visibleLength(message));
            assertBalanced(message);
            assertTrue(!message.matches("(?s).*&[a-z]*$") && !message.matches("(?s)^[a-z]*;.*"), "entity cut at an edge");
        }
        String all = String.join("", messages).replaceAll("<[^>]*>", "");
        assertEquals(9000, all.chars().filter(c -> c == 'ю').count());
    }

    @Test
    void aPartialLeadIsMarkedInItsFirstLineWithTheQuestionWhereItStoppedEscaped() {
        Lead whole = lead(List.of(Answer.of("role", "role", "owner", "Owner")));
        Lead partial = new Lead(whole.id(), whole.flow(), whole.prospect(), whole.source(), whole.answers(), whole.score(), whole.tags(),
                whole.path(), whole.contact(), whole.startedAt(), whole.completedAt(),
                Optional.of(new Stop("budget", "Бюджет <до> 100 & больше?")), Optional.empty());

        String html = OwnerSummaryHtml.messages(partial, Answer::variable).get(0);

        assertTrue(html.startsWith("⏸ <b>Неполная заявка</b> · 10 баллов · qualification\n"), html);
        assertTrue(html.contains("\n⏸ Замолчал на вопросе: <i>Бюджет &lt;до&gt; 100 &amp; больше?</i>\n"), html);
        assertTrue(!html.contains("Заполнено за"), html);
        assertBalanced(html);
    }

    @Test
    void aLeadCompletingAPartialOneNamesIt() {
        Lead whole = lead(List.of(Answer.of("role", "role", "owner", "Owner")));
        Lead completing = new Lead(whole.id(), whole.flow(), whole.prospect(), whole.source(), whole.answers(), whole.score(), whole.tags(),
                whole.path(), whole.contact(), whole.startedAt(), whole.completedAt(), Optional.empty(), Optional.of("partial-7"));

        String html = OwnerSummaryHtml.messages(completing, Answer::variable).get(0);

        assertTrue(html.startsWith("🆕 <b>Новый лид</b>"), html);
        assertTrue(html.contains("\n✅ Дополняет неполную заявку <code>partial-7</code>\n"), html);
    }
}
