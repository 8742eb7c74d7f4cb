package dev.leadbot.telegram.fake;

/** A document the bot sent (sendDocument): its file name, its bytes exactly as uploaded, and its caption as shown. */
public record BotDocument(int id, String fileName, byte[] content, String caption) {

    public BotDocument {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
