package dev.leadbot.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeadJsonTest {

    @Test
    void aLeadBecomesOneLineOfJsonWithEveryFieldAndOptionalFieldsLeftOutWhenEmpty() {
        assertEquals("{\"id\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"flow\":\"qualification\","
                + "\"prospect\":{\"chat_id\":42,\"user_id\":4242,\"username\":\"anna_k\",\"first_name\":\"Anna\",\"last_name\":\"Kim\","
                + "\"language_code\":\"ru\"},\"source\":\"vk_ads\","
                + "\"contact\":{\"name\":\"Анна\",\"phone\":\"+79161234567\",\"username\":\"anna_k\"},"
                + "\"answers\":[{\"variable\":\"role\",\"node\":\"role\",\"values\":[\"owner\"],\"label\":\"👨‍💼 Я владелец бизнеса\"},"
                + "{\"variable\":\"features\",\"node\":\"features\",\"values\":[\"crm\",\"sheets\"],\"label\":\"CRM и Google Таблицы\"},"
                + "{\"variable\":\"concept\",\"node\":\"concept\",\"values\":[\"Бот, \\\"умный\\\",\\nс <b>тегами</b>\"],"
                + "\"label\":\"Бот, \\\"умный\\\",\\nс <b>тегами</b>\"}],"
                + "\"score\":50,\"tags\":[\"owner\",\"hot\"],\"path\":[\"greeting\",\"role\",\"features\",\"concept\",\"thanks\"],"
                + "\"started_at\":\"2026-11-22T10:00:00Z\",\"completed_at\":\"2026-11-22T10:02:05Z\"}",
                LeadJson.toLine(SinkFixtures.LEAD));
    }

    @Test
    void aLeadReadBackFromItsJsonEqualsTheLeadWritten() {
        assertEquals(SinkFixtures.LEAD, LeadJson.fromJson(LeadJson.toLine(SinkFixtures.LEAD)));
    }

    @Test
    void aPartialLeadAndTheLeadCompletingItAreReadBackExactly() {
        assertEquals(SinkFixtures.PARTIAL, LeadJson.fromJson(LeadJson.toLine(SinkFixtures.PARTIAL)));
        assertEquals(SinkFixtures.COMPLETING, LeadJson.fromJson(LeadJson.toLine(SinkFixtures.COMPLETING)));
    }
}
