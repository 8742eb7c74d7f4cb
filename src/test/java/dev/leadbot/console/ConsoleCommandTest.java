package dev.leadbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleCommandTest {

    @Test
    void ownerCommandsAreReadWithTheirArguments() {
        assertEquals(Optional.of(new ConsoleCommand.Help()), ConsoleCommand.parse("/help"));
        assertEquals(Optional.of(new ConsoleCommand.Leads(new ConsoleCommand.Selection.Latest(10))), ConsoleCommand.parse("/leads"));
        assertEquals(Optional.of(new ConsoleCommand.Leads(new ConsoleCommand.Selection.Latest(25))), ConsoleCommand.parse("/leads@my_bot 25"));
        assertEquals(Optional.of(new ConsoleCommand.Leads(new ConsoleCommand.Selection.Today())), ConsoleCommand.parse("/leads Today"));
        assertEquals(Optional.of(new ConsoleCommand.Leads(new ConsoleCommand.Selection.Hot())), ConsoleCommand.parse("/leads hot"));
        assertEquals(Optional.of(new ConsoleCommand.ShowLead("0ee621db")), ConsoleCommand.parse("/lead 0EE621DB"));
        assertEquals(Optional.of(new ConsoleCommand.ShowLead("0ee621db")), ConsoleCommand.parse("/lead_0ee621db"));
        assertEquals(Optional.of(new ConsoleCommand.ShowLead("0ee621db")), ConsoleCommand.parse("/lead_0ee621db@my_bot"));
        assertEquals(Optional.of(new ConsoleCommand.Export(Optional.empty())), ConsoleCommand.parse("/export"));
        assertEquals(Optional.of(new ConsoleCommand.Stats(Optional.of("30d"))), ConsoleCommand.parse("/stats 30d"));
        assertEquals(Optional.of(new ConsoleCommand.Reload()), ConsoleCommand.parse("/reload"));
        assertEquals(Optional.of(new ConsoleCommand.Close()), ConsoleCommand.parse("/close@my_bot"));
        assertEquals(Optional.of(new ConsoleCommand.Export(Optional.of(Duration.ofDays(7)))), ConsoleCommand.parse("/export 7d"));
        assertEquals(Optional.of(new ConsoleCommand.Export(Optional.of(Duration.ofHours(24)))), ConsoleCommand.parse("/export 24ч"));
    }

    @Test
    void aLeadInADigestOpensWithACommandOfOneWordThatATapSends() {
        assertEquals("/lead_0ee621db", ConsoleCommand.showLead("0ee621db-1234-3abc-8def-0123456789ab"));
        assertEquals(Optional.of(new ConsoleCommand.ShowLead("0ee621db")), ConsoleCommand.parse(ConsoleCommand.showLead(
                "0ee621db-1234-3abc-8def-0123456789ab")));
    }

    @Test
    void aMisspeltArgumentIsAnsweredWithHowToWriteIt() {
        assertEquals(Optional.of(new ConsoleCommand.Misspelt(ConsoleCommand.LEADS_USAGE)), ConsoleCommand.parse("/leads 31"));
        assertEquals(Optional.of(new ConsoleCommand.Misspelt(ConsoleCommand.LEADS_USAGE)), ConsoleCommand.parse("/leads 0"));
        assertEquals(Optional.of(new ConsoleCommand.Misspelt(ConsoleCommand.LEAD_USAGE)), ConsoleCommand.parse("/lead"));
        assertEquals(Optional.of(new ConsoleCommand.Misspelt(ConsoleCommand.LEAD_USAGE)), ConsoleCommand.parse("/lead <b>"));
        assertEquals(Optional.of(new ConsoleCommand.Misspelt(ConsoleCommand.EXPORT_USAGE)), ConsoleCommand.parse("/export 0d"));
        assertEquals(Optional.of(new ConsoleCommand.Misspelt(ConsoleCommand.EXPORT_USAGE)), ConsoleCommand.parse("/export 400d"));
    }

    @Test
    void aProspectsCommandsAreNoOwnerCommands() {
        for (String text : new String[] {"/start", "/start vk", "/back", "/restart", "/forget", "/leadsx", "/stop", "/lead_x1", "/lead_"}) {
            assertEquals(Optional.empty(), ConsoleCommand.parse(text), text);
        }
    }

    @Test
    void aManagersWordsAreIntroducedWithTheirFirstNameAndAConversationButtonFitsTelegramsLimit() {
        assertEquals("Иван, менеджер:\nДобрый день", ProspectDialog.toProspect(" Иван ", "Добрый день"));
        assertEquals("Менеджер:\nДобрый день", ProspectDialog.toProspect("", "Добрый день"));
        String leadId = "0ee621db-1234-3abc-8def-0123456789ab";
        for (ConsoleButton.Action action : List.of(ConsoleButton.Action.WRITE, ConsoleButton.Action.CLOSE)) {
            ConsoleButton.Press press = new ConsoleButton.Press(action, leadId);
            assertEquals(Optional.of(press), ConsoleButton.decode(press.data()));
        }
        assertEquals("o:e:" + leadId, ProspectDialog.closeRow(leadId).get(0).get(0).data());
    }

    @Test
    void buttonDataIsStrictAndFitsTelegramsLimit() {
        ConsoleButton.Press press = new ConsoleButton.Press(ConsoleButton.Action.OPEN, "0ee621db-1234-3abc-8def-0123456789ab");
        assertEquals("o:l:0ee621db-1234-3abc-8def-0123456789ab", press.data());
        assertEquals(Optional.of(press), ConsoleButton.decode(press.data()));
        for (String forged : new String[] {"o:l:", "o:q:0ee621db-1234-3abc-8def-0123456789ab", "o:l:../etc", "o:", "1:role:p:x"}) {
            assertEquals(Optional.empty(), ConsoleButton.decode(forged), forged);
        }
    }
}
