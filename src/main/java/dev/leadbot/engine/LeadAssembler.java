package dev.leadbot.engine;

import dev.leadbot.flow.Flow;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.flow.SummaryFields;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Stop;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the {@link Lead} of a conversation: the finished one when it reached an end, naming the
 * partial lead it completes if one was made; the partial one when it was abandoned past the
 * flow's partial-lead point.
 */
final class LeadAssembler {

    private final Flow flow;

    LeadAssembler(Flow flow) {
        this.flow = flow;
    }

    Lead assemble(Conversation state, Instant completedAt) {
        return lead(id(state, completedAt.toString()), state, completedAt, Optional.empty(), state.partialLead());
    }

    /**
     * The lead so far of a conversation abandoned at {@code now}, with the question it stopped at.
     * Its id depends on the conversation alone, so the same conversation abandoned twice (a
     * restart, an input handled again) can only ever make this one lead.
     */
    Lead partial(Conversation state, Instant now) {
        String question = flow.node(state.node()).map(node -> new Renderer(flow, state, flow.defaultLanguage()).render(node.text()))
                .orElse(state.node());
        return lead(id(state, "partial"), state, now, Optional.of(new Stop(state.node(), question)), Optional.empty());
    }

    private Lead lead(String id, Conversation state, Instant at, Optional<Stop> stoppedAt, Optional<String> completes) {
        List<Answer> answers = effective(state.answers());
        int score = 0;
        Set<String> tags = new LinkedHashSet<>();
        for (Answer answer : answers) {
            for (Option option : chosen(answer)) {
                score += option.score();
                tags.addAll(option.tags());
            }
        }
        return new Lead(id, flow.id(), state.prospect(), state.source(), answers, score, new ArrayList<>(tags), state.path(),
                contact(state), state.startedAt(), at, stoppedAt, completes);
    }

    /**
     * The answers that stand: a variable answered again (after jumping back to an earlier
     * question) keeps only its latest answer, placed where that answer was given.
     */
    private static List<Answer> effective(List<Answer> all) {
        Map<String, Answer> latest = new LinkedHashMap<>();
        for (Answer answer : all) {
            latest.remove(answer.variable());
            latest.put(answer.variable(), answer);
        }
        return List.copyOf(latest.values());
    }

    private List<Option> chosen(Answer answer) {
        return flow.node(answer.node()).map(Node::options).orElse(List.of()).stream()
                .filter(o -> answer.values().contains(o.id()))
                .toList();
    }

    private Contact contact(Conversation state) {
        SummaryFields fields = flow.summary();
        return new Contact(
                label(state, fields.name()),
                fields.phone().flatMap(state::latest).map(Answer::value),
                label(state, fields.email()),
                label(state, fields.username()).or(() -> state.prospect().username()));
    }

    private static Optional<String> label(Conversation state, Optional<String> variable) {
        return variable.flatMap(state::latest).map(Answer::label);
    }

    /** Deterministic, so a redelivered update that completes the same lead yields the same id. */
    private String id(Conversation state, String end) {
        String key = flow.id() + "|" + state.prospect().chatId() + "|" + state.startedAt() + "|" + end;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
