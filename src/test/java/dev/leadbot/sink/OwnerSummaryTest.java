package dev.leadbot.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.lead.Answer;
import org.junit.jupiter.api.Test;

class OwnerSummaryTest {

    @Test
    void theSummaryShowsWhoHowToReachThemWhatTheyAnsweredAndHowHotTheyAre() {
        assertEquals("""
                🔥 Новый лид · 50 баллов · qualification
                👤 Анна (@anna_k) · в Telegram: Anna Kim
                📞 +79161234567
                📍 Источник: vk_ads
                📝 Ответы:
                • role: 👨‍💼 Я владелец бизнеса
                • features: CRM и Google Таблицы
                • concept: Бот, "умный",
                с <b>тегами</b>
                🏷 Теги: owner, hot
                ⏱ Заполнено за 2 мин 5 с
                🆔 6f1c2d3e-0000-4000-8000-000000000001""", OwnerSummary.plainText(SinkFixtures.LEAD, Answer::variable));
    }

    @Test
    void aPartialLeadIsMarkedAsSuchWithTheQuestionWhereTheProspectStopped() {
        assertEquals("""
                ⏸ Неполная заявка · 50 баллов · qualification
                👤 Анна (@anna_k) · в Telegram: Anna Kim
                📞 +79161234567
                ⏸ Замолчал на вопросе: Как вам удобнее связаться?
                📍 Источник: vk_ads
                📝 Ответы:
                • role: 👨‍💼 Я владелец бизнеса
                • features: CRM и Google Таблицы
                • concept: Бот, "умный",
                с <b>тегами</b>
                🏷 Теги: owner, hot
                🆔 0a1b2c3d-0000-4000-8000-000000000002""", OwnerSummary.plainText(SinkFixtures.PARTIAL, Answer::variable));
    }

    @Test
    void aLeadThatCompletesAPartialOneNamesIt() {
        String summary = OwnerSummary.plainText(SinkFixtures.COMPLETING, Answer::variable);

        assertEquals("✅ Дополняет неполную заявку 0a1b2c3d-0000-4000-8000-000000000002", summary.lines().toList().get(3));
        assertEquals("⏱ Заполнено за 2 мин 5 с", summary.lines().toList().get(summary.lines().toList().size() - 2));
    }
}
