package dev.leadbot.telegram;

/** Escaping for Telegram's HTML parse mode: every string from a prospect or a flow goes through here. */
final class Html {

    private Html() {
    }

    /** {@code <}, {@code >}, {@code &} and {@code "} as entities, the only characters Telegram's HTML needs escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }
}
