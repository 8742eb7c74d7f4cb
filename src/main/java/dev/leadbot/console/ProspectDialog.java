package dev.leadbot.console;

import dev.leadbot.engine.Input;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.DialogChange;
import dev.leadbot.store.LeadStore;
import dev.leadbot.store.OwnerMessageStore;
import dev.leadbot.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A manager's conversation with a prospect from the owner chats: who may open and end it, which messages go between the
 * two sides instead of to the flow, what each side is told, and what is kept with the lead. Decides only: it reads the
 * open conversations and the leads, and returns a {@link DialogStep} the Telegram adapter commits with the update and sends.
 *
 * <p>The prospect is told only the manager's first name; the owner chats are told who wrote, about which lead, and get
 * the button that ends the conversation. While it is open the prospect's words and media go to every owner chat, and
 * the flow waits. Their commands are not words for the managers: {@code /forget} and {@code /restart} do what they always
 * do and end the conversation (the owner chats are told why); {@code /start}, {@code /back}, {@code /help} and any other
 * command get a short note that a manager is on the line, and change nothing. Button presses still go to the flow (a
 * {@code /forget} is confirmed by one). Plain text throughout: whoever sends it escapes it for HTML.
 */
public final class ProspectDialog {

    /** Recorded for a message that carried no text: a photo, a voice message, a sticker, a file. */
    public static final String MEDIA = "[вложение]";
    public static final String NOTHING_OPEN = "Открытого разговора с клиентом нет. Начать — «💬 Написать» под лидом или ответ на его сводку.";
    public static final String SEVERAL_LEADS = "В этом сообщении несколько лидов: нажмите «💬 Написать» под нужным.";
    public static final String LEAD_GONE = "Этого лида больше нет: клиент попросил удалить свои данные.";
    /** A prospect's command other than /forget and /restart while a manager talks to them. */
    public static final String MANAGER_ON_LINE = "Сейчас с вами на связи менеджер: просто напишите сюда, он прочитает и ответит."
            + " Пройти опрос заново — /restart, удалить ваши данные — /forget.";
    /** Who ended a conversation, as its record and the owner chats name the prospect. */
    static final String PROSPECT = "клиент";
    /** Telegram's limit for one message's text. */
    static final int MAX_TEXT = 4096;

    /** The leads conversations are about, and the owner-chat messages that show them. */
    public interface Leads {
        Optional<Lead> lead(String id) throws StoreException;

        List<String> shownIn(long ownerChat, int messageId) throws StoreException;

        /** The stored leads, and the owner-chat messages recorded as showing them. */
        static Leads of(LeadStore leads, OwnerMessageStore shown) {
            return new Leads() {
                @Override
                public Optional<Lead> lead(String id) throws StoreException {
                    return leads.lead(id);
                }

                @Override
                public List<String> shownIn(long ownerChat, int messageId) throws StoreException {
                    return shown.leadsShownIn(ownerChat, messageId);
                }
            };
        }
    }

    private final List<Long> owners;
    private final OpenDialogs dialogs;
    private final Leads leads;

    public ProspectDialog(OwnerChats owners, OpenDialogs dialogs, Leads leads) {
        this.owners = owners.ids().stream().sorted().toList();
        this.dialogs = dialogs;
        this.leads = leads;
    }

    /**
     * A message from an owner chat: to the prospect it writes to, or whose summary it replies to. {@link DialogStep#FLOW}
     * when it is for no prospect (then it is the owner's own message to the bot), or is no words or media (a command). In
     * a group owner chat, where managers also talk among themselves (and reply to summaries to do so), only replies to the
     * bot's "✍️ Отвечайте" prompt or to a copy of the prospect's message are for a prospect: the one the group writes to.
     *
     * @param written {@code replyTo} only when the message replies to one of the bot's
     */
    public DialogStep fromOwner(long ownerChat, Prospect manager, Input input, Written written) throws StoreException {
        boolean group = OwnerChats.isGroup(ownerChat);
        if (!passedOn(input) || group && !written.repliedText().filter(ProspectDialog::forTheProspect).isPresent()) {
            return DialogStep.FLOW;
        }
        Step step = new Step();
        Optional<Dialog> target = dialogs.writtenFrom(ownerChat);
        if (!group && written.replyTo().isPresent()) {
            List<String> shown = leads.shownIn(ownerChat, written.replyTo().get());
            if (shown.size() > 1) {
                return step.say(ownerChat, SEVERAL_LEADS, DialogMessage.Lane.REPLY).done(false);
            }
            if (shown.size() == 1) {
                target = open(ownerChat, manager, shown.get(0), step);
                if (target.isEmpty()) {
                    return step.say(ownerChat, LEAD_GONE, DialogMessage.Lane.REPLY).done(false);
                }
            }
        }
        if (target.isEmpty()) {
            return DialogStep.FLOW;
        }
        Dialog dialog = target.get();
        long prospect = dialog.prospectChat();
        if (written.text().isPresent()) {
            String words = toProspect(manager.firstName(), written.text().get());
            if (words.length() <= MAX_TEXT) {
                step.say(prospect, words, DialogMessage.Lane.REPLY);
            } else {
                step.say(prospect, toProspect(manager.firstName(), "").strip(), DialogMessage.Lane.REPLY)
                        .say(prospect, written.text().get(), DialogMessage.Lane.REPLY);
            }
        } else {
            step.messages.add(new DialogMessage.Copy(prospect, ownerChat, written.messageId(), DialogMessage.Lane.REPLY));
        }
        step.changes.add(new DialogChange.Said(dialog.leadId(), DialogChange.Kind.TO_PROSPECT, managerName(manager),
                written.text().orElse(MEDIA)));
        return step.done(false);
    }

    /**
     * A prospect's message or press while a manager may be talking to them. {@link DialogStep#FLOW} when no conversation
     * is open, and for a button press (the flow's buttons, such as the one confirming /forget, still work).
     *
     * @param written the message as written; empty for a button press
     */
    public DialogStep fromProspect(Prospect prospect, Input input, Optional<Written> written) {
        Optional<Dialog> open = dialogs.with(prospect.chatId());
        if (open.isEmpty() || written.isEmpty() || input instanceof Input.Press) {
            return DialogStep.FLOW;
        }
        Dialog dialog = open.get();
        Step step = new Step();
        if (input instanceof Input.Forget) {
            return end(dialog, PROSPECT, "/forget", closedByForget(dialog.prospect()), step).done(true);
        }
        if (input instanceof Input.Restart) {
            return end(dialog, PROSPECT, "/restart", closedByRestart(dialog.prospect()), step).done(true);
        }
        if (input instanceof Input.Start || input instanceof Input.Back || input instanceof Input.UnknownCommand) {
            return step.say(prospect.chatId(), MANAGER_ON_LINE, DialogMessage.Lane.REPLY).done(false);
        }
        String who = prospectName(prospect);
        List<List<ConsoleButton>> close = closeRow(dialog.leadId());
        for (long owner : owners) {
            if (written.get().text().isPresent()) {
                String copy = fromProspect(who, dialog.leadId(), written.get().text().get());
                if (copy.length() <= MAX_TEXT) {
                    step.say(owner, copy, close, DialogMessage.Lane.BOT);
                } else {
                    step.say(owner, fromProspect(who, dialog.leadId(), "").strip(), close, DialogMessage.Lane.BOT)
                            .say(owner, written.get().text().get(), DialogMessage.Lane.BOT);
                }
            } else {
                step.say(owner, fromProspect(who, dialog.leadId(), MEDIA), close, DialogMessage.Lane.BOT);
                step.messages.add(new DialogMessage.Copy(owner, prospect.chatId(), written.get().messageId(), DialogMessage.Lane.BOT));
            }
        }
        step.changes.add(new DialogChange.Said(dialog.leadId(), DialogChange.Kind.FROM_PROSPECT, who, written.get().text().orElse(MEDIA)));
        return step.done(false);
    }

    /** "💬 Написать" or "✖ Завершить" pressed in an owner chat by {@code manager}. */
    public DialogStep press(long ownerChat, Prospect manager, ConsoleButton.Press press) throws StoreException {
        Step step = new Step();
        if (press.action() == ConsoleButton.Action.CLOSE) {
            Optional<Dialog> open = dialogs.aboutLead(press.leadId());
            if (open.isEmpty()) {
                return step.answer(NOTHING_OPEN).done(false);
            }
            String by = managerName(manager);
            return end(open.get(), by, "", closed(by, open.get().prospect()), step).done(false);
        }
        if (press.action() != ConsoleButton.Action.WRITE) {
            throw new IllegalArgumentException("not a conversation button: " + press.data());
        }
        Optional<Dialog> open = open(ownerChat, manager, press.leadId(), step);
        if (open.isEmpty()) {
            return step.answer(LEAD_GONE).done(false);
        }
        String prospect = open.get().prospect();
        return step.say(ownerChat, OwnerChats.isGroup(ownerChat) ? writingInGroup(prospect) : writing(prospect), closeRow(open.get().leadId()),
                DialogMessage.Lane.REPLY).done(false);
    }

    /** {@code /close} in an owner chat: ends the conversation it writes to. */
    public DialogStep close(long ownerChat, Prospect manager) {
        Optional<Dialog> open = dialogs.writtenFrom(ownerChat);
        Step step = new Step();
        if (open.isEmpty()) {
            return step.say(ownerChat, NOTHING_OPEN, DialogMessage.Lane.REPLY).done(false);
        }
        String by = managerName(manager);
        return end(open.get(), by, "", closed(by, open.get().prospect()), step).done(false);
    }

    /** Ends a conversation: every owner chat is told {@code notice}; the prospect is told nothing, their next message answers the flow. */
    private Step end(Dialog dialog, String by, String why, String notice, Step step) {
        step.changes.add(new DialogChange.Closed(dialog.prospectChat()));
        step.changes.add(new DialogChange.Said(dialog.leadId(), DialogChange.Kind.CLOSED, by, why));
        owners.forEach(owner -> step.say(owner, notice, DialogMessage.Lane.BOT));
        return step;
    }

    /** Opens (or joins) the conversation about a lead and points the owner chat's messages at it; empty when the lead is gone. */
    private Optional<Dialog> open(long ownerChat, Prospect presser, String leadId, Step step) throws StoreException {
        Optional<Lead> lead = leads.lead(leadId);
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        long prospect = lead.get().prospect().chatId();
        Optional<Dialog> open = dialogs.with(prospect).filter(o -> o.leadId().equals(leadId));
        if (open.isEmpty()) {
            Dialog opened = new Dialog(prospect, leadId, OwnerConsole.name(lead.get()), managerName(presser));
            step.changes.add(new DialogChange.Opened(prospect, leadId, opened.prospect(), opened.manager()));
            step.changes.add(new DialogChange.Said(leadId, DialogChange.Kind.OPENED, opened.manager(), ""));
            owners.forEach(owner -> step.say(owner, opened(opened.manager(), opened.prospect(), leadId), closeRow(leadId),
                    DialogMessage.Lane.BOT));
            open = Optional.of(opened);
        }
        step.changes.add(new DialogChange.Writing(ownerChat, prospect));
        return open;
    }

    /** What a manager may say to a prospect: words and media, not commands or presses. */
    private static boolean passedOn(Input input) {
        return input instanceof Input.Typed || input instanceof Input.Unsupported || input instanceof Input.SharedContact;
    }

    /** A manager as the owner chats and the lead's record name them: their name in Telegram, else their @username. */
    public static String managerName(Prospect manager) {
        return manager.fullName().isBlank() ? manager.username().map(u -> "@" + u).orElse("менеджер") : manager.fullName();
    }

    /** A prospect as an owner chat sees them: their name in Telegram and their @username. */
    static String prospectName(Prospect prospect) {
        String name = prospect.fullName().isBlank() ? "без имени" : prospect.fullName();
        return name + prospect.username().map(u -> " (@" + u + ")").orElse("");
    }

    /** A manager's words to the prospect, introduced with the manager's first name. */
    public static String toProspect(String managerFirstName, String text) {
        String name = managerFirstName.isBlank() ? "Менеджер" : managerFirstName.strip() + ", менеджер";
        return name + ":\n" + text;
    }

    /** The owner chat that pressed "💬 Написать" is told where its next messages go. */
    public static String writing(String prospect) {
        return "✍️ Пишите: ваши сообщения уйдут клиенту " + prospect + " от имени бота, с вашим именем. Его ответы придут сюда."
                + " Закончить — /close или «✖ Завершить».";
    }

    /** In a group, where managers also talk among themselves, only replies to this prompt and to the prospect's words go to them. */
    public static String writingInGroup(String prospect) {
        return WRITING_IN_GROUP + prospect + " от имени бота, с вашим именем. Его ответы придут сюда; ответ на них тоже уйдёт ему."
                + " Остальное в группе, и ответы на сводку лида, клиент не увидит. Закончить — /close или «✖ Завершить».";
    }

    private static final String WRITING_IN_GROUP = "✍️ Отвечайте (Reply) на это сообщение: ответ уйдёт клиенту ";

    /**
     * Whether a group's reply to the bot's message with this text is meant for the prospect: the message is the prompt
     * "💬 Написать" gave, or a copy of the prospect's words (its first line "💬 who (лид id):"). A reply to a summary, to
     * the notice that a conversation began, or to anything else is the managers' own talk.
     */
    static boolean forTheProspect(String repliedText) {
        String firstLine = repliedText.lines().findFirst().orElse("");
        return repliedText.startsWith(WRITING_IN_GROUP) || firstLine.startsWith("💬 ") && firstLine.endsWith("):")
                && firstLine.contains(" (лид ");
    }

    /** Every owner chat hears that a conversation began. */
    public static String opened(String manager, String prospect, String leadId) {
        return "💬 " + manager + " пишет клиенту " + prospect + " (лид " + shortId(leadId) + "). Ответы клиента придут сюда,"
                + " опрос ждёт.";
    }

    /** A copy of the prospect's message in an owner chat: who wrote, about which lead, and what (media follows as a copy). */
    public static String fromProspect(String prospect, String leadId, String text) {
        return "💬 " + prospect + " (лид " + shortId(leadId) + "):\n" + text;
    }

    public static String closed(String manager, String prospect) {
        return "Разговор с клиентом " + prospect + " завершён (" + manager + "). Его новые сообщения снова идут в опрос.";
    }

    public static String closedByForget(String prospect) {
        return "Разговор с клиентом " + prospect + " завершён: клиент попросил удалить свои данные (/forget).";
    }

    public static String closedByRestart(String prospect) {
        return "Разговор с клиентом " + prospect + " завершён: клиент начал опрос заново (/restart). Его новые сообщения идут в опрос.";
    }

    /** The button under each message of the conversation in an owner chat. */
    public static List<List<ConsoleButton>> closeRow(String leadId) {
        return List.of(List.of(new ConsoleButton("✖ Завершить", new ConsoleButton.Press(ConsoleButton.Action.CLOSE, leadId))));
    }

    private static String shortId(String leadId) {
        return leadId.length() > 8 ? leadId.substring(0, 8) : leadId;
    }

    /** A step being decided. */
    private static final class Step {
        private final List<DialogChange> changes = new ArrayList<>();
        private final List<DialogMessage> messages = new ArrayList<>();
        private String answer = "";

        Step say(long chat, String text, DialogMessage.Lane lane) {
            return say(chat, text, List.of(), lane);
        }

        Step say(long chat, String text, List<List<ConsoleButton>> rows, DialogMessage.Lane lane) {
            messages.add(new DialogMessage.Text(chat, text, rows, lane));
            return this;
        }

        Step answer(String text) {
            answer = text;
            return this;
        }

        DialogStep done(boolean toFlow) {
            return new DialogStep(toFlow, changes, messages, answer);
        }
    }
}
