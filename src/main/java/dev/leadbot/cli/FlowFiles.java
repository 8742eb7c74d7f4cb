package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.config.SettingsProblem;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import dev.leadbot.flow.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Loads a flow for a command, printing every problem so the owner can fix them in one go. */
final class FlowFiles {

    static final String DEFAULT = Settings.DEFAULT_FLOW;

    private FlowFiles() {
    }

    /** The settings' flow, or empty after printing why it cannot be used: a file that is not there at the line naming it. */
    static Optional<Flow> load(Settings settings, PrintWriter err) {
        Optional<SettingsProblem> missing = settings.missingFlow();
        missing.ifPresent(err::println);
        return missing.isPresent() ? Optional.empty() : load(settings.flow(), err);
    }

    /** The flow, or empty after printing why it cannot be used. */
    static Optional<Flow> load(Path file, PrintWriter err) {
        try {
            return Optional.of(FlowLoader.load(file));
        } catch (InvalidFlowException e) {
            e.problems().stream().map(Problem::toString).forEach(err::println);
            err.println(Count.of(e.problems().size(), "problem", "problems") + " in " + file);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file; give the path of a flow, e.g. " + DEFAULT);
        } catch (IOException e) {
            err.println(file + ": cannot read it: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Every variable the flow's questions save, for checking what a sink's fields name. */
    static Set<String> variables(Flow flow) {
        Set<String> variables = new TreeSet<>();
        flow.nodes().forEach(node -> node.savesAs().ifPresent(variables::add));
        return variables;
    }
}
