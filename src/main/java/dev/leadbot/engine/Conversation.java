package dev.leadbot.engine;

import dev.leadbot.flow.Consent;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Prospect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine knows about one chat: a small immutable value that a store saves and
 * restores exactly. Nothing in it is derived; the flow supplies the rest.
 *
 * @param node      the node the prospect is at: the question waiting for an answer, or the end
 * @param step      the number of the latest question shown; buttons of any other step are stale
 * @param answers   every answer given, in order; back pops the last one
 * @param path      the nodes passed through to get here; back cuts the undone part
 * @param ticked    the options ticked so far on the current checklist
 * @param preface   the message nodes shown in the same message as the current question, before
 *                  it; the question keeps them when it is edited to show its answer
 * @param nudgedAt  the step at which the prospect was last told that a sticker or file is not
 *                  an answer, so the reminder comes once per question
 * @param partialLead the id of the partial lead made when the prospect abandoned this conversation:
 *                  there is never a second one, and the complete lead, if they come back and
 *                  finish, names it
 * @param abandoned whether this run of the conversation was abandoned after its follow-ups went
 *                  unanswered: it is abandoned once, even if the prospect comes back and goes silent again
 */
public record Conversation(
        Prospect prospect,
        Optional<String> source,
        Instant startedAt,
        String node,
        int step,
        List<Answer> answers,
        List<String> path,
        List<String> ticked,
        List<String> preface,
        Status status,
        int nudgedAt,
        Optional<String> partialLead,
        boolean abandoned) {

    /** Where the conversation stands. */
    public enum Status {
        /** Waiting for an answer to the current question. */
        ASKING,
        /** Asked, after a second /start, whether to continue or start over. */
        RESUMING,
        /** Asked, after /forget, to confirm deleting everything. */
        FORGETTING,
        /** Reached an end; the lead was completed. */
        COMPLETED
    }

    public Conversation {
        Objects.requireNonNull(prospect, "prospect");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(node, "node");
        answers = List.copyOf(answers);
        path = List.copyOf(path);
        ticked = List.copyOf(ticked);
        preface = List.copyOf(preface);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(partialLead, "partialLead");
    }

    /** A conversation no partial lead was made of. */
    public Conversation(Prospect prospect, Optional<String> source, Instant startedAt, String node, int step, List<Answer> answers,
            List<String> path, List<String> ticked, List<String> preface, Status status, int nudgedAt) {
        this(prospect, source, startedAt, node, step, answers, path, ticked, preface, status, nudgedAt, Optional.empty(), false);
    }

    /** A conversation not abandoned. */
    public Conversation(Prospect prospect, Optional<String> source, Instant startedAt, String node, int step, List<Answer> answers,
            List<String> path, List<String> ticked, List<String> preface, Status status, int nudgedAt, Optional<String> partialLead) {
        this(prospect, source, startedAt, node, step, answers, path, ticked, preface, status, nudgedAt, partialLead, false);
    }

    /** The values of the latest answer saved under {@code variable}, empty if unanswered. */
    public List<String> values(String variable) {
        return latest(variable).map(Answer::values).orElse(List.of());
    }

    /** The latest answer saved under {@code variable}. */
    public Optional<Answer> latest(String variable) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (answers.get(i).variable().equals(variable)) {
                return Optional.of(answers.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether abandoning this conversation now would make its partial lead: it waits at a question, has passed
     * {@code flow}'s partial-lead point, the prospect gave consent, and no partial lead was made of it yet. A
     * conversation abandoned once before the point that the prospect came back to is worth abandoning again.
     */
    public boolean owesPartialLead(Flow flow) {
        boolean open = status == Status.ASKING || status == Status.RESUMING;
        boolean past = flow.partialLead().filter(point -> point.reachedBy(v -> latest(v).isPresent())).isPresent();
        return open && past && partialLead.isEmpty() && consent(flow).filter(c -> c == Consent.GIVEN).isPresent();
    }

    /**
     * The prospect's latest answer to a consent question of {@code flow}: empty until one is
     * answered (or after it was undone with back), then given or declined.
     */
    public Optional<Consent> consent(Flow flow) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer answer = answers.get(i);
            Optional<Consent> consent = flow.node(answer.node()).flatMap(node -> node.option(answer.value())).flatMap(o -> o.consent());
            if (consent.isPresent()) {
                return consent;
            }
        }
        return Optional.empty();
    }

    /**
     * The partial lead a new run of this chat goes on completing: this one's, unless this run completed (its lead
     * then completed the partial one already, and a new run is a new lead that may be abandoned in turn).
     */
    Optional<String> partialLeadForNextRun() {
        return status == Status.COMPLETED ? Optional.empty() : partialLead;
    }

    /** The same conversation, remembering the partial lead made of it. */
    Conversation withPartialLead(Optional<String> id) {
        return new Conversation(prospect, source, startedAt, node, step, answers, path, ticked, preface, status, nudgedAt, id, abandoned);
    }

    Conversation with(Prospect newProspect) {
        return new Conversation(newProspect, source, startedAt, node, step, answers, path, ticked, preface, status, nudgedAt, partialLead, abandoned);
    }

    /** At another node or step; what was shown with the earlier question is not shown with this one. */
    Conversation at(String newNode, int newStep, List<String> newPath, List<String> newTicked, Status newStatus) {
        return new Conversation(prospect, source, startedAt, newNode, newStep, answers, newPath, newTicked, List.of(), newStatus,
                nudgedAt, partialLead, abandoned);
    }

    Conversation prefacedBy(List<String> messages) {
        return new Conversation(prospect, source, startedAt, node, step, answers, path, ticked, messages, status, nudgedAt, partialLead, abandoned);
    }

    Conversation answered(Answer answer) {
        List<Answer> more = new ArrayList<>(answers);
        more.add(answer);
        return new Conversation(prospect, source, startedAt, node, step, more, path, List.of(), preface, status, nudgedAt, partialLead, abandoned);
    }

    Conversation withTicked(List<String> newTicked) {
        return new Conversation(prospect, source, startedAt, node, step, answers, path, newTicked, preface, status, nudgedAt, partialLead, abandoned);
    }

    Conversation nudged() {
        return new Conversation(prospect, source, startedAt, node, step, answers, path, ticked, preface, status, step, partialLead, abandoned);
    }

    Conversation withoutLastAnswer() {
        return new Conversation(prospect, source, startedAt, node, step, answers.subList(0, answers.size() - 1), path, ticked,
                preface, status, nudgedAt, partialLead, abandoned);
    }

    /** Marked abandoned: its follow-ups went unanswered. */
    Conversation abandon() {
        return new Conversation(prospect, source, startedAt, node, step, answers, path, ticked, preface, status, nudgedAt, partialLead, true);
    }
}
