package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Strings measured in Unicode code points, as the language counts them: {@code len("😀") == 1},
 * {@code "😀a"[1] == "a"}. Java strings are UTF-16, so every index here is translated.
 *
 * <p>Invariant: callers pass indexes already checked against {@link #length}; these helpers do the
 * translation, {@link Index} does the checking and owns the error messages.
 */
public final class Strings {
    private Strings() {
    }

    /** The number of code points. */
    @TruffleBoundary
    public static int length(String s) {
        return CodePointIndex.length(s);
    }

    /** The code point at code-point index {@code i}, as a one-code-point string. */
    @TruffleBoundary
    public static String at(String s, int i) {
        int start = CodePointIndex.offset(s, i);
        int end = s.offsetByCodePoints(start, 1);
        return s.substring(start, end);
    }

    /** The char offset (UTF-16) where code point {@code i} starts; {@code i == length(s)} gives the end. */
    @TruffleBoundary
    public static int offset(String s, int i) {
        return CodePointIndex.offset(s, i);
    }

    /** The code-point index of the character at char offset {@code offset}, the inverse of {@link #offset}. */
    @TruffleBoundary
    public static int index(String s, int offset) {
        return CodePointIndex.indexAt(s, offset);
    }

    /** Code points {@code from} (inclusive) to {@code to} (exclusive). */
    @TruffleBoundary
    public static String substring(String s, int from, int to) {
        return s.substring(CodePointIndex.offset(s, from), CodePointIndex.offset(s, to));
    }

    /**
     * Code-point order, which differs from {@link String#compareTo} (UTF-16 unit order) when one side
     * has a character above U+FFFF and the other one in U+E000..U+FFFF.
     */
    @TruffleBoundary
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    // Rotate so surrogates (which start code points above U+FFFF) sort after U+E000..U+FFFF.
                    return Integer.compare(fixup(x), fixup(y));
                }
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int fixup(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
