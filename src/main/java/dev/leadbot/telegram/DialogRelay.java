package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.OwnerChats;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.console.ProspectDialog;
import dev.leadbot.engine.Input;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Batch;
import dev.leadbot.store.DialogChange;
import dev.leadbot.store.StoreException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * A manager's conversation with a prospect from the owner chats, on the chats' lanes and committed with the update: what
 * a manager writes goes to the prospect as the bot's reply, introduced with the manager's first name; what the prospect
 * writes meanwhile is copied to every owner chat (the bot starts those: the bulk lane) instead of answering the flow, which
 * waits. Media is copied with copyMessage either way. Only ever asked about an owner chat's messages by the router's gate.
 */
final class DialogRelay {

    private static final Logger LOG = LoggerFactory.getLogger(DialogRelay.class);
    private static final int MAX_TEXT = 4096;

    /** The leads a conversation is about, and the owner-chat messages that show them. */
    interface Leads {
        Optional<Lead> lead(String id) throws StoreException;

        List<String> shownIn(long ownerChat, int messageId) throws StoreException;
    }

    private final Dialogs dialogs;
    private final Leads leads;
    private final List<Long> owners;

    DialogRelay(Dialogs dialogs, Leads leads, OwnerChats owners) {
        this.dialogs = dialogs;
        this.leads = leads;
        this.owners = owners.ids().stream().sorted().toList();
    }

    /**
     * An owner chat's message: to the prospect it writes to, or whose summary it replies to. False when it is for no
     * prospect (then it is the owner's own message to the bot).
     */
    boolean fromOwner(Incoming.FromProspect incoming, Batch batch) {
        if (incoming.written().isEmpty() || !passedOn(incoming.input())) {
            return false;
        }
        Incoming.Written written = incoming.written().get();
        long chat = incoming.prospect().chatId();
        Optional<Dialogs.Open> target = dialogs.writtenFrom(chat);
        if (written.replyTo().isPresent()) {
            List<String> shown = lookUp(() -> leads.shownIn(chat, written.replyTo().get()));
            if (shown.size() > 1) {
                batch.send(chat, List.of(text(chat, ProspectDialog.SEVERAL_LEADS, List.of(), Outbox.Origin.REPLY)));
                return true;
            }
            if (shown.size() == 1) {
                target = open(chat, incoming.prospect(), shown.get(0), batch);
                if (target.isEmpty()) {
                    batch.send(chat, List.of(text(chat, ProspectDialog.LEAD_GONE, List.of(), Outbox.Origin.REPLY)));
                    return true;
                }
            }
        }
        if (target.isEmpty()) {
            return false;
        }
        Dialogs.Open dialog = target.get();
        String manager = manager(incoming.prospect());
        long prospect = dialog.prospectChat();
        if (written.text().isPresent()) {
            String words = ProspectDialog.toProspect(incoming.prospect().firstName(), written.text().get());
            List<String> parts = words.length() <= MAX_TEXT ? List.of(words)
                    : List.of(ProspectDialog.toProspect(incoming.prospect().firstName(), "").strip(), written.text().get());
            batch.send(prospect, parts.stream().map(part -> text(prospect, part, List.of(), Outbox.Origin.REPLY)).toList());
        } else {
            batch.send(prospect, List.of(copy(prospect, chat, written.messageId(), Outbox.Origin.REPLY)));
        }
        change(batch, new DialogChange.Said(dialog.leadId(), DialogChange.Kind.TO_PROSPECT, manager,
                written.text().orElse(ProspectDialog.MEDIA)));
        LOG.info("update={} owner chat={} wrote to chat={} about lead={}", incoming.updateId(), chat, prospect, dialog.leadId());
        return true;
    }

    /**
     * A prospect's message while a manager talks to them: copied to every owner chat instead of answering the flow. False
     * when no conversation is open, or for what the flow must still take: a button press, and "forget me" (which ends
     * the conversation first).
     */
    boolean fromProspect(Incoming.FromProspect incoming, Batch batch) {
        long chat = incoming.prospect().chatId();
        Optional<Dialogs.Open> open = dialogs.with(chat);
        if (open.isEmpty()) {
            return false;
        }
        Dialogs.Open dialog = open.get();
        if (incoming.input() instanceof Input.Forget) {
            end(dialog, "клиент", batch);
            return false;
        }
        if (incoming.written().isEmpty() || incoming.input() instanceof Input.Press) {
            return false;
        }
        Incoming.Written written = incoming.written().get();
        String who = who(incoming.prospect());
        for (long owner : owners) {
            List<List<ConsoleButton>> close = ProspectDialog.closeRow(dialog.leadId());
            if (written.text().isPresent()) {
                String copy = ProspectDialog.fromProspect(who, dialog.leadId(), written.text().get());
                batch.send(owner, copy.length() <= MAX_TEXT ? List.of(text(owner, copy, close, Outbox.Origin.BOT))
                        : List.of(text(owner, ProspectDialog.fromProspect(who, dialog.leadId(), "").strip(), close, Outbox.Origin.BOT),
                                text(owner, written.text().get(), List.of(), Outbox.Origin.BOT)));
            } else {
                batch.send(owner, List.of(text(owner, ProspectDialog.fromProspect(who, dialog.leadId(), ProspectDialog.MEDIA), close,
                        Outbox.Origin.BOT), copy(owner, chat, written.messageId(), Outbox.Origin.BOT)));
            }
        }
        change(batch, new DialogChange.Said(dialog.leadId(), DialogChange.Kind.FROM_PROSPECT, who,
                written.text().orElse(ProspectDialog.MEDIA)));
        LOG.info("update={} chat={} wrote in its conversation about lead={}: copied to {} owner chats", incoming.updateId(), chat,
                dialog.leadId(), owners.size());
        return true;
    }

    /** "💬 Написать" or "✖ Завершить" pressed in an owner chat; returns the press's answer. */
    String press(long ownerChat, Prospect presser, ConsoleButton.Press press, Batch batch) {
        if (press.action() == ConsoleButton.Action.CLOSE) {
            return close(ownerChat, presser, dialogs.aboutLead(press.leadId()), batch);
        }
        Optional<Dialogs.Open> open = open(ownerChat, presser, press.leadId(), batch);
        if (open.isEmpty()) {
            return ProspectDialog.LEAD_GONE;
        }
        batch.send(ownerChat, List.of(text(ownerChat, ProspectDialog.writing(open.get().prospect()),
                ProspectDialog.closeRow(open.get().leadId()), Outbox.Origin.REPLY)));
        return "";
    }

    /** {@code /close}: ends the conversation this owner chat writes to. */
    void close(long ownerChat, Prospect manager, Batch batch) {
        String notice = close(ownerChat, manager, dialogs.writtenFrom(ownerChat), batch);
        if (!notice.isEmpty()) {
            batch.send(ownerChat, List.of(text(ownerChat, notice, List.of(), Outbox.Origin.REPLY)));
        }
    }

    private String close(long ownerChat, Prospect manager, Optional<Dialogs.Open> open, Batch batch) {
        if (open.isEmpty()) {
            return ProspectDialog.NOTHING_OPEN;
        }
        end(open.get(), manager(manager), batch);
        LOG.info("owner chat={} closed the conversation with chat={}", ownerChat, open.get().prospectChat());
        return "";
    }

    /** The prospect is told nothing: their next message simply answers the flow again. */
    private void end(Dialogs.Open dialog, String by, Batch batch) {
        change(batch, new DialogChange.Closed(dialog.prospectChat()));
        change(batch, new DialogChange.Said(dialog.leadId(), DialogChange.Kind.CLOSED, by, ""));
        for (long owner : owners) {
            batch.send(owner, List.of(text(owner, ProspectDialog.closed(by, dialog.prospect()), List.of(), Outbox.Origin.BOT)));
        }
    }

    /** Opens (or joins) the conversation about a lead, and points the owner chat's messages at it; empty when the lead is gone. */
    private Optional<Dialogs.Open> open(long ownerChat, Prospect presser, String leadId, Batch batch) {
        Optional<Lead> lead = lookUp(() -> leads.lead(leadId));
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        long prospect = lead.get().prospect().chatId();
        Optional<Dialogs.Open> open = dialogs.with(prospect).filter(o -> o.leadId().equals(leadId));
        String manager = manager(presser);
        if (open.isEmpty()) {
            String name = OwnerConsole.name(lead.get());
            change(batch, new DialogChange.Opened(prospect, leadId, name, manager));
            change(batch, new DialogChange.Said(leadId, DialogChange.Kind.OPENED, manager, ""));
            for (long owner : owners) {
                batch.send(owner, List.of(text(owner, ProspectDialog.opened(manager, name, leadId), ProspectDialog.closeRow(leadId),
                        Outbox.Origin.BOT)));
            }
            open = dialogs.with(prospect);
        }
        change(batch, new DialogChange.Writing(ownerChat, prospect));
        return open;
    }

    private void change(Batch batch, DialogChange change) {
        batch.dialog(change);
        dialogs.apply(change);
    }

    /** What a manager may say to a prospect, and a prospect to the managers: words and media, not commands or presses. */
    private static boolean passedOn(Input input) {
        return input instanceof Input.Typed || input instanceof Input.Unsupported || input instanceof Input.SharedContact;
    }

    private static String manager(Prospect manager) {
        return manager.fullName().isBlank() ? manager.username().map(u -> "@" + u).orElse("менеджер") : manager.fullName();
    }

    /** A prospect as an owner chat sees them: their name in Telegram and their @username. */
    private static String who(Prospect prospect) {
        String name = prospect.fullName().isBlank() ? "без имени" : prospect.fullName();
        return name + prospect.username().map(u -> " (@" + u + ")").orElse("");
    }

    private static String text(long chat, String text, List<List<ConsoleButton>> rows, Outbox.Origin origin) {
        SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chat).text(Html.escape(text)).parseMode(Replies.HTML);
        if (!rows.isEmpty()) {
            message.replyMarkup(ConsoleChat.keyboard(rows));
        }
        return new StoredCall(message.build(), 0, origin).encode();
    }

    private static String copy(long to, long from, int messageId, Outbox.Origin origin) {
        return new StoredCall(CopyMessage.builder().chatId(to).fromChatId(from).messageId(messageId).build(), 0, origin).encode();
    }

    private interface Read<T> {
        T read() throws StoreException;
    }

    private static <T> T lookUp(Read<T> read) {
        try {
            return read.read();
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }
}
