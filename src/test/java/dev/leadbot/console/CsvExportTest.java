package dev.leadbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cells of the leads CSV: quoting, and nothing a prospect typed runs as a spreadsheet formula. */
class CsvExportTest {

    @Test
    void aCellWithACommaAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled() {
        assertEquals("\"owner, hot\"", CsvExport.quoted("owner, hot"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quoted("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvExport.quoted("two\nlines"));
        assertEquals("Анна", CsvExport.quoted("Анна"));
    }

    @Test
    void aTypedFormulaIsKeptAsTextWithALeadingApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"open\"\")\"", CsvExport.quoted("=HYPERLINK(\"http://example.com\",\"open\")"));
        assertEquals("'@SUM(A1:A9)", CsvExport.quoted("@SUM(A1:A9)"));
        assertEquals("'+cmd|' /C calc'!A0", CsvExport.quoted("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", CsvExport.quoted("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'\tleading tab", CsvExport.quoted("\tleading tab"));
    }

    @Test
    void phoneNumbersAndSignedNumbersStayAsTheyAre() {
        assertEquals("+79161234567", CsvExport.quoted("+79161234567"));
        assertEquals("+7 (916) 123-45-67", CsvExport.quoted("+7 (916) 123-45-67"));
        assertEquals("-5", CsvExport.quoted("-5"));
    }
}
