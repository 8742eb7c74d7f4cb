package dev.leadbot.telegram;

import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Lead;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies each update to its chat's conversation and sends what the engine answers. */
final class ChatRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRouter.class);

    private final ConversationEngine engine;
    private final Replies replies;
    private final Consumer<Lead> completed;
    private final LongConsumer forgotten;
    private final Clock clock;
    private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
    private final Set<Long> closed;
    private final Set<Long> groupsTold = ConcurrentHashMap.newKeySet();

    /** @param closed chats whose prospect blocked the bot; the outbox adds them, a new message removes them */
    ChatRouter(ConversationEngine engine, Replies replies, Consumer<Lead> completed, LongConsumer forgotten, Clock clock,
            Set<Long> closed) {
        this.forgotten = forgotten;
        this.closed = closed;
        this.engine = engine;
        this.replies = replies;
        this.completed = completed;
        this.clock = clock;
    }

    /** Called on the chat's lane, so one chat's updates never overlap. */
    void handle(Incoming incoming) {
        if (incoming instanceof Incoming.FromProspect prospect) {
            handle(prospect);
        } else if (incoming instanceof Incoming.FromGroup group) {
            if (groupsTold.add(group.chatId())) {
                Flow flow = engine.flow();
                replies.send(group.chatId(), List.of(new Output.Say(flow.texts().get(BotText.PRIVATE_ONLY).in(flow.defaultLanguage()),
                        new Keyboard.None())), Optional.empty());
            }
            LOG.info("update={} chat={} group chat, no conversation kept", group.updateId(), group.chatId());
        } else {
            LOG.debug("update={} skipped: {}", incoming.updateId(), ((Incoming.Skipped) incoming).what());
        }
    }

    private void handle(Incoming.FromProspect incoming) {
        long chat = incoming.prospect().chatId();
        if (closed.remove(chat)) {
            LOG.info("update={} chat={} writes again after blocking the bot", incoming.updateId(), chat);
        }
        Transition transition = engine.handle(Optional.ofNullable(conversations.get(chat)), incoming.prospect(), incoming.input(),
                clock.instant());
        if (transition.outputs().contains(new Output.Forgotten())) {
            conversations.remove(chat);
            forgotten.accept(chat);
            LOG.info("update={} chat={} forgotten at the prospect's request", incoming.updateId(), chat);
        } else {
            conversations.put(chat, transition.state());
        }
        LOG.info("update={} chat={} input={} node={} step={}", incoming.updateId(), chat, incoming.input().getClass().getSimpleName(),
                transition.state().node(), transition.state().step());
        replies.send(chat, transition.outputs(), incoming.callbackId());
        for (Output output : transition.outputs()) {
            if (output instanceof Output.Completed done) {
                LOG.info("update={} chat={} lead={} completed, score {}", incoming.updateId(), chat, done.lead().id(), done.lead().score());
                completed.accept(done.lead());
            }
        }
    }
}
