package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** Calls kept in the store read back exactly, lane included, so what a crash left unsent goes out the same way. */
class StoredCallTest {

    @Test
    void aCopyOfAMessageOnTheBulkLaneReadsBackAsItWasAndIsNeverMerged() {
        StoredCall copy = new StoredCall(CopyMessage.builder().chatId(1000L).fromChatId(500L).messageId(42).build(), 0, Outbox.Origin.BOT);

        StoredCall read = StoredCall.decode(copy.encode());

        assertEquals(copy, read);
        assertEquals(Outbox.Superseding.NONE, read.superseding());
        assertEquals(false, read.isEdit());
    }

    @Test
    void aReplyWrittenBeforeLanesWereKeptReadsBackAsAReply() {
        String older = "{\"call\":\"sendmessage\",\"step\":0,\"body\":{\"chat_id\":\"7\",\"text\":\"hi\"}}";

        StoredCall read = StoredCall.decode(older);

        assertEquals(Outbox.Origin.REPLY, read.origin());
        assertEquals(Optional.of("hi"), Optional.of(((SendMessage) read.method()).getText()));
    }
}
