package dev.leadbot.store;

import dev.leadbot.engine.Conversation;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.lead.Lead;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything one getUpdates batch changed, committed in one transaction (group commit): each
 * chat's new conversation, or its removal, the chats forgotten, the leads completed, the replies to
 * send, the funnel's events, the chats' next follow-ups, the managers' conversations with prospects, the leads they moved on,
 * and the last update id handled.
 */
public final class Batch {

    private final List<String> sinks;
    private final Map<Long, Optional<Conversation>> conversations = new LinkedHashMap<>();
    private final Set<Long> forgotten = new LinkedHashSet<>();
    private final List<Lead> leads = new ArrayList<>();
    private final List<Outgoing> replies = new ArrayList<>();
    private final List<FunnelEvent> events = new ArrayList<>();
    private final List<DialogChange> dialogs = new ArrayList<>();
    private final List<LeadMove> moves = new ArrayList<>();
    /** How each move came out, once committed; by identity, as two presses may ask for the same move. */
    private final Map<LeadMove, Optional<LeadStore.Move>> outcomes = new IdentityHashMap<>();
    private final Map<Long, Optional<FollowUpTimer>> followUps = new LinkedHashMap<>();
    private OptionalLong lastUpdateId = OptionalLong.empty();

    /** A batch whose leads are delivered to no sink (tests of conversations alone). */
    public Batch() {
        this(List.of());
    }

    /** @param sinks the names of the sinks every lead of this batch must be delivered to */
    public Batch(List<String> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public synchronized void put(long chatId, Conversation conversation) {
        conversations.put(chatId, Optional.of(conversation));
    }

    /** The chat's conversation ends with nothing kept of it (a declined consent): its funnel steps go too. */
    public synchronized void remove(long chatId) {
        conversations.put(chatId, Optional.empty());
        followUps.put(chatId, Optional.empty());
        events.removeIf(event -> event.chatId() == chatId);
    }

    /**
     * The prospect asked to delete everything stored about the chat: the commit deletes it all (leads, their
     * deliveries and owner messages, replies not sent, question messages, funnel steps) in the same transaction,
     * before anything this batch stores for the chat afterwards, such as a conversation begun anew by /start.
     */
    public synchronized void forget(long chatId) {
        conversations.put(chatId, Optional.empty());
        followUps.remove(chatId);
        forgotten.add(chatId);
        leads.removeIf(lead -> lead.prospect().chatId() == chatId);
        events.removeIf(event -> event.chatId() == chatId);
    }

    /** A lead completed by an update of this batch, stored in the same transaction as the conversation. */
    public synchronized void completed(Lead lead) {
        leads.add(lead);
    }

    /** Replies to a chat, stored with the batch and sent once it is committed; their order is kept. */
    public synchronized void send(long chatId, List<String> payloads) {
        payloads.forEach(payload -> replies.add(new Outgoing(0, chatId, payload)));
    }

    /** The funnel's record of the steps this batch took, committed with them. */
    public synchronized void record(List<FunnelEvent> steps) {
        events.addAll(steps);
    }

    /**
     * The chat's next follow-up, replacing the one stored (empty: none any more), committed with the step that set it:
     * any activity of the prospect reschedules or cancels what was pending.
     */
    public synchronized void followUp(long chatId, Optional<FollowUpTimer> next) {
        next.ifPresent(timer -> {
            if (timer.chatId() != chatId) {
                throw new IllegalArgumentException("a timer of chat " + timer.chatId() + " for chat " + chatId);
            }
        });
        followUps.put(chatId, next);
    }

    /** A change to a manager's conversation with a prospect, committed with the update that made it, in order. */
    public synchronized void dialog(DialogChange change) {
        dialogs.add(change);
    }

    /** A lead moved on by a manager's press of this batch, committed with it; its {@link #outcome} is known once committed. */
    public synchronized void move(LeadMove move) {
        moves.add(move);
    }

    /**
     * How a move of this batch came out: whether it moved the lead, and how the lead stands now; empty when the lead is
     * gone (deleted at its prospect's request).
     *
     * @throws IllegalStateException before the batch is committed
     */
    public synchronized Optional<LeadStore.Move> outcome(LeadMove move) {
        if (!outcomes.containsKey(move)) {
            throw new IllegalStateException("lead " + move.leadId() + " was not moved by a committed batch");
        }
        return outcomes.get(move);
    }

    public synchronized void handled(long updateId) {
        if (lastUpdateId.isEmpty() || updateId > lastUpdateId.getAsLong()) {
            lastUpdateId = OptionalLong.of(updateId);
        }
    }

    /** The chats this batch changes. */
    public synchronized Set<Long> chats() {
        return Set.copyOf(conversations.keySet());
    }

    List<String> sinks() {
        return sinks;
    }

    synchronized List<Lead> leads() {
        return List.copyOf(leads);
    }

    synchronized List<Outgoing> replies() {
        return List.copyOf(replies);
    }

    synchronized List<FunnelEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<DialogChange> dialogs() {
        return List.copyOf(dialogs);
    }

    synchronized List<LeadMove> moves() {
        return List.copyOf(moves);
    }

    synchronized void settled(Map<LeadMove, Optional<LeadStore.Move>> settled) {
        outcomes.clear();
        outcomes.putAll(settled);
    }

    synchronized Map<Long, Optional<Conversation>> conversations() {
        return Map.copyOf(conversations);
    }

    synchronized Map<Long, Optional<FollowUpTimer>> followUps() {
        return new LinkedHashMap<>(followUps);
    }

    synchronized Set<Long> forgotten() {
        return Set.copyOf(forgotten);
    }

    /** The highest update id the batch handled, if any. */
    public synchronized OptionalLong lastUpdateId() {
        return lastUpdateId;
    }
}
