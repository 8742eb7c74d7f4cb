package dev.leadbot.funnel;

import dev.leadbot.flow.Flow;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.flow.Route;
import dev.leadbot.flow.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short fingerprint of what a prospect meets in a flow: its questions, texts, options, scores
 * and routes. Any edit an owner makes to the YAML that a prospect could notice gives another
 * version, so the funnel of one wording can be told from the next; comments and key order do not
 * count. The same flow gives the same version in every run.
 */
public final class FlowVersion {

    private FlowVersion() {
    }

    /** Eight hex digits, e.g. {@code 3f9a0c12}. */
    public static String of(Flow flow) {
        StringBuilder canonical = new StringBuilder(flow.id()).append('\n').append(flow.start().id()).append('\n');
        for (Node node : flow.nodes()) {
            canonical.append(node.id()).append('|').append(node.getClass().getSimpleName()).append('|')
                    .append(node.savesAs().orElse("")).append('\n');
            node.texts().forEach(text -> text(canonical, text));
            for (Option option : node.options()) {
                canonical.append("option ").append(option.id()).append(' ').append(option.score()).append(' ').append(option.tags())
                        .append('\n');
            }
            for (Route route : node.routes()) {
                canonical.append("route ").append(new TreeMap<>(route.when())).append(" -> ").append(route.target()).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void text(StringBuilder canonical, Text text) {
        canonical.append("text ").append(text.fallback());
        for (Map.Entry<String, String> translation : new TreeMap<>(text.translations()).entrySet()) {
            canonical.append(" [").append(translation.getKey()).append("] ").append(translation.getValue());
        }
        canonical.append('\n');
    }
}
