package dev.leadbot.telegram;

import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Flow;
import dev.leadbot.funnel.TransitionEvents;
import dev.leadbot.lead.Lead;
import dev.leadbot.store.Batch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each update to its chat's conversation: the new state, the funnel's events and the
 * replies go into the batch, and what else leaves the process (button answers, lead hand-offs, deletions) into the
 * batch's effects, released only once the batch is committed.
 */
final class ChatRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRouter.class);

    private final ConversationEngine engine;
    private final TransitionEvents funnel;
    private final Conversations conversations;
    private final Replies replies;
    private final Consumer<Lead> completed;
    private final LongConsumer forgotten;
    private final Clock clock;
    private final Set<Long> closed;
    private final OwnerCommands owners;
    private final Set<Long> groupsTold = ConcurrentHashMap.newKeySet();

    /** @param closed chats whose prospect blocked the bot; the outbox adds them, a new message removes them */
    ChatRouter(ConversationEngine engine, Conversations conversations, Replies replies, Consumer<Lead> completed, LongConsumer forgotten,
            Clock clock, Set<Long> closed) {
        this(engine, conversations, replies, completed, forgotten, clock, closed, OwnerCommands.NOBODY);
    }

    /** @param owners answers the owner commands of owner chats */
    ChatRouter(ConversationEngine engine, Conversations conversations, Replies replies, Consumer<Lead> completed, LongConsumer forgotten,
            Clock clock, Set<Long> closed, OwnerCommands owners) {
        this.owners = owners;
        this.engine = engine;
        this.funnel = new TransitionEvents(engine.flow());
        this.conversations = conversations;
        this.replies = replies;
        this.completed = completed;
        this.forgotten = forgotten;
        this.clock = clock;
        this.closed = closed;
    }

    /** Called on the chat's lane, so one chat's updates never overlap. */
    void handle(Incoming incoming, Batch batch, Effects effects) {
        if (incoming instanceof Incoming.FromProspect prospect) {
            handle(prospect, batch, effects);
        } else if (incoming instanceof Incoming.OwnerCommand command && owners.answers(command.prospect().chatId())) {
            long chat = command.prospect().chatId();
            LOG.info("update={} chat={} owner command {}", command.updateId(), chat, command.command());
            effects.add(() -> owners.stats(chat, command.argument()));
        } else if (incoming instanceof Incoming.OwnerCommand command) {
            // A stranger learns nothing, not even that the command exists: the answer any unknown command gets.
            handle(new Incoming.FromProspect(command.updateId(), command.prospect(), new Input.UnknownCommand(command.command()),
                    Optional.empty()), batch, effects);
        } else if (incoming instanceof Incoming.FromGroup group) {
            if (groupsTold.add(group.chatId())) {
                Flow flow = engine.flow();
                Output notice = new Output.Say(flow.texts().get(BotText.PRIVATE_ONLY).in(flow.defaultLanguage()), new Keyboard.None());
                batch.send(group.chatId(), Replies.render(group.chatId(), List.of(notice), Optional.empty()).payloads());
            }
            LOG.info("update={} chat={} group chat, no conversation kept", group.updateId(), group.chatId());
        } else {
            LOG.debug("update={} skipped: {}", incoming.updateId(), ((Incoming.Skipped) incoming).what());
        }
    }

    private void handle(Incoming.FromProspect incoming, Batch batch, Effects effects) {
        long chat = incoming.prospect().chatId();
        if (closed.remove(chat)) {
            LOG.info("update={} chat={} writes again after blocking the bot", incoming.updateId(), chat);
        }
        Optional<Conversation> before = conversations.current(chat);
        Instant now = clock.instant();
        Transition transition = engine.handle(before, incoming.prospect(), incoming.input(), now);
        List<Output> outputs = transition.outputs();
        if (outputs.contains(new Output.Forgotten())) {
            conversations.changed(chat, Optional.empty());
            batch.remove(chat);
            effects.add(() -> forgotten.accept(chat));
            LOG.info("update={} chat={} forgotten at the prospect's request", incoming.updateId(), chat);
        } else if (outputs.stream().anyMatch(Output.Declined.class::isInstance)) {
            // A refused consent keeps nothing of the conversation: the next message starts afresh.
            conversations.changed(chat, Optional.empty());
            batch.remove(chat);
            LOG.info("update={} consent declined, conversation ended at {}; nothing kept", incoming.updateId(),
                    transition.state().node());
        } else {
            Conversation state = transition.state();
            conversations.changed(chat, Optional.of(state));
            batch.put(chat, state);
            batch.record(funnel.of(chat, before, incoming.input(), transition, now));
            LOG.info("update={} chat={} input={} node={} step={}", incoming.updateId(), chat, incoming.input().getClass().getSimpleName(),
                    state.node(), state.step());
        }
        Replies.Rendered rendered = Replies.render(chat, outputs, incoming.callbackId());
        batch.send(chat, rendered.payloads());
        rendered.callbackAnswer().ifPresent(answer -> effects.add(() -> replies.answer(answer)));
        for (Output output : outputs) {
            if (output instanceof Output.Completed done) {
                LOG.info("update={} chat={} lead={} completed, score {}", incoming.updateId(), chat, done.lead().id(), done.lead().score());
                batch.completed(done.lead());
                effects.add(() -> completed.accept(done.lead()));
            }
        }
    }
}
