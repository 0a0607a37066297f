package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.truffle.api.source.Source;
import org.junit.jupiter.api.Test;

/** The caret's indentation: as many terminal cells as the text before its character takes. */
class DisplayWidthTest {
    @Test
    void wideCharactersTakeTwoCellsAndMarksNone() {
        assertEquals(3, DisplayWidth.of("abc"));
        assertEquals(4, DisplayWidth.of("字符"));
        assertEquals(2, DisplayWidth.of("😀"));
        assertEquals(4, DisplayWidth.of("한글"));
        assertEquals(1, DisplayWidth.of("e\u0301"), "a combining accent");
        assertEquals(0, DisplayWidth.of("\uFEFF\u200D"), "a byte-order mark and a zero-width joiner");
        assertEquals(2, DisplayWidth.of("Ａ"), "a fullwidth letter");
    }

    @Test
    void theCaretStandsUnderItsCharacterAndPastTheEndOfTheLine() {
        Source source = Source.newBuilder("chan", "x = \"😀字\" + ;\n\tab\n", "t.chan").build();
        // `+` is UTF-16 column 11 (the emoji is two units): after 7 one-cell characters and 4 cells of the emoji and 字.
        assertEquals("  x = \"😀字\" + ;\n  " + " ".repeat(11) + "^\n", Diagnostics.sourceLineWithCaret(source, 1, 11));
        assertEquals("   ab\n" + "  " + " ".repeat(4) + "^\n", Diagnostics.sourceLineWithCaret(source, 2, 5), "a tab is one space; past the end, one per column");
    }
}
