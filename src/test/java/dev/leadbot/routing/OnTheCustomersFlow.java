package dev.leadbot.routing;

import dev.leadbot.testing.Flows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test that asks for a {@link RoutedBot} a fresh one on the customer's flow, its store in a folder of its own;
 * the bot is closed and the folder deleted once the test ends.
 */
final class OnTheCustomersFlow implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RoutedBot.class;
    }

    @Override
    public RoutedBot resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            Path dir = Files.createTempDirectory("routed-bot");
            RoutedBot bot = new RoutedBot(dir, Flows.qualification(), Flows.QUALIFICATION);
            context.getStore(ExtensionContext.Namespace.create(OnTheCustomersFlow.class)).put(bot, (AutoCloseable) () -> {
                bot.close();
                delete(dir);
            });
            return bot;
        } catch (Exception e) {
            throw new ParameterResolutionException("cannot start a routed bot on the customer's flow", e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
