// Checks read_line's lines: every line end BufferedReader knows, ends split between two reads, the
// last line without an end, UTF-16 counting, and a line over the limit: the error, then the next line.
package chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chan.values.ChanError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InputLinesTest {
    /** A reader that hands out at most {@code step} characters a read, to split lines between reads. */
    private static Reader inSteps(String text, int step) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] into, int offset, int length) {
                if (at == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(step, length), text.length() - at);
                text.getChars(at, at + n, into, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> lines(Reader in, int limit) throws IOException {
        InputLines lines = new InputLines(in, limit);
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        return all;
    }

    @Test
    void theLinesAreBufferedReadersWhateverTheReadsSize() throws IOException {
        String text = "one\ntwo\r\nthree\rfour\n\n\r\r\nfive\r\n\rsix" + "x".repeat(20_000) + "\nlast";
        List<String> expected = new BufferedReader(new StringReader(text)).lines().toList();
        for (int step : new int[] {1, 2, 3, 7, 8192, 100_000}) {
            assertEquals(expected, lines(inSteps(text, step), 1_000_000), "reads of " + step);
        }
    }

    @Test
    void emptyInputAndALastLineEnd() throws IOException {
        assertEquals(List.of(), lines(new StringReader(""), 10));
        assertEquals(List.of(""), lines(new StringReader("\n"), 10));
        assertEquals(List.of("a"), lines(new StringReader("a\r"), 10));
        assertEquals(List.of("a", ""), lines(new StringReader("a\r\r"), 10));
    }

    @Test
    void aLineOverTheLimitIsTheErrorAndTheNextLineFollows() throws IOException {
        for (int step : new int[] {1, 3, 8192}) {
            InputLines lines = new InputLines(inSteps("12345\n123456\r\nafter\n" + "y".repeat(9_000) + "\nend\n1234567", step), 5);
            assertEquals("12345", lines.next(), "a line of the limit's length");
            ChanError tooLong = assertThrows(ChanError.class, lines::next);
            assertEquals("string too long: a string holds at most 5 characters", tooLong.getMessage());
            assertEquals("after", lines.next(), "the line after the long one, reads of " + step);
            assertThrows(ChanError.class, lines::next, "a line longer than the buffer");
            assertEquals("end", lines.next());
            assertThrows(ChanError.class, lines::next, "a long last line without its end");
            assertNull(lines.next());
        }
    }

    @Test
    void charactersCountAsUtf16Units() throws IOException {
        InputLines lines = new InputLines(new StringReader("€€€€\n😀😀😀\n😀😀\n"), 5);
        assertEquals("€€€€", lines.next());
        assertThrows(ChanError.class, lines::next, "six units");
        assertEquals("😀😀", lines.next());
    }
}
