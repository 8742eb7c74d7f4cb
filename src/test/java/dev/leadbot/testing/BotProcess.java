package dev.leadbot.testing;

import dev.leadbot.telegram.fake.FakeBotApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code leadbot run} from the packaged jar in its own process, with nothing of the caller's environment but what is given. */
public final class BotProcess {

    private BotProcess() {
    }

    /** Starts the jar; its output goes to {@code out<run>.log} and {@code err<run>.log} in {@code dir}. */
    public static Process start(Path dir, String run, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", "target/leadbot.jar", "run")
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

    /** What the run printed, stdout then stderr. */
    public static String output(Path dir, String run) throws IOException {
        return Files.readString(dir.resolve("out" + run + ".log")) + Files.readString(dir.resolve("err" + run + ".log"));
    }
}
