package dev.leadbot.flow;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated question graph: its nodes by id, where it starts, its default language, the
 * bot's phrases and where the contact fields live. Only {@link FlowLoader} builds one, and only
 * from a file without problems.
 */
public final class Flow {

    /**
     * Telegram's callback_data holds 64 bytes; the engine's button data spends at most 14 of
     * them on the step number, the action and separators, leaving this much for a node id and an
     * option id together.
     */
    public static final int BUTTON_ID_BYTES = 50;

    /** The variable every text may use for the prospect's Telegram first name. */
    public static final String PROSPECT_NAME = "name";

    private final String id;
    private final String defaultLanguage;
    private final Optional<String> phoneRegion;
    private final String start;
    private final Map<String, Node> nodes;
    private final BotTexts texts;
    private final SummaryFields summary;
    private final Optional<PartialLead> partialLead;
    private final Optional<FollowUps> followUps;
    private final Map<String, Optional<FollowUps>> ownFollowUps;
    private final Map<String, Text> titles;

    Flow(String id, String defaultLanguage, Optional<String> phoneRegion, String start, Map<String, Node> nodes, BotTexts texts,
            SummaryFields summary, Optional<PartialLead> partialLead, Optional<FollowUps> followUps,
            Map<String, Optional<FollowUps>> ownFollowUps, Map<String, Text> titles) {
        this.titles = Map.copyOf(titles);
        this.followUps = Objects.requireNonNull(followUps);
        this.ownFollowUps = Map.copyOf(ownFollowUps);
        this.id = Objects.requireNonNull(id);
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage);
        this.phoneRegion = Objects.requireNonNull(phoneRegion);
        this.start = Objects.requireNonNull(start);
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.texts = Objects.requireNonNull(texts);
        this.summary = Objects.requireNonNull(summary);
        this.partialLead = Objects.requireNonNull(partialLead);
    }

    /** The flow's name: its {@code id:} or, by default, the file name without extension. */
    public String id() {
        return id;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    /**
     * The country whose numbers prospects may type without a country code (ISO 3166, e.g. RU): the flow's
     * {@code phone_region:}, else the country of its language; empty when neither names one.
     */
    public Optional<String> phoneRegion() {
        return phoneRegion;
    }

    public Node start() {
        return nodes.get(start);
    }

    public Optional<Node> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /**
     * What an owner's summary titles the answer to the question at {@code nodeId} with, in {@code language}: its
     * {@code title:}, else "Телефон" or "Phone" for a phone question (the same for e-mail), else a {@link ShortTitle} of
     * its text. Empty for a node that is gone (the flow changed since) or asks nothing.
     */
    public Optional<String> title(String nodeId, String language) {
        return node(nodeId).filter(node -> node.savesAs().isPresent()).map(node -> Optional.ofNullable(titles.get(nodeId))
                .map(title -> title.in(language))
                .or(() -> node instanceof InputNode input ? ShortTitle.ofKind(input.kind(), language) : Optional.empty())
                .orElseGet(() -> ShortTitle.of(node.text().in(language))));
    }

    /** Every node, in the order the file lists them. */
    public Collection<Node> nodes() {
        return nodes.values();
    }

    public BotTexts texts() {
        return texts;
    }

    public SummaryFields summary() {
        return summary;
    }

    /** From when an abandoned conversation becomes a partial lead; empty when the flow makes none. */
    public Optional<PartialLead> partialLead() {
        return partialLead;
    }

    /** The zone the owner's hours are written in ({@code follow_ups: time_zone:}); empty when the flow names none. */
    public Optional<ZoneId> timeZone() {
        return followUps.flatMap(FollowUps::timeZone);
    }

    /**
     * What happens when a prospect goes silent at {@code nodeId}: the question's own {@code follow_ups:}, else the
     * flow's; empty when neither has any, the question says {@code none}, or the node asks nothing.
     */
    public Optional<FollowUps> followUps(String nodeId) {
        if (node(nodeId).flatMap(Node::savesAs).isEmpty()) {
            return Optional.empty();
        }
        return ownFollowUps.containsKey(nodeId) ? ownFollowUps.get(nodeId) : followUps;
    }
}
