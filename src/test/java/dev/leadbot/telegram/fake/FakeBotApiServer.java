package dev.leadbot.telegram.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Bot API as a program, to try a bot without Telegram: it serves on a loopback port, prints what the bot sends
 * to the prospect and to the owner, and sends each line typed as the prospect's message; {@code [2]} presses the second
 * button of the newest message that has buttons.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.mainClass=dev.leadbot.telegram.fake.FakeBotApiServer [-Dexec.args="PORT LANGUAGE"]</pre>
 */
public final class FakeBotApiServer implements AutoCloseable {

    static final int DEFAULT_PORT = 8081;
    /** The owner chat the fake knows as started, so the bot's start-up check of its owners passes. */
    static final long OWNER = 100;
    private static final Pattern PRESS = Pattern.compile("\\[(\\d+)]");

    private final FakeBotApi api;
    private final FakeUser prospect;
    private final PrintStream out;

    /**
     * Each run is a new prospect with update ids above any earlier run's (both from the clock's seconds), so a bot whose
     * database remembers an earlier run neither skips the new updates nor continues the old conversation.
     */
    FakeBotApiServer(int port, String language, PrintStream out) throws IOException {
        this.api = new FakeBotApi(port);
        this.out = out;
        int now = (int) (System.currentTimeMillis() / 1000);
        api.numberUpdatesFrom(now);
        api.startedEarlier(OWNER);
        this.prospect = api.user(now, "Anna").language(language);
        api.watch(new Printer());
    }

    FakeBotApi api() {
        return api;
    }

    long prospectChat() {
        return prospect.chatId();
    }

    /** What the prospect does for one typed line: a press ({@code [N]}) or a message. */
    void handle(String line) {
        String typed = line.strip();
        if (typed.isEmpty()) {
            return;
        }
        Matcher press = PRESS.matcher(typed);
        if (press.matches()) {
            press(Integer.parseInt(press.group(1)));
        } else {
            prospect.send(typed);
        }
    }

    private void press(int number) {
        List<BotMessage> messages = api.botMessages(prospect.chatId());
        for (int i = messages.size() - 1; i >= 0; i--) {
            List<String> data = callbackData(messages.get(i));
            if (!data.isEmpty()) {
                if (number < 1 || number > data.size()) {
                    out.println("(the newest message with buttons has " + data.size() + " of them: type [1] to [" + data.size() + "])");
                } else {
                    prospect.pressData(messages.get(i).id(), data.get(number - 1));
                }
                return;
            }
        }
        out.println("(no message with buttons yet: type /start, or write a message)");
    }

    private static List<String> callbackData(BotMessage message) {
        List<String> data = new ArrayList<>();
        message.markup().map(m -> m.path("inline_keyboard"))
                .ifPresent(rows -> rows.forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText()))));
        return data;
    }

    /** Prints each message the bot sends or edits, with its buttons numbered as {@code [N]} presses them. */
    private final class Printer implements FakeBotApi.Watcher {
        private boolean polled;

        @Override
        public void polled(long nanos) {
            if (!polled) {
                polled = true;
                out.println("(the bot is polling: type /start)");
            }
        }

        @Override
        public void accepted(long chatId, String method, BotMessage message, long nanos) {
            String who = chatId == prospect.chatId() ? "to you" : chatId == OWNER ? "to the owner (chat " + OWNER + ")" : "to chat " + chatId;
            String edited = method.startsWith("edit") ? ", edited" : "";
            StringBuilder shown = new StringBuilder("\n--- bot " + who + edited + " ---\n" + message.text());
            List<String> labels = message.buttons();
            for (int i = 0; i < labels.size(); i++) {
                shown.append("\n  [").append(i + 1).append("] ").append(labels.get(i));
            }
            if (message.asksForContact()) {
                shown.append("\n(Telegram shows a \"share my number\" button here: type the number instead)");
            }
            out.println(shown);
        }
    }

    @Override
    public void close() {
        api.close();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        String language = args.length > 1 ? args[1] : "ru";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Optional<FakeBotApiServer> started = start(port, language, out);
        if (started.isEmpty()) {
            System.exit(1);
        }
        try (FakeBotApiServer server = started.get();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("A fake Telegram Bot API listens on " + server.api.url() + " (loopback only). Start the bot against it in another"
                    + " terminal, with files of its own in data/fake (never the real bot's database):\n"
                    + "  LEADBOT_DB=data/fake/leadbot.db LEADBOT_LEADS_FILE=data/fake/leads.jsonl LEADBOT_OWNER_CHAT_IDS=" + OWNER + " \\\n"
                    + "  LEADBOT_TELEGRAM_API_URL=" + server.api.url() + " TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN
                    + " java -jar target/leadbot.jar run\n"
                    + "Then type here as a prospect: each line is your message, [2] presses the second button; Ctrl+C leaves.");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                server.handle(line);
            }
        }
    }

    private static Optional<FakeBotApiServer> start(int port, String language, PrintStream out) throws IOException {
        try {
            return Optional.of(new FakeBotApiServer(port, language, out));
        } catch (BindException e) {
            out.println("Port " + port + " on 127.0.0.1 is taken (" + e.getMessage() + "): give another, -Dexec.args=" + (port + 1));
            return Optional.empty();
        }
    }
}
