package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.engine.Input;
import dev.leadbot.funnel.FunnelEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every step a prospect takes is in the funnel, committed with the step itself (so before they see its answer); /forget takes all of it away. */
@ExtendWith(OnTheCustomersFlow.class)
class FunnelEventsTest {

    @Test
    void stepsAreCommittedWithTheirUpdateAndForgetRemovesThem(RoutedBot bot) throws Exception {
        bot.route(bot.input(42, new Input.Start(Optional.of("vk_ads"))));
        bot.route(bot.press(42, "Я владелец бизнеса"));

        List<FunnelEvent> steps = bot.store.funnel().events(Instant.EPOCH, false);
        assertEquals(List.of("STARTED greeting", "SHOWN role", "ANSWERED role", "SHOWN sphere"),
                steps.stream().map(e -> e.kind() + " " + e.node()).toList());
        assertEquals(List.of(Optional.of("vk_ads")), steps.stream().map(FunnelEvent::source).distinct().toList());
        assertEquals(Optional.of("owner"), steps.get(2).answer());
        assertEquals(Optional.of("owner"), steps.get(3).path());

        bot.route(bot.input(42, new Input.Forget()));
        bot.route(bot.press(42, "Да, удалить"));

        assertEquals(List.of(), bot.store.funnel().events(Instant.EPOCH, false));
    }
}
