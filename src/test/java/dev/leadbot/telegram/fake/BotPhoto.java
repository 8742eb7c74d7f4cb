package dev.leadbot.telegram.fake;

/** A photo the bot sent: its caption as the user reads it, the caption's HTML, and the image file's bytes. */
public record BotPhoto(int id, String caption, String html, byte[] image) {
}
