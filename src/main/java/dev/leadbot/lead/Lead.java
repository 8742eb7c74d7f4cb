package dev.leadbot.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A qualification handed to the owner: who the prospect is, where they came from, what they
 * answered and how hot they are. Usually finished; a <em>partial</em> lead is the answers so far of
 * a prospect who went silent past the flow's partial-lead point. Immutable; this is all an owner
 * summary or a CRM sink ever sees.
 *
 * @param id      stable identifier, also the idempotency key for every delivery
 * @param source  the deep-link payload the conversation started with, if any
 * @param answers the answers in the order given; a re-answered variable keeps its latest answer
 * @param path    the node ids on the way to the end, in order: steps undone with back are left out,
 *                jumps back to an earlier question (and the detour before them) are kept
 * @param completedAt when the prospect reached the end; for a partial lead, when the conversation
 *                was taken as abandoned
 * @param stoppedAt present for a <em>partial</em> lead: the prospect went silent before the end,
 *                past the flow's {@code partial_lead:} point, and this is where they stopped
 * @param completes the id of the partial lead of the same conversation that this complete lead
 *                completes (the prospect came back and finished)
 */
public record Lead(
        String id,
        String flow,
        Prospect prospect,
        Optional<String> source,
        List<Answer> answers,
        int score,
        List<String> tags,
        List<String> path,
        Contact contact,
        Instant startedAt,
        Instant completedAt,
        Optional<Stop> stoppedAt,
        Optional<String> completes) {

    /** A complete lead that completes no partial one. */
    public Lead(String id, String flow, Prospect prospect, Optional<String> source, List<Answer> answers, int score, List<String> tags,
            List<String> path, Contact contact, Instant startedAt, Instant completedAt) {
        this(id, flow, prospect, source, answers, score, tags, path, contact, startedAt, completedAt, Optional.empty(), Optional.empty());
    }

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(prospect, "prospect");
        Objects.requireNonNull(source, "source");
        answers = List.copyOf(answers);
        tags = List.copyOf(tags);
        path = List.copyOf(path);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(completes, "completes");
        if (stoppedAt.isPresent() && completes.isPresent()) {
            throw new IllegalArgumentException("lead " + id + " is partial, so it completes no other lead");
        }
    }

    /** Whether the prospect went silent before the end: the answers so far, with where they stopped. */
    public boolean partial() {
        return stoppedAt.isPresent();
    }

    /** The answer saved under {@code variable}, if the prospect gave one. */
    public Optional<Answer> answer(String variable) {
        return answers.stream().filter(a -> a.variable().equals(variable)).findFirst();
    }

    /** How long the prospect took from the first message to the last answer (for a partial lead, to being taken as abandoned). */
    public Duration timeToComplete() {
        return Duration.between(startedAt, completedAt);
    }
}
