package dev.leadbot.testing;

import java.util.List;
import java.util.function.Consumer;

/** Walks many chats through the same steps together: everyone acts, then everyone's reply is awaited. */
public final class Lockstep {

    /** One move of the walk and a piece of the reply it must bring. */
    public record Step(Consumer<ProspectChat> move, String expected) {
        public static Step send(String text, String expected) {
            return new Step(chat -> chat.user.send(text), expected);
        }

        public static Step tap(String label, String expected) {
            return new Step(chat -> chat.tap(label), expected);
        }
    }

    /** /start, owner, B2B, qualify leads, consent, a name, Telegram, evenings: the thanks. */
    public static final List<Step> OWNER_VIA_TELEGRAM = List.of(
            Step.send("/start load", "какой вариант вас лучше описывает?"),
            Step.tap("Я владелец бизнеса", "В какой сфере"),
            Step.tap("B2B-компания", "Что для вас сейчас важнее всего?"),
            Step.tap("Квалифицировать входящие заявки", "Давайте обсудим"),
            Step.tap("Продолжить", "Как к вам обращаться?"),
            Step.send("Клиент", "Как вам удобнее связаться?"),
            Step.tap("Напишите мне в Telegram", "Когда вам удобно"),
            Step.tap("Вечером", "Спасибо, Клиент!"));

    private Lockstep() {
    }

    public static void walk(List<ProspectChat> chats, List<Step> steps) {
        for (Step step : steps) {
            chats.forEach(step.move());
            chats.forEach(chat -> chat.expect(step.expected()));
        }
    }
}
