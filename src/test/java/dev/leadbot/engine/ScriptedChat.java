package dev.leadbot.engine;

import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives one conversation through the engine as a prospect would: start, press buttons by
 * their label, type. Time moves five seconds per input, so leads are reproducible.
 */
final class ScriptedChat {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Prospect ANNA = new Prospect(42, 4242, Optional.of("anna_k"), "Anna", Optional.of("Kim"), "ru");

    private final ConversationEngine engine;
    private Prospect prospect;
    private Optional<Conversation> state = Optional.empty();
    private Instant now = T0;
    private List<Output> last = List.of();
    private final List<Output> all = new ArrayList<>();
    private int buttonsStep;
    private String buttonsNode = "";
    private Keyboard buttons = Keyboard.none();

    ScriptedChat(Flow flow) {
        this(flow, ANNA);
    }

    ScriptedChat(Flow flow, Prospect prospect) {
        this.engine = new ConversationEngine(flow);
        this.prospect = prospect;
    }

    ScriptedChat start() {
        return send(new Input.Start(Optional.empty()));
    }

    ScriptedChat start(String payload) {
        return send(new Input.Start(Optional.of(payload)));
    }

    ScriptedChat type(String text) {
        return send(new Input.Typed(text));
    }

    ScriptedChat back() {
        return send(new Input.Back());
    }

    ScriptedChat restart() {
        return send(new Input.Restart());
    }

    /** The prospect has been silent long enough for the conversation to count as abandoned. */
    ScriptedChat abandon() {
        return send(new Input.Abandoned());
    }

    ScriptedChat sticker() {
        return send(new Input.Unsupported());
    }

    ScriptedChat contact(String phone, boolean own) {
        return send(new Input.SharedContact(phone, own));
    }

    /** Presses the button of the latest keyboard whose label contains {@code label}. */
    ScriptedChat press(String label) {
        return send(new Input.Press(buttonsStep, buttonsNode, button(label).action()));
    }

    /** Presses every button whose label contains one of {@code labels}, in order. */
    ScriptedChat press(String... labels) {
        for (String label : labels) {
            press(label);
        }
        return this;
    }

    /** Presses the buttons that pick or tick the options with these ids, in order. */
    ScriptedChat choose(String... optionIds) {
        for (String id : optionIds) {
            Keyboard.Button button = buttons().stream().filter(b -> b.action().equals(new Action.Pick(id))
                    || b.action().equals(new Action.Toggle(id))).findFirst()
                    .orElseThrow(() -> new AssertionError("no option '" + id + "' among " + buttonLabels()));
            send(new Input.Press(buttonsStep, buttonsNode, button.action()));
        }
        return this;
    }

    ScriptedChat send(Input input) {
        Transition transition = engine.handle(state, prospect, input, now);
        state = Optional.of(transition.state());
        last = transition.outputs();
        all.addAll(last);
        now = now.plus(Duration.ofSeconds(5));
        for (Output output : last) {
            if (output instanceof Output.Ask ask) {
                remember(ask.step(), ask.node(), ask.keyboard());
            } else if (output instanceof Output.Edit edit && edit.step() == buttonsStep) {
                remember(edit.step(), edit.node(), edit.keyboard());
            }
        }
        return this;
    }

    ScriptedChat as(Prospect someone) {
        this.prospect = someone;
        return this;
    }

    Conversation state() {
        return state.orElseThrow();
    }

    /** What the last input produced. */
    List<Output> outputs() {
        return last;
    }

    /** The texts of the last input's messages, questions and notices, in order. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Output output : last) {
            if (output instanceof Output.Say say) {
                texts.add(say.text());
            } else if (output instanceof Output.Ask ask) {
                texts.add(ask.text());
            } else if (output instanceof Output.Notice notice) {
                texts.add(notice.text());
            } else if (output instanceof Output.Answered answered) {
                texts.add(answered.text());
            } else if (output instanceof Output.Reminder reminder) {
                texts.add(reminder.text());
            }
        }
        return texts;
    }

    /** The labels of the buttons now under the latest question. */
    List<String> buttonLabels() {
        return buttons().stream().map(Keyboard.Button::label).toList();
    }

    private List<Keyboard.Button> buttons() {
        if (buttons instanceof Keyboard.Buttons inline) {
            return inline.rows().stream().flatMap(List::stream).toList();
        }
        return List.of();
    }

    Keyboard keyboard() {
        return buttons;
    }

    int step() {
        return buttonsStep;
    }

    String node() {
        return buttonsNode;
    }

    /** The lead completed in this conversation, if any. */
    Optional<Lead> lead() {
        return all.stream().filter(Output.Completed.class::isInstance).map(o -> ((Output.Completed) o).lead()).reduce((a, b) -> b);
    }

    /** Every partial lead this conversation made, in order. */
    List<Lead> partials() {
        return all.stream().filter(Output.Partial.class::isInstance).map(o -> ((Output.Partial) o).lead()).toList();
    }

    long leadsCompleted() {
        return all.stream().filter(Output.Completed.class::isInstance).count();
    }

    private Keyboard.Button button(String label) {
        return buttons().stream().filter(b -> b.label().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' among " + buttonLabels() + "; last outputs: " + last));
    }

    private void remember(int step, String node, Keyboard keyboard) {
        buttonsStep = step;
        buttonsNode = node;
        buttons = keyboard;
    }
}
