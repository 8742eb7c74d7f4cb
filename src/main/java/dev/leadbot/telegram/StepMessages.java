package dev.leadbot.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which Telegram message shows which question step of each chat, so edits find their message. */
final class StepMessages {

    /** Edits only ever touch the last few questions; older ones are forgotten. */
    private static final int KEPT_PER_CHAT = 16;

    private final Map<Long, Map<Integer, Integer>> byChat = new ConcurrentHashMap<>();

    void remember(long chatId, int step, int messageId) {
        Map<Integer, Integer> steps = byChat.computeIfAbsent(chatId, chat -> new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > KEPT_PER_CHAT;
            }
        });
        synchronized (steps) {
            steps.put(step, messageId);
        }
    }

    Optional<Integer> find(long chatId, int step) {
        Map<Integer, Integer> steps = byChat.get(chatId);
        if (steps == null) {
            return Optional.empty();
        }
        synchronized (steps) {
            return Optional.ofNullable(steps.get(step));
        }
    }
}
