package dev.leadbot.telegram;

import java.util.Optional;

/** What owners may ask the bot in their own chat; everyone else's owner commands are answered as unknown ones. */
interface OwnerCommands {

    /** For a bot without owner chats: nobody is answered. */
    OwnerCommands NOBODY = new OwnerCommands() {
        @Override
        public boolean answers(long chatId) {
            return false;
        }

        @Override
        public void stats(long chatId, Optional<String> period) {
            throw new IllegalStateException("chat " + chatId + " is no owner's");
        }
    };

    /** Whether {@code chatId} is an owner's chat. */
    boolean answers(long chatId);

    /** {@code /stats [period]} from an owner's chat: called once the update is committed. */
    void stats(long chatId, Optional<String> period);
}
