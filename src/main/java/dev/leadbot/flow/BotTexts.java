package dev.leadbot.flow;

import java.util.EnumMap;
import java.util.Map;

/** The bot's own phrases for one flow: the built-in defaults with the flow's overrides applied. */
public final class BotTexts {

    private final String language;
    private final Map<BotText, Text> overrides;

    BotTexts(String language, Map<BotText, Text> overrides) {
        this.language = language;
        this.overrides = overrides.isEmpty() ? Map.of() : new EnumMap<>(overrides);
    }

    public Text get(BotText key) {
        return overrides.getOrDefault(key, key.defaults(language));
    }
}
