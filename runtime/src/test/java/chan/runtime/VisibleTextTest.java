package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Characters a terminal would not show, or would act on, are written out in messages; the rest is left alone. */
class VisibleTextTest {
    @Test
    void controlFormatAndSeparatorCharactersAreWrittenOut() {
        assertEquals("a\\0b\\tc\\nd\\re", VisibleText.of("a\0b\tc\nd\re"));
        assertEquals("U+000C U+000B U+001B U+007F U+0085", VisibleText.of("\f \u000b \u001b \u007f \u0085"));
        assertEquals("U+2028U+2029U+FEFFU+200BU+00A0", VisibleText.of("\u2028\u2029\uFEFF\u200B\u00A0"));
    }

    @Test
    void printableTextIsUnchanged() {
        for (String text : new String[] {"", "plain words", "caf\u00e9 \u65e5\u672c \\0", "\uD83D\uDE00",
                "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"}) {
            assertEquals(text, VisibleText.of(text));
        }
    }
}
