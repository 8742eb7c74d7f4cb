package dev.leadbot.telegram;

import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.flow.Flow;
import dev.leadbot.funnel.TransitionEvents;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The flow the bot runs now, with its engine and funnel; /reload and the file watcher switch it at
 * once. Each update is handled wholly by the flow it started with.
 */
final class LiveFlow {

    /** A flow's engine and the funnel's reading of it, switched together. */
    record Running(ConversationEngine engine, TransitionEvents funnel) {
        Flow flow() {
            return engine.flow();
        }
    }

    private final AtomicReference<Running> current;

    LiveFlow(Flow flow) {
        current = new AtomicReference<>(running(flow));
    }

    Running current() {
        return current.get();
    }

    void switchTo(Flow flow) {
        current.set(running(flow));
    }

    private static Running running(Flow flow) {
        return new Running(new ConversationEngine(flow), new TransitionEvents(flow));
    }
}
