package chan.values;

import java.lang.ref.WeakReference;

/**
 * Where a long string's code points start, so that {@code len(s)} and {@code s[i]} take constant time
 * instead of a walk from the start of s: a loop that indexes a 200 000-character string that is not
 * all Latin-1 took a minute, quadratic in its length (bench/strindex.chan).
 *
 * <p>Java strings are UTF-16. In a string with no character above U+FFFF, code point i is char i, and
 * no table is needed once that is known (knowing it takes a pass over a string that is not Latin-1).
 * Otherwise the index marks where every {@link #STRIDE}th code point starts, and a lookup walks from
 * the mark before it. The indexes of the last few strings used are kept, by identity and without
 * keeping their strings alive: a loop over one string builds its index once.
 */
final class CodePointIndex {
    /** One mark every this many code points: a lookup walks at most this many minus one. */
    private static final int STRIDE = 64;
    /** Strings shorter than this are walked: for them a walk costs what a lookup does. */
    private static final int MIN_LENGTH = 256;
    /** The indexes made last. Entries are immutable; a race between threads can only lose one. */
    private static final CodePointIndex[] RECENT = new CodePointIndex[4];
    private static int nextSlot;

    private final WeakReference<String> string;
    private final int length;
    /** marks[k]: the char offset of code point k * STRIDE (and of the end, when length is a multiple); null when code point i is char i. */
    private final int[] marks;

    private CodePointIndex(String s) {
        this.string = new WeakReference<>(s);
        this.length = s.codePointCount(0, s.length());
        this.marks = length == s.length() ? null : marks(s, length);
    }

    /** The number of code points of s. */
    static int length(String s) {
        return s.length() < MIN_LENGTH ? s.codePointCount(0, s.length()) : of(s).length;
    }

    /** The char offset where code point i of s starts; i == its length gives the end. */
    static int offset(String s, int i) {
        return s.length() < MIN_LENGTH ? s.offsetByCodePoints(0, i) : of(s).offsetIn(s, i);
    }

    /** The code-point index of the character at char offset {@code offset} of s (a code point's start, or the end). */
    static int indexAt(String s, int offset) {
        return s.length() < MIN_LENGTH ? s.codePointCount(0, offset) : of(s).indexIn(s, offset);
    }

    /** The index of s, made now or found among the recent ones. */
    private static CodePointIndex of(String s) {
        for (CodePointIndex recent : RECENT) {
            if (recent != null && recent.string.get() == s) {
                return recent;
            }
        }
        CodePointIndex made = new CodePointIndex(s);
        RECENT[nextSlot++ & (RECENT.length - 1)] = made;
        return made;
    }

    private int offsetIn(String s, int i) {
        if (marks == null) {
            return i;
        }
        int mark = i / STRIDE;
        return s.offsetByCodePoints(marks[mark], i - mark * STRIDE);
    }

    private int indexIn(String s, int offset) {
        if (marks == null) {
            return offset;
        }
        int mark = java.util.Arrays.binarySearch(marks, offset); // marks increase: the last one at or before offset
        if (mark < 0) {
            mark = -mark - 2;
        }
        return mark * STRIDE + s.codePointCount(marks[mark], offset);
    }

    /** Counts code points as String.codePointCount does: a surrogate pair is one, a lone surrogate one too. */
    private static int[] marks(String s, int length) {
        int[] marks = new int[length / STRIDE + 1];
        int offset = 0;
        for (int i = 0; i < length; i++) {
            if (i % STRIDE == 0) {
                marks[i / STRIDE] = offset;
            }
            boolean pair = Character.isHighSurrogate(s.charAt(offset)) && offset + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(offset + 1));
            offset += pair ? 2 : 1;
        }
        if (length % STRIDE == 0) {
            marks[length / STRIDE] = offset;
        }
        return marks;
    }
}
