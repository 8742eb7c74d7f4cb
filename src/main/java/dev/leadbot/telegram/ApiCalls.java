package dev.leadbot.telegram;

import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/** Makes one Bot API call and says what came of it; never throws. */
interface ApiCalls {

    CallResult call(BotApiMethod<? extends Serializable> method);
}
