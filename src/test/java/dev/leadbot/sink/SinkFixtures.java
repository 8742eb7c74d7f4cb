package dev.leadbot.sink;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.lead.Stop;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A finished lead as the sinks receive it. */
public final class SinkFixtures {

    public static final Lead LEAD = new Lead("6f1c2d3e-0000-4000-8000-000000000001", "qualification",
            new Prospect(42, 4242, Optional.of("anna_k"), "Anna", Optional.of("Kim"), "ru"),
            Optional.of("vk_ads"),
            List.of(Answer.of("role", "role", "owner", "👨‍💼 Я владелец бизнеса"),
                    new Answer("features", "features", List.of("crm", "sheets"), "CRM и Google Таблицы"),
                    Answer.of("concept", "concept", "Бот, \"умный\",\nс <b>тегами</b>", "Бот, \"умный\",\nс <b>тегами</b>")),
            50, List.of("owner", "hot"), List.of("greeting", "role", "features", "concept", "thanks"),
            new Contact(Optional.of("Анна"), Optional.of("+79161234567"), Optional.empty(), Optional.of("anna_k")),
            Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:02:05Z"));

    /** {@link #LEAD} as a partial lead: Anna went silent at the question of how to reach her. */
    public static final Lead PARTIAL = new Lead("0a1b2c3d-0000-4000-8000-000000000002", LEAD.flow(), LEAD.prospect(), LEAD.source(),
            LEAD.answers(), LEAD.score(), LEAD.tags(), List.of("greeting", "role", "features", "concept", "contact_name", "channel"),
            LEAD.contact(), LEAD.startedAt(), Instant.parse("2026-11-22T11:02:05Z"),
            Optional.of(new Stop("channel", "Как вам удобнее связаться?")), Optional.empty());

    /** {@link #LEAD} completing {@link #PARTIAL}: Anna came back and finished. */
    public static final Lead COMPLETING = new Lead(LEAD.id(), LEAD.flow(), LEAD.prospect(), LEAD.source(), LEAD.answers(), LEAD.score(),
            LEAD.tags(), LEAD.path(), LEAD.contact(), LEAD.startedAt(), LEAD.completedAt(), Optional.empty(), Optional.of(PARTIAL.id()));

    private SinkFixtures() {
    }

    /** Another lead like {@link #LEAD}, with its own id and chat, for bursts. */
    public static Lead lead(int n) {
        return new Lead(String.format("6f1c2d3e-0000-4000-8000-%012d", n), LEAD.flow(),
                new Prospect(1000 + n, 1000 + n, Optional.empty(), "Klient" + n, Optional.empty(), "ru"), LEAD.source(), LEAD.answers(),
                LEAD.score(), LEAD.tags(), LEAD.path(), new Contact(Optional.of("Клиент " + n), Optional.of("+7916000" + String.format("%04d", n)),
                        Optional.of("k" + n + "@example.com"), Optional.empty()), LEAD.startedAt(), LEAD.completedAt());
    }
}
