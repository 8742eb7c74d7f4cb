package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerNoticeTest {

    @Test
    void aShortReportGoesWhole() {
        assertEquals("⚠️ bot 'cafe' is not started.\nflow.yaml:3:1: x", OwnerNotice.fitted(List.of("⚠️ bot 'cafe' is not started.",
                "flow.yaml:3:1: x")));
    }

    @Test
    void aLongReportKeepsTheLinesThatFitInOneMessageAndCountsTheRest() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            lines.add("flows/cafe.yaml:" + i + ":5: node 'n" + i + "' has no 'text'; write text: and the question <here> & there");
        }

        String text = OwnerNotice.fitted(lines);

        assertTrue(Html.escape(text).length() <= OwnerNotice.MAX_TEXT, text);
        int kept = (int) text.lines().filter(line -> line.startsWith("flows/")).count();
        assertTrue(text.endsWith("\n… and " + (100 - kept) + " more; run leadbot validate to see them all"), text);
        assertTrue(kept > 20, text);
    }
}
