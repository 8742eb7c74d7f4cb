package dev.leadbot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Calls the Bot API and sorts every outcome into a {@link CallResult}; never throws. The token
 * is scrubbed from every reason, so no log line can leak it.
 */
final class BotApi implements ApiCalls {

    private final OkHttpTelegramClient client;
    private final String token;

    BotApi(OkHttpTelegramClient client, String token) {
        this.client = client;
        this.token = token;
    }

    @Override
    public CallResult call(BotApiMethod<? extends Serializable> method) {
        try {
            Serializable result = client.execute(method);
            return new CallResult.Done(result instanceof Message message ? Optional.of(message.getMessageId()) : Optional.empty());
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException | RuntimeException e) {
            return new CallResult.Transient(scrub(method.getMethod() + ": " + e));
        }
    }

    /** Uploads a photo (a multipart call, which {@link #call} cannot make); the outcome sorted like any call's. */
    CallResult send(SendPhoto photo) {
        return upload("sendPhoto", () -> client.execute(photo));
    }

    /** Uploads a document, like {@link #send(SendPhoto)}. */
    CallResult send(SendDocument document) {
        return upload("sendDocument", () -> client.execute(document));
    }

    private interface Upload {
        Message make() throws TelegramApiException;
    }

    private CallResult upload(String method, Upload upload) {
        try {
            Message message = upload.make();
            return new CallResult.Done(Optional.ofNullable(message).map(Message::getMessageId));
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException | RuntimeException e) {
            return new CallResult.Transient(scrub(method + ": " + e));
        }
    }

    /**
     * The result of a call whose answer the caller needs, such as getMe; failures keep the token out of their message.
     * Telegram's own refusal comes as it is (its code and description carry no token); any other keeps its cause, so
     * a DNS failure can be told from a refused connection or a timeout.
     */
    <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException {
        try {
            return client.execute(method);
        } catch (TelegramApiRequestException e) {
            throw e;
        } catch (TelegramApiException e) {
            throw new TelegramApiException(scrub(method.getMethod() + ": " + e.getMessage()), e.getCause());
        }
    }

    private CallResult classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = scrub(String.valueOf(e.getApiResponse()));
        if (code == 429) {
            int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null ? e.getParameters().getRetryAfter() : 1;
            return new CallResult.RetryAfter(Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (code == 400 && description.contains("message is not modified")) {
            return new CallResult.Done(Optional.empty());
        }
        if (code == 403) {
            return new CallResult.Blocked(description);
        }
        if (code >= 500 || code == 0) {
            return new CallResult.Transient(code + " " + description);
        }
        return new CallResult.Rejected(code + " " + description);
    }

    String scrub(String text) {
        return text == null ? "" : text.replace(token, "<token>");
    }
}
