package dev.leadbot.engine;

/** Whole walks through the mini flow, for tests that need a finished conversation. */
final class Walks {

    private Walks() {
    }

    /** The red path to the end: color, extras, name, phone, e-mail, age. */
    static ScriptedChat finishMiniFlow(ScriptedChat chat) {
        return chat.start("vk_ads").press("Red").press("Apple", "Banana", "Done").press("Agree")
                .type("Anna").type("+7 916 123 45 67").type("anna@example.com").type("30");
    }
}
