package dev.leadbot.routing;

import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.flow.Flow;
import dev.leadbot.followup.FollowUpSchedule;
import dev.leadbot.funnel.TransitionEvents;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The flow the bot runs now, with its engine and funnel; /reload and the file watcher switch it at
 * once. Each update is handled wholly by the flow it started with.
 */
public final class LiveFlow {

    /** A flow's engine, the funnel's reading of it and its follow-ups' schedule, switched together. */
    public record Running(ConversationEngine engine, TransitionEvents funnel, FollowUpSchedule followUps) {
        public Flow flow() {
            return engine.flow();
        }
    }

    private final AtomicReference<Running> current;
    private final ZoneId zone;

    /** @param zone the owner's time zone (LEADBOT_TIME_ZONE, else the machine's): of a flow that names none of its own */
    public LiveFlow(Flow flow, ZoneId zone) {
        this.zone = zone;
        current = new AtomicReference<>(running(flow));
    }

    public Running current() {
        return current.get();
    }

    /** Where the owner is: the zone the running flow's hours are written in, else the machine's. */
    public ZoneId ownersZone() {
        return current.get().flow().timeZone().orElse(zone);
    }

    void switchTo(Flow flow) {
        current.set(running(flow));
    }

    private Running running(Flow flow) {
        return new Running(new ConversationEngine(flow), new TransitionEvents(flow), new FollowUpSchedule(flow, zone));
    }
}
