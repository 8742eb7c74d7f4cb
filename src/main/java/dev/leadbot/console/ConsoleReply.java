package dev.leadbot.console;

import dev.leadbot.lead.Lead;
import java.util.List;
import java.util.Objects;

/** What the console answers an owner with; the Telegram adapter renders and sends it. */
public sealed interface ConsoleReply {

    /** A plain text (escaped when rendered) with rows of buttons under it, possibly none. */
    record Text(String text, List<List<ConsoleButton>> rows) implements ConsoleReply {
        public Text {
            Objects.requireNonNull(text, "text");
            rows = rows.stream().map(List::copyOf).toList();
        }

        public Text(String text) {
            this(text, List.of());
        }
    }

    /** The answer to the button press itself: a short notice over the chat, or nothing. */
    record Notice(String text) implements ConsoleReply {
    }

    /** These owner-chat messages show leads whose status changed: edit each to show it. */
    record Refresh(List<ShownSummary> messages) implements ConsoleReply {
        public Refresh {
            messages = List.copyOf(messages);
        }
    }

    /** One owner-chat message of summaries, as it must look now. */
    record ShownSummary(long chatId, int messageId, List<ShownLead> leads) {
        public ShownSummary {
            leads = List.copyOf(leads);
        }
    }

    /** One lead in a summary message: the line under it saying who took it and what came of it (empty while new), and its buttons. */
    record ShownLead(Lead lead, String status, List<List<ConsoleButton>> rows) {
        public ShownLead {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A lead's full summary, as the owner chats received it. */
    record Summary(Lead lead) implements ConsoleReply {
    }

    /** A file to send as a document. */
    record Document(String fileName, byte[] content, String caption) implements ConsoleReply {
        public Document {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Document d && d.fileName.equals(fileName) && java.util.Arrays.equals(d.content, content)
                    && d.caption.equals(caption);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, java.util.Arrays.hashCode(content), caption);
        }

        @Override
        public String toString() {
            return "Document[" + fileName + ", " + content.length + " bytes, " + caption + "]";
        }
    }
}
