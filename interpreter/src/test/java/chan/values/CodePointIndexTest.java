package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * `len`, indexing and slicing of long strings through {@link CodePointIndex} give what a walk from the
 * start gives, for every kind of string: Latin-1, other characters below U+FFFF, characters above it,
 * and lone surrogates, at lengths around the index's stride and its threshold.
 */
class CodePointIndexTest {
    private static final String[] PIECES = {"a", "é", "€", "😀", "\uD800", "\uDC00", "z"};

    @Test
    void lengthIndexAndSliceAgreeWithAWalkFromTheStart() {
        Random random = new Random(25);
        int[] sizes = {0, 1, 63, 64, 65, 255, 256, 257, 640, 1000, 4097};
        for (int size : sizes) {
            for (int kinds = 1; kinds <= PIECES.length; kinds++) {
                String s = randomString(random, size, kinds);
                int n = s.codePointCount(0, s.length());
                assertEquals(n, Strings.length(s), s);
                for (int i = 0; i < n; i++) {
                    int start = s.offsetByCodePoints(0, i);
                    assertEquals(s.substring(start, s.offsetByCodePoints(start, 1)), Strings.at(s, i), "code point " + i);
                }
                for (int t = 0; t < 50 && n > 0; t++) {
                    int from = random.nextInt(n + 1);
                    int to = from + random.nextInt(n - from + 1);
                    String expected = s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
                    assertEquals(expected, Strings.substring(s, from, to), from + ".." + to);
                }
                assertEquals("", Strings.substring(s, n, n));
            }
        }
    }

    /** Strings of the same text but different identity each get the right answers, whichever was indexed first. */
    @Test
    void equalStringsOfOtherIdentityAreIndexedApart() {
        String a = "😀".repeat(300) + "x";
        String b = "y".repeat(300) + "😀";
        String c = new String(a);
        assertEquals(301, Strings.length(a));
        assertEquals(301, Strings.length(b));
        assertEquals(301, Strings.length(c));
        assertEquals("x", Strings.at(c, 300));
        assertEquals("😀", Strings.at(b, 300));
        assertEquals("😀", Strings.at(a, 299));
    }

    /** size code points drawn from the first {@code kinds} pieces (a lone high surrogate may pair with a lone low one). */
    private static String randomString(Random random, int size, int kinds) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(PIECES[random.nextInt(kinds)]);
        }
        return sb.toString();
    }
}
