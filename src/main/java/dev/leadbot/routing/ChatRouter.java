package dev.leadbot.routing;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.OpenDialogs;
import dev.leadbot.console.OwnerChats;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.console.ProspectDialog;
import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Flow;
import dev.leadbot.followup.Due;
import dev.leadbot.followup.Firing;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.followup.Silence;
import dev.leadbot.lead.Lead;
import dev.leadbot.store.Batch;
import dev.leadbot.store.LeadMove;
import dev.leadbot.store.LeadStore;
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
public final class ChatRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRouter.class);

    private final LiveFlow live;
    private final Conversations conversations;
    private final ChatPort chats;
    private final Consumer<Lead> completed;
    private final LongConsumer forgotten;
    private final Clock clock;
    private final Set<Long> closed;
    private final OwnerChats owners;
    private final Console console;
    private final DialogRelay relay;
    private final Set<Long> groupsTold = ConcurrentHashMap.newKeySet();

    /** Where owner commands and presses go, once their update is committed; only ever called for an owner chat. */
    public interface Console {
        void command(long chat, ConsoleCommand command);

        /** A press that changes nothing (a lead opened from /leads), or data that does not parse: empty. */
        void press(long chat, Optional<ConsoleButton.Press> press, String callbackId);

        /** A press whose move of a lead was committed with its update, and how the commit moved it (empty: the lead is gone). */
        void moved(long chat, LeadMove move, Optional<LeadStore.Move> outcome, String callbackId);
    }

    /** Without owner chats: every owner command or button is a stranger's. */
    private static final Console NO_OWNERS = new Console() {
        @Override
        public void command(long chat, ConsoleCommand command) {
            throw new IllegalStateException("chat " + chat + " is no owner's");
        }

        @Override
        public void press(long chat, Optional<ConsoleButton.Press> press, String callbackId) {
            throw new IllegalStateException("chat " + chat + " is no owner's");
        }

        @Override
        public void moved(long chat, LeadMove move, Optional<LeadStore.Move> outcome, String callbackId) {
            throw new IllegalStateException("chat " + chat + " is no owner's");
        }
    };

    /**
     * @param forgotten told of a chat whose /forget is committed (its data is gone from the store by then): what lies
     *                  outside the store, the leads file, is deleted from there
     * @param closed    chats whose prospect blocked the bot; the outbox adds them, a new message removes them
     */
    ChatRouter(ConversationEngine engine, Conversations conversations, ChatPort chats, Consumer<Lead> completed, LongConsumer forgotten,
            Clock clock, Set<Long> closed) {
        this(new LiveFlow(engine.flow(), java.time.ZoneOffset.UTC), conversations, chats, completed, forgotten, clock, closed,
                OwnerChats.of(List.of()), NO_OWNERS, noDialogs(chats));
    }

    /** Without owner chats nobody talks to a prospect: no conversation is ever open. */
    private static DialogRelay noDialogs(ChatPort chats) {
        OpenDialogs none = new OpenDialogs(List.of());
        return new DialogRelay(new ProspectDialog(OwnerChats.of(List.of()), none, new ProspectDialog.Leads() {
            @Override
            public Optional<Lead> lead(String id) {
                return Optional.empty();
            }

            @Override
            public List<String> shownIn(long ownerChat, int messageId) {
                return List.of();
            }
        }), none, List::of, chats);
    }

    /**
     * @param live   the flow now, switched by /reload
     * @param owners the chats whose owner commands and buttons go to {@code console}; everyone else's are a prospect's
     * @param relay  managers' conversations with prospects, held from the owner chats
     */
    public ChatRouter(LiveFlow live, Conversations conversations, ChatPort chats, Consumer<Lead> completed, LongConsumer forgotten,
            Clock clock, Set<Long> closed, OwnerChats owners, Console console, DialogRelay relay) {
        this.relay = relay;
        this.owners = owners;
        this.console = console;
        this.live = live;
        this.conversations = conversations;
        this.chats = chats;
        this.completed = completed;
        this.forgotten = forgotten;
        this.clock = clock;
        this.closed = closed;
    }

    /** Called on the chat's lane, so one chat's updates never overlap. */
    void handle(Incoming incoming, Batch batch, Effects effects) {
        if (incoming instanceof Incoming.FromProspect prospect) {
            handle(prospect, batch, effects);
        } else if (incoming instanceof Incoming.OwnerCommand command) {
            long chat = command.prospect().chatId();
            if (owners.isOwner(chat) && command.command() instanceof ConsoleCommand.Close) {
                LOG.info("update={} chat={} owner command {}", command.updateId(), chat, command.word());
                relay.close(chat, command.prospect(), batch);
            } else if (owners.isOwner(chat)) {
                LOG.info("update={} chat={} owner command {}", command.updateId(), chat, command.word());
                effects.add(() -> console.command(chat, command.command()));
            } else {
                // A stranger learns nothing, not even that the command exists: the answer any unknown command gets.
                handle(new Incoming.FromProspect(command.updateId(), command.prospect(), new Input.UnknownCommand(command.word()),
                        Optional.empty(), Optional.of(command.written())), batch, effects);
            }
        } else if (incoming instanceof Incoming.OwnerPress press) {
            long chat = press.prospect().chatId();
            if (owners.isOwner(chat)) {
                LOG.info("update={} chat={} owner button {}", press.updateId(), chat, press.press().map(ConsoleButton.Press::data)
                        .orElse("(malformed)"));
                Optional<ConsoleButton.Press> talk = press.press().filter(p -> p.action() == ConsoleButton.Action.WRITE
                        || p.action() == ConsoleButton.Action.CLOSE);
                if (talk.isPresent()) {
                    // A conversation with a prospect changes with the press, committed with it; answered once committed.
                    String notice = relay.press(chat, press.prospect(), talk.get(), batch);
                    ChatPort.CallbackAnswer answer = new ChatPort.CallbackAnswer(press.callbackId(),
                            Optional.of(notice).filter(text -> !text.isEmpty()));
                    effects.add(() -> chats.answer(answer));
                    return;
                }
                Optional<LeadMove> move = press.press().flatMap(p -> OwnerConsole.move(p, ProspectDialog.managerName(press.prospect()),
                        clock.instant()));
                if (move.isPresent()) {
                    // Committed with the press's update: a crash keeps both or neither, never the update without the press.
                    batch.move(move.get());
                    effects.add(() -> console.moved(chat, move.get(), batch.outcome(move.get()), press.callbackId()));
                } else {
                    effects.add(() -> console.press(chat, press.press(), press.callbackId()));
                }
            } else {
                LOG.info("update={} chat={} owner button from a chat that is no owner's: answered as an unknown command",
                        press.updateId(), chat);
                handle(new Incoming.FromProspect(press.updateId(), press.prospect(), new Input.UnknownCommand("/help"),
                        Optional.of(press.callbackId())), batch, effects);
            }
        } else if (incoming instanceof Incoming.FromGroup group && owners.isOwner(group.chatId())) {
            inOwnerGroup(group.read(), batch, effects);
        } else if (incoming instanceof Incoming.FromGroup group) {
            if (group.tellOnce() && groupsTold.add(group.chatId())) {
                Flow flow = live.current().flow();
                Output notice = new Output.Say(flow.texts().get(BotText.PRIVATE_ONLY).in(flow.defaultLanguage()), new Keyboard.None());
                batch.send(group.chatId(), chats.render(group.chatId(), List.of(notice), Optional.empty(), ChatPort.Lane.REPLY).payloads());
            }
            LOG.info("update={} chat={} group chat, no conversation kept", group.updateId(), group.chatId());
        } else {
            LOG.debug("update={} skipped: {}", incoming.updateId(), ((Incoming.Skipped) incoming).what());
        }
    }

    /**
     * A group of managers that is an owner chat: its commands and presses are the console's like any owner chat's, and a
     * message goes to a prospect or nowhere: a group is no prospect, and never runs the flow.
     */
    private void inOwnerGroup(Incoming read, Batch batch, Effects effects) {
        if (read instanceof Incoming.FromProspect message) {
            if (!relay.fromOwner(message, batch)) {
                LOG.debug("update={} owner group chat={}: for no prospect, nothing to do", message.updateId(), message.prospect().chatId());
            }
        } else {
            handle(read, batch, effects);
        }
    }

    private void handle(Incoming.FromProspect incoming, Batch batch, Effects effects) {
        long chat = incoming.prospect().chatId();
        if (closed.remove(chat)) {
            LOG.info("update={} chat={} writes again after blocking the bot", incoming.updateId(), chat);
        }
        // While a manager talks to the prospect, the flow waits: messages go between them instead.
        if (owners.isOwner(chat) ? relay.fromOwner(incoming, batch) : relay.fromProspect(incoming, batch)) {
            return;
        }
        Optional<Conversation> before = conversations.current(chat);
        Instant now = clock.instant();
        LiveFlow.Running running = live.current();
        Transition transition = running.engine().handle(before, incoming.prospect(), incoming.input(), now);
        List<Output> outputs = transition.outputs();
        if (outputs.contains(new Output.Forgotten())) {
            conversations.changed(chat, Optional.empty());
            batch.forget(chat);
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
            batch.record(running.funnel().of(chat, before, incoming.input(), transition, now));
            // Whatever the prospect did, their silence starts again: what was pending is replaced, or goes.
            Silence silence = Silence.from(now);
            batch.followUp(chat, running.followUps().next(state, silence).map(due -> new FollowUpTimer(chat, due, silence)));
            LOG.info("update={} chat={} input={} node={} step={}", incoming.updateId(), chat, incoming.input().getClass().getSimpleName(),
                    state.node(), state.step());
        }
        ChatPort.Rendered rendered = chats.render(chat, outputs, incoming.callbackId(), ChatPort.Lane.REPLY);
        batch.send(chat, rendered.payloads());
        rendered.callbackAnswer().ifPresent(answer -> effects.add(() -> chats.answer(answer)));
        leads(chat, "update=" + incoming.updateId(), outputs, batch, effects);
    }

    private void leads(long chat, String cause, List<Output> outputs, Batch batch, Effects effects) {
        for (Output output : outputs) {
            if (output instanceof Output.Completed done) {
                LOG.info("{} chat={} lead={} completed, score {}", cause, chat, done.lead().id(), done.lead().score());
                batch.completed(done.lead());
                effects.add(() -> completed.accept(done.lead()));
            } else if (output instanceof Output.Partial partial) {
                // Delivered like a completed lead: stored with the conversation that remembers it, once per sink.
                LOG.info("{} chat={} lead={} partial, stopped at {}", cause, chat, partial.lead().id(),
                        partial.lead().stoppedAt().orElseThrow().node());
                batch.completed(partial.lead());
                effects.add(() -> completed.accept(partial.lead()));
            }
        }
    }

    /**
     * A chat's follow-up timer came due: the schedule says what it does now (a reminder, dropped ones, the abandonment,
     * or nothing any more), the engine does it, and the step, its funnel events, the messages (the bot's own: the bulk
     * lane) and the next timer go into the batch, committed together. For a chat whose prospect blocked the bot the
     * schedule turns it into the abandonment at once: its partial lead, if owed, goes to the owners and sinks, and
     * nothing goes to the chat, now or later.
     */
    void followUp(FollowUpTimer timer, Batch batch, Effects effects) {
        long chat = timer.chatId();
        Optional<Conversation> before = conversations.current(chat);
        if (before.isEmpty()) {
            batch.followUp(chat, Optional.empty());
            return;
        }
        Instant now = clock.instant();
        LiveFlow.Running running = live.current();
        boolean blocked = closed.contains(chat);
        Firing firing = blocked ? running.followUps().blocked(before.get(), now) : running.followUps().fire(before.get(), timer, now);
        firing.dropped().forEach(dropped -> LOG.info("chat={} reminder {} was due at {}, longer ago than the flow's late_by_at_most:"
                + " dropped", chat, dropped.attempt(), dropped.at()));
        Conversation state = before.get();
        if (firing.input().isPresent()) {
            Input input = firing.input().get();
            Transition transition = running.engine().handle(before, state.prospect(), input, now);
            state = transition.state();
            conversations.changed(chat, Optional.of(state));
            batch.put(chat, state);
            batch.record(running.funnel().of(chat, before, input, transition, now));
            if (!blocked) {
                batch.send(chat, chats.render(chat, transition.outputs(), Optional.empty(), ChatPort.Lane.BOT).payloads());
            }
            leads(chat, "follow-up", transition.outputs(), batch, effects);
            LOG.info("chat={} follow-up {} at node={} step={}", chat, input instanceof Input.FollowUpDue due ? "reminder " + due.attempt()
                    : "abandoned", state.node(), state.step());
        }
        Silence silence = firing.silence();
        Conversation after = state;
        Optional<Due> next = blocked ? Optional.empty() : firing.held().<Due>map(held -> held).or(() -> running.followUps().next(after, silence));
        batch.followUp(chat, next.map(due -> new FollowUpTimer(chat, due, silence)));
    }
}
