package dev.leadbot.engine;

import dev.leadbot.flow.BotText;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.InputKind;
import dev.leadbot.flow.InputNode;
import dev.leadbot.flow.MessageNode;
import dev.leadbot.flow.MultiSelectNode;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Option;
import dev.leadbot.flow.Text;
import dev.leadbot.lead.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns flow texts into what one prospect reads: their language, their answers, their buttons. */
final class Renderer {

    static final String TICKED = "✅ ";
    static final String UNTICKED = "▫️ ";

    private final Flow flow;
    private final Conversation state;
    private final String language;

    Renderer(Flow flow, Conversation state) {
        this(flow, state, state.prospect().languageCode().isBlank() ? flow.defaultLanguage() : state.prospect().languageCode());
    }

    /** In {@code language} rather than the prospect's: what the owner reads is in the flow's own language. */
    Renderer(Flow flow, Conversation state, String language) {
        this.flow = flow;
        this.state = state;
        this.language = language;
    }

    String language() {
        return language;
    }

    /** The text with every {@code {variable}} replaced by the label of its latest answer, and {@code {{}/{@code }}} by one brace. */
    String render(Text text) {
        return render(text, Map.of());
    }

    /**
     * Like {@link #render(Text)}, with {@code params} (a bot phrase's {@code {min}}, {@code {phone}}…)
     * taking precedence over answers of the same name.
     */
    String render(Text text, Map<String, String> params) {
        return text.render(language, name -> params.containsKey(name) ? Optional.of(params.get(name))
                : name.equals(Flow.PROSPECT_NAME) ? Optional.of(state.prospect().firstName())
                : state.latest(name).map(Answer::label));
    }

    String phrase(BotText key) {
        return render(flow.texts().get(key));
    }

    /** A bot phrase with its parameter filled in, e.g. {@code {max}} of "tick at most {max}". */
    String phrase(BotText key, String param, Object value) {
        return render(flow.texts().get(key), Map.of(param, String.valueOf(value)));
    }

    String label(Option option) {
        return render(option.label());
    }

    /** Labels joined as a person lists things: "A, B and C". */
    String joined(List<String> labels) {
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " " + phrase(BotText.AND) + " "
                + labels.get(labels.size() - 1);
    }

    /** The message showing {@code node}'s question: the messages shown with it first, then its text. */
    String question(Node node) {
        List<String> parts = new ArrayList<>();
        for (String id : state.preface()) {
            flow.node(id).filter(MessageNode.class::isInstance).ifPresent(message -> parts.add(render(message.text())));
        }
        parts.add(render(node.text()));
        return String.join(Steps.BETWEEN, parts);
    }

    /**
     * Whether the message now showing {@code node} (or the bot's own prompt in its place) carries
     * inline buttons, i.e. whether there is anything to take off it. Kept in step with {@link #keyboard}.
     */
    boolean showsButtons(Node node) {
        if (state.status() == Conversation.Status.RESUMING || state.status() == Conversation.Status.FORGETTING) {
            return true;
        }
        if (node instanceof InputNode input && input.kind() == InputKind.PHONE) {
            return false;
        }
        return !node.options().isEmpty() || node instanceof MultiSelectNode || !state.answers().isEmpty();
    }

    /** The buttons under a question: its options, then a way back if there is one. */
    Keyboard keyboard(Node node, List<String> ticked) {
        if (node instanceof InputNode input && input.kind() == InputKind.PHONE) {
            return new Keyboard.RequestContact(phrase(BotText.SHARE_CONTACT));
        }
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        for (Option option : node.options()) {
            Action action = node instanceof MultiSelectNode ? new Action.Toggle(option.id()) : new Action.Pick(option.id());
            String mark = node instanceof MultiSelectNode ? (ticked.contains(option.id()) ? TICKED : UNTICKED) : "";
            rows.add(List.of(new Keyboard.Button(mark + label(option), action)));
        }
        if (node instanceof MultiSelectNode multi) {
            rows.add(List.of(new Keyboard.Button(render(multi.done()), new Action.Done())));
        }
        if (!state.answers().isEmpty()) {
            rows.add(List.of(new Keyboard.Button(phrase(BotText.BACK_BUTTON), new Action.GoBack())));
        }
        return rows.isEmpty() ? Keyboard.none() : new Keyboard.Buttons(rows);
    }
}
