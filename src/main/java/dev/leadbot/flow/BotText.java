package dev.leadbot.flow;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bot's own phrases (re-prompts, navigation, notices), with built-in Russian and English
 * defaults. A flow overrides any of them under {@code texts:} by the key {@link #key()}.
 * Words in braces are filled in by the engine ({@code {min}}, {@code {max}}, {@code {phone}}, {@code {example}}).
 */
public enum BotText {
    USE_BUTTONS("Пожалуйста, выберите вариант кнопкой 👆", "Please pick one of the buttons above 👆"),
    NOT_UNDERSTOOD("Не совсем понял ответ 🤔 Выберите, пожалуйста, один из вариантов:",
            "I did not quite get that 🤔 Please choose one of the options:"),
    STALE_BUTTON("Эта кнопка уже не действует — ответьте на последний вопрос 👇",
            "That button has expired — please answer the latest question 👇"),
    BACK_BUTTON("◀️ Назад", "◀️ Back"),
    WENT_BACK("↩️ Возвращаемся на шаг назад.", "↩️ Going back one step."),
    NOTHING_TO_UNDO("Это первый вопрос — назад некуда.", "This is the first question, there is nothing to go back to."),
    RESTARTED("🔄 Начинаем сначала.", "🔄 Starting over."),
    RESUME_PROMPT("Мы уже начали разговор. Продолжим с того же места или начнём заново?",
            "We have already started. Shall we continue where we left off, or start over?"),
    RESUME_CONTINUE("▶️ Продолжить", "▶️ Continue"),
    RESUME_RESTART("🔄 Начать заново", "🔄 Start over"),
    ALREADY_DONE("Ваша заявка уже у нас ✅ Чтобы пройти вопросы заново, отправьте /restart.",
            "We already have your request ✅ To go through the questions again, send /restart."),
    TOO_FEW("Отметьте хотя бы {min} {min:вариант|варианта|вариантов}.", "Please tick at least {min} {min:option|options}."),
    TOO_MANY("Можно отметить не больше {max} {max:варианта|вариантов|вариантов}.", "You can tick at most {max} {max:option|options}."),
    REASK_TEXT("Напишите, пожалуйста, ответ одним текстовым сообщением.", "Please type your answer as one text message."),
    TOO_SHORT("Слишком коротко — напишите хотя бы {min} {min:символ|символа|символов}.",
            "That is a bit short, please write at least {min} {min:character|characters}."),
    TOO_LONG("Слишком длинно — уложитесь, пожалуйста, в {max} {max:символ|символа|символов}.",
            "That is too long, please keep it within {max} {max:character|characters}."),
    REASK_PHONE("Не похоже на номер телефона. Напишите его с кодом страны, например {example}, или нажмите кнопку ниже.",
            "That does not look like a phone number. Type it with the country code, e.g. {example}, or press the button below."),
    SHARE_CONTACT("📱 Отправить мой номер", "📱 Share my number"),
    PHONE_SAVED("📞 Записал номер: {phone}", "📞 Got your number: {phone}"),
    REASK_NAME("Кажется, это не имя 🙂 Напишите, пожалуйста, как к вам обращаться, например: Анна.",
            "That does not look like a name 🙂 Please type what we should call you, for example: Anna."),
    PHONE_AT_NAME("📞 Записал номер: {phone}. А как к вам обращаться? Напишите, пожалуйста, имя.",
            "📞 Got your number: {phone}. And what should we call you? Please type your name."),
    OTHERS_CONTACT("чужой контакт", "someone else's contact"),
    REASK_EMAIL("Не похоже на e-mail. Проверьте адрес, например name@example.com.",
            "That does not look like an e-mail address. Please check it, e.g. name@example.com."),
    REASK_NUMBER("Напишите, пожалуйста, число цифрами.", "Please type a number in digits."),
    NUMBER_TOO_SMALL("Число должно быть не меньше {min}.", "The number must be at least {min}."),
    NUMBER_TOO_LARGE("Число должно быть не больше {max}.", "The number must be at most {max}."),
    FORGET_PROMPT("Удалить все ваши ответы и контакты из бота? Это нельзя отменить.",
            "Delete all your answers and contact details from the bot? This cannot be undone."),
    FORGET_CONFIRM("🗑 Да, удалить", "🗑 Yes, delete"),
    FORGET_CANCEL("Нет, оставить", "No, keep them"),
    FORGOTTEN("Готово: ваши ответы и контакты удалены. Чтобы начать заново, отправьте /start.",
            "Done: your answers and contact details are deleted. To start again, send /start."),
    UNKNOWN_COMMAND("Я понимаю команды /start, /back (шаг назад), /restart (начать заново) и /forget (удалить мои данные).",
            "I understand /start, /back (one step back), /restart (start over) and /forget (delete my data)."),
    PRIVATE_ONLY("Я работаю только в личных сообщениях — напишите мне напрямую 🙂", "I only work in private chats, please message me directly 🙂"),
    FLOW_CHANGED("Мы обновили вопросы, поэтому начнём сначала.", "We have updated our questions, so let us start from the beginning."),
    DONE("➡️ Готово", "➡️ Done"),
    AND("и", "and");

    /** Languages whose speakers in our markets more often read Russian than English. */
    private static final Set<String> RUSSIAN_READING = Set.of("ru", "kk", "uz", "hy", "be", "ky", "tg", "az");

    private final String russian;
    private final String english;

    BotText(String russian, String english) {
        this.russian = russian;
        this.english = english;
    }

    /** The key an owner writes under {@code texts:}, e.g. {@code use_buttons}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The built-in text: Russian and English, falling back to Russian in a flow whose default
     * language is read by Russian speakers in our markets, to English otherwise.
     */
    public Text defaults(String flowLanguage) {
        return builtIn(russian, english, flowLanguage);
    }

    /**
     * A built-in text of any adapter (the terminal's hints, say) chosen as the bot's phrases are:
     * Russian and English, falling back as {@link #defaults} does.
     */
    public static Text builtIn(String russian, String english, String flowLanguage) {
        String fallback = RUSSIAN_READING.contains(flowLanguage) ? russian : english;
        return new Text(fallback, Map.of("ru", russian, "en", english), Position.BUILT_IN);
    }
}
