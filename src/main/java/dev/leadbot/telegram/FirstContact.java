package dev.leadbot.telegram;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The bot's first call, getMe, tried until the Bot API answers: a server that boots before its network is up keeps
 * its bot. Each failed try says its cause (DNS, a refused connection, a timeout, Telegram's own answer) and when the
 * next comes; only Telegram refusing the token (401, or 404 for a token it does not know) ends the start.
 */
final class FirstContact {

    /** Waits between tries: 1 s, 2 s, 4 s … then every minute. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(60));

    /** How a wait is spent; tests pass one that takes no time. */
    interface Pause {
        void sleep(Duration wait) throws InterruptedException;

        static Pause ofThisThread() {
            return wait -> Thread.sleep(wait.toMillis());
        }
    }

    private FirstContact() {
    }

    /**
     * The bot's username, once getMe answers.
     *
     * @param say told of each failed try, in words with no token in them
     * @throws TelegramApiRequestException when Telegram refuses the token: trying again will not help
     * @throws InterruptedException        when the start is called off while waiting
     */
    static String username(BotApi api, URI apiUrl, Pause pause, Consumer<String> say) throws TelegramApiRequestException,
            InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.execute(new GetMe()).getUserName();
            } catch (TelegramApiRequestException e) {
                if (tokenRefused(e)) {
                    throw e;
                }
                retry(attempt, apiUrl, "the Bot API answered " + e.getErrorCode() + " " + e.getApiResponse(), pause, say);
            } catch (TelegramApiException e) {
                retry(attempt, apiUrl, cause(e, apiUrl), pause, say);
            }
        }
    }

    /** 401: the token is wrong, revoked or replaced; 404: Telegram knows no bot by it (a malformed token). */
    static boolean tokenRefused(TelegramApiRequestException e) {
        return e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404);
    }

    private static void retry(int attempt, URI apiUrl, String cause, Pause pause, Consumer<String> say) throws InterruptedException {
        Duration wait = BACKOFF.get(Math.min(attempt, BACKOFF.size()) - 1);
        say.accept("cannot reach the Bot API at " + apiUrl + " (" + cause + "); trying again in " + wait.toSeconds() + " s, try "
                + (attempt + 1));
        pause.sleep(wait);
    }

    /** What went wrong under a failed call, in an operator's words. */
    static String cause(Throwable failure, URI apiUrl) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "DNS: the name " + apiUrl.getHost() + " does not resolve; is the network up?";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + apiUrl.getHost() + "; is the network up?";
            }
            if (t instanceof ConnectException) {
                return "connection refused by " + apiUrl.getHost() + ":" + port(apiUrl) + "; is the address right, or a firewall in the way?";
            }
            if (t instanceof InterruptedIOException) {
                return "timeout: " + apiUrl.getHost() + " did not answer in time; is a firewall or proxy swallowing the calls?";
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "http".equals(url.getScheme()) ? 80 : 443;
    }
}
