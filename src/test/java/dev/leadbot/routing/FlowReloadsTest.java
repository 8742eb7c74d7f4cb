package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Input;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import dev.leadbot.flow.Problem;
import dev.leadbot.testing.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An owner's /reload: a broken file is reported line by line and changes nothing; a good one is run at once. */
class FlowReloadsTest {

    private static final String ROLE = "какой вариант вас лучше описывает?";

    @TempDir
    Path dir;

    @Test
    void aBrokenFileIsReportedAtItsLinesAndTheRunningFlowStays() throws Exception {
        Path file = copyOfTheCustomersFlow();
        try (RoutedBot bot = new RoutedBot(dir, Flows.load(file), file)) {
            bot.route(bot.input(42, new Input.Start(Optional.empty())));
            bot.route(bot.press(42, "Я владелец бизнеса"));

            Files.writeString(file, Files.readString(file).replace("start: greeting", "start: greting")
                    .replace("next: sphere", "next: spere"));
            List<Problem> problems = assertThrows(InvalidFlowException.class, () -> FlowLoader.load(file)).problems();
            assertEquals(2, problems.size(), problems.toString());
            bot.route(bot.command(RoutedBot.OWNER, "/reload"));

            List<RecordingChats.Said> said = bot.chats.said();
            assertEquals(1, said.size(), said.toString());
            String report = said.get(0).text();
            assertTrue(report.startsWith("flow not loaded, the running flow stays: 2 problems in " + file + "\n"), report);
            for (Problem problem : problems) {
                assertTrue(report.contains(problem.toString()), problem + " in " + report);
            }
            assertTrue(report.contains(file + ":12:8: "), report);
            List<String> next = bot.route(bot.press(42, "B2B-компания"));
            assertTrue(next.stream().anyMatch(reply -> reply.contains("Что для вас сейчас важнее всего?")), next.toString());
        }
    }

    @Test
    void aGoodFileIsRunAtOnceAChatWhoseQuestionIsGoneStartsOverAndTheOthersContinue() throws Exception {
        Path file = copyOfTheCustomersFlow();
        try (RoutedBot bot = new RoutedBot(dir, Flows.load(file), file)) {
            bot.route(bot.input(42, new Input.Start(Optional.empty())));
            bot.route(bot.press(42, "Я владелец бизнеса"));
            bot.route(bot.input(43, new Input.Start(Optional.empty())));

            // The sphere question gets a new id (and a new wording): a chat waiting at it has lost its question.
            Files.writeString(file, Files.readString(file).replaceAll("\\bsphere\\b", "industry")
                    .replace("В какой сфере", "В какой отрасли"));
            int nodes = Flows.load(file).nodes().size();
            bot.route(bot.command(RoutedBot.OWNER, "/reload"));

            assertEquals(List.of(new RecordingChats.Said(RoutedBot.OWNER, "reload report",
                    "flow loaded: " + nodes + " nodes; 1 open conversation restarted", ChatPort.Lane.REPLY)), bot.chats.said());
            Incoming.FromProspect stale = bot.press(42, "B2B-компания");
            List<String> restarted = bot.route(stale);
            assertTrue(restarted.stream().anyMatch(reply -> reply.contains(ROLE)), restarted.toString());
            List<ChatPort.CallbackAnswer> answers = bot.chats.answers();
            assertEquals(new ChatPort.CallbackAnswer(stale.callbackId().orElseThrow(), Optional.of("Мы обновили вопросы, поэтому начнём сначала.")),
                    answers.get(answers.size() - 1));
            List<String> continuing = bot.route(bot.press(43, "Я владелец бизнеса"));
            assertTrue(continuing.stream().anyMatch(reply -> reply.contains("В какой отрасли")), continuing.toString());
        }
    }

    private Path copyOfTheCustomersFlow() throws Exception {
        Path file = dir.resolve("flow.yaml");
        Files.copy(Flows.QUALIFICATION, file);
        Files.copy(Flows.QUALIFICATION.resolveSibling("flow.schema.json"), dir.resolve("flow.schema.json"));
        return file;
    }
}
