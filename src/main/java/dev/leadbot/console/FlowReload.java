package dev.leadbot.console;

import dev.leadbot.engine.Conversation;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import dev.leadbot.flow.Problem;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the flow file again and decides whether the bot may switch to it: a valid flow is taken at
 * once and the report says how many open conversations lose their question (each starts over with a
 * notice at its next message, as after a restart with an edited flow; the others continue); an
 * invalid one is refused with every problem at its line and column, and the running flow stays.
 */
public final class FlowReload {

    /**
     * Telegram's limit for a message, less room for the "and N more" line; the file's path is
     * written three times at most (the title, that line, and "changed on disk" when the watcher reports).
     */
    private static final int ROOM = 3900;

    /** What came of reading the flow file. */
    public sealed interface Outcome {
        String report();

        /** The flow to switch to, and the report for the owner. */
        record Loaded(Flow flow, String report) implements Outcome {
        }

        /** Nothing changes; the report says why. */
        record Refused(String report) implements Outcome {
        }
    }

    private FlowReload() {
    }

    /** @param open the conversations not finished yet, to count the ones whose question is gone */
    public static Outcome of(Path file, List<Conversation> open) {
        Flow flow;
        try {
            flow = FlowLoader.load(file);
        } catch (InvalidFlowException e) {
            return new Outcome.Refused(problems(file, e.problems()));
        } catch (NoSuchFileException e) {
            return new Outcome.Refused("flow not loaded, the running flow stays: " + file + ": no such file");
        } catch (IOException e) {
            return new Outcome.Refused("flow not loaded, the running flow stays: " + file + ": cannot read it: " + e.getMessage());
        }
        long restarted = open.stream().filter(conversation -> flow.node(conversation.node()).isEmpty()).count();
        return new Outcome.Loaded(flow, "flow loaded: " + flow.nodes().size() + " nodes; " + restarted + " open conversation"
                + (restarted == 1 ? "" : "s") + " restarted");
    }

    /** Every problem as {@code validate} prints it, as many as fit in one message. */
    private static String problems(Path file, List<Problem> problems) {
        StringBuilder report = new StringBuilder("flow not loaded, the running flow stays: ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" in ").append(file);
        int shown = 0;
        for (Problem problem : problems) {
            String line = problem.toString();
            if (report.length() + 1 + line.length() > ROOM - 2 * file.toString().length()) {
                break;
            }
            report.append('\n').append(line);
            shown++;
        }
        if (shown < problems.size()) {
            report.append("\n… and ").append(problems.size() - shown).append(" more: leadbot validate ").append(file).append(" lists them all");
        }
        return report.toString();
    }
}
