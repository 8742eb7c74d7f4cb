package dev.leadbot.testing;

import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code leadbot run} from the packaged jar in its own process, with nothing of the caller's environment but what is given. */
public final class BotProcess {

    private BotProcess() {
    }

    /**
     * Starts the jar; its output goes to {@code out<run>.log} and {@code err<run>.log} in {@code dir}, and
     * its settings file is {@code dir/leadbot.yaml} (if any), never one lying in the working directory.
     */
    public static Process start(Path dir, String run, Map<String, String> env) throws IOException {
        return start(dir, run, env, List.of());
    }

    /** The same, with these options for the JVM (heap, collector, class-data archive…). */
    public static Process start(Path dir, String run, Map<String, String> env, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        Path settings = dir.resolve("leadbot.yaml");
        if (!Files.exists(settings)) {
            // A named settings file must exist; this one leaves every setting to the environment.
            Files.writeString(settings, "# this run's settings are in its environment\n");
        }
        command.addAll(List.of("-jar", "target/leadbot.jar", "run", "--config", settings.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out" + run + ".log").toFile()).redirectError(dir.resolve("err" + run + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LEADBOT_") || key.equals("TELEGRAM_BOT_TOKEN"));
        // Each run gets its own database unless told otherwise: a stored polling offset would make a fresh fake's updates look handled.
        builder.environment().put("LEADBOT_DB", dir.resolve("data/leadbot.db").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Everything a bot needs to talk to {@code api}, with owner chat 1000 and its files in {@code dir/data}. */
    public static Map<String, String> against(FakeBotApi api, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("LEADBOT_TELEGRAM_API_URL", api.url().toString());
        env.put("LEADBOT_OWNER_CHAT_IDS", "1000");
        env.put("LEADBOT_LEADS_FILE", dir.resolve("data/leads.jsonl").toString());
        return env;
    }

    /** Presses once the button is there, then waits for a new message containing {@code expected}. */
    public static void press(FakeBotApi api, FakeUser user, String button, String expected) {
        List<BotMessage> shown = api.await(user.chatId(), all -> all.stream().anyMatch(m -> m.callbackData(button).isPresent()));
        int pressed = shown.size() - 1;
        while (shown.get(pressed).callbackData(button).isEmpty()) {
            pressed--;
        }
        int from = pressed;
        user.press(button);
        // The pressed question itself may be where the words after the answer appear.
        api.await(user.chatId(), all -> all.stream().skip(from).anyMatch(m -> m.text().contains(expected)));
    }

    /** Types {@code text}, then waits for a new message containing {@code expected}. */
    public static void send(FakeBotApi api, FakeUser user, String text, String expected) {
        int before = api.botMessages(user.chatId()).size();
        user.send(text);
        api.await(user.chatId(), all -> all.stream().skip(before).anyMatch(m -> m.text().contains(expected)));
    }

    /** Walks the customer's flow down the owner's path, from {@code start} (a /start, with a source or not) to the thanks, as "Клиент". */
    public static void ownerPath(FakeBotApi api, FakeUser user, String start) {
        send(api, user, start, "какой вариант");
        press(api, user, "Я владелец бизнеса", "В какой сфере");
        press(api, user, "B2B-компания", "Что для вас сейчас важнее всего?");
        press(api, user, "Квалифицировать входящие заявки", "Давайте обсудим");
        press(api, user, "Продолжить", "Как к вам обращаться?");
        send(api, user, "Клиент", "Как вам удобнее");
        press(api, user, "Напишите мне в Telegram", "Когда вам удобно");
        press(api, user, "Вечером", "Спасибо, Клиент!");
    }

    /** What the run printed, stdout then stderr. */
    public static String output(Path dir, String run) throws IOException {
        return Files.readString(dir.resolve("out" + run + ".log")) + Files.readString(dir.resolve("err" + run + ".log"));
    }
}
