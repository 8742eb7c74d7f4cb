package dev.leadbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Input;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.DialogChange;
import dev.leadbot.store.DialogStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may open and end a manager's conversation with a prospect, where each message goes, and what each side is told. */
class ProspectDialogTest {

    private static final long IVAN_CHAT = 1000;
    private static final long OLGA_CHAT = -1001;
    private static final long PROSPECT_CHAT = 500;
    private static final String LEAD = "0123456789-abcdef";
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Prospect IVAN = new Prospect(IVAN_CHAT, 1000, Optional.empty(), "Иван", Optional.of("Петров"), "ru");
    private static final Prospect ANNA = new Prospect(PROSPECT_CHAT, PROSPECT_CHAT, Optional.of("anna_k"), "Anna", Optional.empty(), "ru");
    private static final String CLOSE_DATA = "o:e:" + LEAD;

    private final Map<String, Lead> leads = new HashMap<>(Map.of(LEAD, lead()));
    private final Map<Integer, List<String>> summaries = new HashMap<>(Map.of(77, List.of(LEAD), 78, List.of(LEAD, "other-lead")));
    private final OpenDialogs dialogs = new OpenDialogs(List.of());
    private final ProspectDialog policy = new ProspectDialog(OwnerChats.of(List.of(IVAN_CHAT, OLGA_CHAT)), dialogs, new ProspectDialog.Leads() {
        @Override
        public Optional<Lead> lead(String id) {
            return Optional.ofNullable(leads.get(id));
        }

        @Override
        public List<String> shownIn(long ownerChat, int messageId) {
            return summaries.getOrDefault(messageId, List.of());
        }
    });

    @Test
    void aReplyToASummaryOpensTheConversationTellsEveryOwnerChatAndIntroducesTheManagerByFirstName() throws Exception {
        DialogStep step = policy.fromOwner(IVAN_CHAT, IVAN, new Input.Typed("Здравствуйте!"), new Written(9, Optional.of("Здравствуйте!"),
                Optional.of(77)));

        assertEquals(false, step.toFlow());
        assertEquals(List.of(new DialogChange.Opened(PROSPECT_CHAT, LEAD, "Анна", "Иван Петров"),
                new DialogChange.Said(LEAD, DialogChange.Kind.OPENED, "Иван Петров", ""),
                new DialogChange.Writing(IVAN_CHAT, PROSPECT_CHAT),
                new DialogChange.Said(LEAD, DialogChange.Kind.TO_PROSPECT, "Иван Петров", "Здравствуйте!")), step.changes());
        String opened = "💬 Иван Петров пишет клиенту Анна (лид 01234567). Ответы клиента придут сюда, опрос ждёт.";
        assertEquals(List.of(
                new DialogMessage.Text(OLGA_CHAT, opened, ProspectDialog.closeRow(LEAD), DialogMessage.Lane.BOT),
                new DialogMessage.Text(IVAN_CHAT, opened, ProspectDialog.closeRow(LEAD), DialogMessage.Lane.BOT),
                new DialogMessage.Text(PROSPECT_CHAT, "Иван, менеджер:\nЗдравствуйте!", List.of(), DialogMessage.Lane.REPLY)),
                step.messages());
    }

    @Test
    void aReplyToAMessageOfSeveralLeadsAsksForTheButtonAndAReplyToAForgottenLeadSaysItIsGone() throws Exception {
        DialogStep several = policy.fromOwner(IVAN_CHAT, IVAN, new Input.Typed("Привет"), new Written(9, Optional.of("Привет"), Optional.of(78)));
        assertEquals(List.of(new DialogMessage.Text(IVAN_CHAT, "В этом сообщении несколько лидов: нажмите «💬 Написать» под нужным.",
                List.of(), DialogMessage.Lane.REPLY)), several.messages());
        assertEquals(List.of(), several.changes());

        leads.clear();
        DialogStep gone = policy.fromOwner(IVAN_CHAT, IVAN, new Input.Typed("Привет"), new Written(9, Optional.of("Привет"), Optional.of(77)));
        assertEquals(List.of(new DialogMessage.Text(IVAN_CHAT, "Этого лида больше нет: клиент попросил удалить свои данные.", List.of(),
                DialogMessage.Lane.REPLY)), gone.messages());
        assertEquals(false, gone.toFlow());
    }

    @Test
    void anOwnersMessageThatIsNoReplyAndGoesToNoProspectIsTheFlowsAsIsAnOwnersCommand() throws Exception {
        assertEquals(DialogStep.FLOW, policy.fromOwner(IVAN_CHAT, IVAN, new Input.Typed("Привет"), new Written(9, Optional.of("Привет"),
                Optional.empty())));
        open();
        assertEquals(DialogStep.FLOW, policy.fromOwner(IVAN_CHAT, IVAN, new Input.Restart(), new Written(9, Optional.of("/restart"),
                Optional.empty())));
    }

    @Test
    void inAGroupOwnerChatOnlyARepliesToTheBotGoToTheProspectTheGroupWritesTo() throws Exception {
        dialogs.load(List.of(new DialogStore.OpenDialog(PROSPECT_CHAT, LEAD, "Анна", "Иван Петров", List.of(OLGA_CHAT))));
        Prospect olga = new Prospect(OLGA_CHAT, 2002, Optional.empty(), "Ольга", Optional.empty(), "ru");

        assertEquals(DialogStep.FLOW, policy.fromOwner(OLGA_CHAT, olga, new Input.Typed("Коллеги, кто возьмёт?"),
                new Written(9, Optional.of("Коллеги, кто возьмёт?"), Optional.empty())));
        assertEquals(DialogStep.FLOW, policy.fromOwner(OLGA_CHAT, olga, new Input.Typed("Беру её"), new Written(11, Optional.of("Беру её"),
                Optional.of(77), Optional.of("🆕 Анна · 50\n🆔 /lead_0123"))), "a reply to a summary is the managers' own talk");
        assertEquals(DialogStep.FLOW, policy.fromOwner(OLGA_CHAT, olga, new Input.Typed("Ок"), new Written(11, Optional.of("Ок"),
                Optional.of(13), Optional.of(ProspectDialog.opened("Иван Петров", "Анна", LEAD)))), "nor one to the notice that it began");
        DialogStep reply = policy.fromOwner(OLGA_CHAT, olga, new Input.Typed("Добрый день"), new Written(10, Optional.of("Добрый день"),
                Optional.of(12), Optional.of(ProspectDialog.fromProspect("Анна", LEAD, "Когда позвоните?"))));
        assertEquals(List.of(new DialogMessage.Text(PROSPECT_CHAT, "Ольга, менеджер:\nДобрый день", List.of(), DialogMessage.Lane.REPLY)),
                reply.messages());
        assertEquals(List.of(new DialogChange.Said(LEAD, DialogChange.Kind.TO_PROSPECT, "Ольга", "Добрый день")), reply.changes());
    }

    @Test
    void theProspectsWordsAndMediaGoToEveryOwnerChatWithTheCloseButtonAndTheFlowWaits() {
        open();
        DialogStep words = policy.fromProspect(ANNA, new Input.Typed("Завтра после 15"), Optional.of(new Written(3, Optional.of("Завтра после 15"),
                Optional.empty())));
        String copy = "💬 Anna (@anna_k) (лид 01234567):\nЗавтра после 15";
        assertEquals(false, words.toFlow());
        assertEquals(List.of(new DialogMessage.Text(OLGA_CHAT, copy, ProspectDialog.closeRow(LEAD), DialogMessage.Lane.BOT),
                new DialogMessage.Text(IVAN_CHAT, copy, ProspectDialog.closeRow(LEAD), DialogMessage.Lane.BOT)), words.messages());
        assertEquals(List.of(new DialogChange.Said(LEAD, DialogChange.Kind.FROM_PROSPECT, "Anna (@anna_k)", "Завтра после 15")), words.changes());

        DialogStep sticker = policy.fromProspect(ANNA, new Input.Unsupported(), Optional.of(new Written(4, Optional.empty(), Optional.empty())));
        assertEquals(List.of(
                new DialogMessage.Text(OLGA_CHAT, "💬 Anna (@anna_k) (лид 01234567):\n[вложение]", ProspectDialog.closeRow(LEAD), DialogMessage.Lane.BOT),
                new DialogMessage.Copy(OLGA_CHAT, PROSPECT_CHAT, 4, DialogMessage.Lane.BOT),
                new DialogMessage.Text(IVAN_CHAT, "💬 Anna (@anna_k) (лид 01234567):\n[вложение]", ProspectDialog.closeRow(LEAD), DialogMessage.Lane.BOT),
                new DialogMessage.Copy(IVAN_CHAT, PROSPECT_CHAT, 4, DialogMessage.Lane.BOT)), sticker.messages());
    }

    @Test
    void aLongMessageIsSplitSoNeitherPartPassesTelegramsLimit() throws Exception {
        open();
        String text = "я".repeat(4096);
        DialogStep toProspect = policy.fromOwner(IVAN_CHAT, IVAN, new Input.Typed(text), new Written(9, Optional.of(text), Optional.empty()));
        assertEquals(List.of(new DialogMessage.Text(PROSPECT_CHAT, "Иван, менеджер:", List.of(), DialogMessage.Lane.REPLY),
                new DialogMessage.Text(PROSPECT_CHAT, text, List.of(), DialogMessage.Lane.REPLY)), toProspect.messages());
        DialogStep toOwners = policy.fromProspect(ANNA, new Input.Typed(text), Optional.of(new Written(3, Optional.of(text), Optional.empty())));
        assertEquals(4, toOwners.messages().size());
        assertTrue(toOwners.messages().stream().allMatch(m -> ((DialogMessage.Text) m).text().length() <= 4096));
    }

    @Test
    void theProspectsStartBackHelpAndUnknownCommandsGetANoteAndReachNoOwner() {
        open();
        for (Input command : List.of(new Input.Start(Optional.empty()), new Input.Start(Optional.of("vk_ads")), new Input.Back(),
                new Input.UnknownCommand("/help"), new Input.UnknownCommand("/leads"))) {
            DialogStep step = policy.fromProspect(ANNA, command, Optional.of(new Written(5, Optional.of("/x"), Optional.empty())));
            assertEquals(new DialogStep(false, List.of(), List.of(new DialogMessage.Text(PROSPECT_CHAT,
                    "Сейчас с вами на связи менеджер: просто напишите сюда, он прочитает и ответит. Пройти опрос заново — /restart,"
                            + " удалить ваши данные — /forget.", List.of(), DialogMessage.Lane.REPLY)), ""), step, command.toString());
        }
        assertTrue(dialogs.with(PROSPECT_CHAT).isPresent());
    }

    @Test
    void theProspectsForgetAndRestartEndTheConversationTellEveryOwnerWhyAndGoOnToTheFlow() {
        open();
        DialogStep forget = policy.fromProspect(ANNA, new Input.Forget(), Optional.of(new Written(5, Optional.of("/forget"), Optional.empty())));
        String why = "Разговор с клиентом Анна завершён: клиент попросил удалить свои данные (/forget).";
        assertEquals(new DialogStep(true, List.of(new DialogChange.Closed(PROSPECT_CHAT),
                new DialogChange.Said(LEAD, DialogChange.Kind.CLOSED, "клиент", "/forget")),
                List.of(new DialogMessage.Text(OLGA_CHAT, why, List.of(), DialogMessage.Lane.BOT),
                        new DialogMessage.Text(IVAN_CHAT, why, List.of(), DialogMessage.Lane.BOT)), ""), forget);

        DialogStep restart = policy.fromProspect(ANNA, new Input.Restart(), Optional.of(new Written(6, Optional.of("/restart"), Optional.empty())));
        assertEquals(true, restart.toFlow());
        assertEquals(new DialogChange.Said(LEAD, DialogChange.Kind.CLOSED, "клиент", "/restart"), restart.changes().get(1));
        assertEquals(new DialogMessage.Text(IVAN_CHAT, "Разговор с клиентом Анна завершён: клиент начал опрос заново (/restart)."
                + " Его новые сообщения идут в опрос.", List.of(), DialogMessage.Lane.BOT), restart.messages().get(1));
    }

    @Test
    void withNoConversationOpenOrForAButtonPressTheFlowTakesTheProspectsInput() {
        assertEquals(DialogStep.FLOW, policy.fromProspect(ANNA, new Input.Typed("Привет"), Optional.of(new Written(3, Optional.of("Привет"),
                Optional.empty()))));
        open();
        assertEquals(DialogStep.FLOW, policy.fromProspect(ANNA, new Input.UnknownCommand("/help"), Optional.empty()));
    }

    @Test
    void writeJoinsAnOpenConversationAndCloseEndsItOnceForEveryOwnerChat() throws Exception {
        open();
        Prospect olga = new Prospect(OLGA_CHAT, 2002, Optional.of("olga"), "", Optional.empty(), "ru");
        DialogStep write = policy.press(OLGA_CHAT, olga, ConsoleButton.decode("o:m:" + LEAD).orElseThrow());
        assertEquals(List.of(new DialogChange.Writing(OLGA_CHAT, PROSPECT_CHAT)), write.changes());
        assertEquals(List.of(new DialogMessage.Text(OLGA_CHAT, "✍️ Отвечайте (Reply) на это сообщение: ответ уйдёт клиенту Анна от имени"
                + " бота, с вашим именем. Его ответы придут сюда; ответ на них тоже уйдёт ему. Остальное в группе, и ответы на сводку"
                + " лида, клиент не увидит. Закончить — /close или «✖ Завершить».",
                ProspectDialog.closeRow(LEAD), DialogMessage.Lane.REPLY)), write.messages(), "Ольга's chat is a group");
        assertEquals("✍️ Пишите: ваши сообщения уйдут клиенту Анна от имени бота, с вашим именем. Его ответы придут сюда. Закончить —"
                + " /close или «✖ Завершить».", ((DialogMessage.Text) policy.press(IVAN_CHAT, IVAN, ConsoleButton.decode("o:m:" + LEAD)
                .orElseThrow()).messages().get(0)).text());
        write.changes().forEach(dialogs::apply);

        DialogStep close = policy.press(OLGA_CHAT, olga, ConsoleButton.decode(CLOSE_DATA).orElseThrow());
        String closed = "Разговор с клиентом Анна завершён (@olga). Его новые сообщения снова идут в опрос.";
        assertEquals(List.of(new DialogChange.Closed(PROSPECT_CHAT), new DialogChange.Said(LEAD, DialogChange.Kind.CLOSED, "@olga", "")),
                close.changes());
        assertEquals(List.of(new DialogMessage.Text(OLGA_CHAT, closed, List.of(), DialogMessage.Lane.BOT),
                new DialogMessage.Text(IVAN_CHAT, closed, List.of(), DialogMessage.Lane.BOT)), close.messages());
        close.changes().forEach(dialogs::apply);

        assertEquals("Открытого разговора с клиентом нет. Начать — «💬 Написать» под лидом или ответ на его сводку.",
                policy.press(OLGA_CHAT, olga, ConsoleButton.decode(CLOSE_DATA).orElseThrow()).pressAnswer());
        assertEquals(List.of(new DialogMessage.Text(IVAN_CHAT, ProspectDialog.NOTHING_OPEN, List.of(), DialogMessage.Lane.REPLY)),
                policy.close(IVAN_CHAT, IVAN).messages());
        assertEquals(ProspectDialog.LEAD_GONE, policy.press(OLGA_CHAT, olga, ConsoleButton.decode("o:m:no-such-lead").orElseThrow()).pressAnswer());
    }

    /** Ivan opened a conversation with Anna about the lead and writes to her. */
    private void open() {
        dialogs.load(List.of(new DialogStore.OpenDialog(PROSPECT_CHAT, LEAD, "Анна", "Иван Петров", List.of(IVAN_CHAT))));
    }

    private static Lead lead() {
        return new Lead(LEAD, "qualification", ANNA, Optional.empty(), List.of(Answer.of("role", "role", "owner", "Владелец")), 50, List.of(),
                List.of("role"), new Contact(Optional.of("Анна"), Optional.empty(), Optional.empty(), Optional.empty()), AT.minusSeconds(60), AT);
    }
}
