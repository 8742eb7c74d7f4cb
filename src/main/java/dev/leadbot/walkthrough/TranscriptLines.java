package dev.leadbot.walkthrough;

import dev.leadbot.engine.Keyboard;
import dev.leadbot.engine.Output;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the prospect sees of one engine output, as lines of a readable transcript. */
final class TranscriptLines {

    List<String> of(Output output) {
        List<String> lines = new ArrayList<>();
        if (output instanceof Output.Say say) {
            lines.add("");
            lines.add("bot: " + indent(say.text()));
            lines.addAll(keyboard(say.keyboard()));
        } else if (output instanceof Output.Ask ask) {
            lines.add("");
            lines.add("bot: " + indent(ask.text()));
            lines.addAll(keyboard(ask.keyboard()));
        } else if (output instanceof Output.Edit edit) {
            lines.addAll(keyboard(edit.keyboard()));
        } else if (output instanceof Output.Answered answered) {
            lines.add("     (the question now shows the answer: " + Output.Answered.MARK + answered.answer() + ")");
            answered.after().ifPresent(after -> lines.add("bot: " + indent(after)));
        } else if (output instanceof Output.Notice notice) {
            lines.add("bot (notice): " + indent(notice.text()));
        } else if (output instanceof Output.Reminder reminder) {
            lines.add("bot: " + indent(reminder.text()));
        } else if (output instanceof Output.Completed completed) {
            lines.add("");
            lines.addAll(lead(completed.lead()));
        } else if (output instanceof Output.Declined declined) {
            lines.add("");
            lines.add("no lead: consent was declined, so nothing about the prospect is kept or sent (ends at '" + declined.end() + "')");
        }
        return lines;
    }

    /** Every text of an output a prospect reads: messages, questions, edits and notices. */
    static List<String> texts(Output output) {
        List<String> texts = new ArrayList<>();
        if (output instanceof Output.Say say) {
            texts.add(say.text());
        } else if (output instanceof Output.Ask ask) {
            texts.add(ask.text());
        } else if (output instanceof Output.Answered answered) {
            texts.add(answered.text());
        } else if (output instanceof Output.Notice notice) {
            texts.add(notice.text());
        } else if (output instanceof Output.Reminder reminder) {
            texts.add(reminder.text());
        }
        return texts;
    }

    /** The labels of an output's buttons. */
    static List<String> labels(Output output) {
        Keyboard keyboard = output instanceof Output.Ask ask ? ask.keyboard() : output instanceof Output.Say say ? say.keyboard()
                : output instanceof Output.Edit edit ? edit.keyboard() : Keyboard.none();
        if (keyboard instanceof Keyboard.Buttons inline) {
            return inline.rows().stream().flatMap(List::stream).map(Keyboard.Button::label).toList();
        }
        return keyboard instanceof Keyboard.RequestContact request ? List.of(request.label()) : List.of();
    }

    static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }

    private static String indent(String text) {
        return text.replace("\n", "\n     ");
    }

    private static List<String> keyboard(Keyboard keyboard) {
        if (keyboard instanceof Keyboard.Buttons inline) {
            return inline.rows().stream().map(row -> "     " + row.stream().map(b -> "[" + b.label() + "]")
                    .collect(Collectors.joining(" "))).toList();
        }
        if (keyboard instanceof Keyboard.RequestContact request) {
            return List.of("     [" + request.label() + "] (a keyboard that shares the prospect's number)");
        }
        return List.of();
    }

    private static List<String> lead(Lead lead) {
        List<String> lines = new ArrayList<>();
        lines.add("lead: score " + lead.score() + (lead.tags().isEmpty() ? "" : ", tags " + String.join(", ", lead.tags())));
        for (Answer answer : lead.answers()) {
            lines.add("  " + answer.variable() + ": " + answer.label());
        }
        contact("name", lead.contact().name(), lines);
        contact("phone", lead.contact().phone(), lines);
        contact("e-mail", lead.contact().email(), lines);
        contact("telegram", lead.contact().username().map(u -> "@" + u), lines);
        lines.add("  path: " + String.join(" → ", lead.path()));
        return lines;
    }

    private static void contact(String what, Optional<String> value, List<String> lines) {
        value.ifPresent(v -> lines.add("  contact " + what + ": " + v));
    }
}
