package chan.builtins;

import chan.values.ChanError;
import chan.values.StringLimit;
import chan.values.Strings;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/**
 * The searches behind the {@code str} module's find, count and replace (intrinsics: BuiltinTable),
 * done by {@link String#indexOf} instead of a Chan loop that compared a slice at every index: that
 * took ~8 s for a megabyte. The module checks the arguments and raises its own errors first; these
 * only repeat the checks that keep them from misbehaving if called otherwise.
 *
 * <p>Indexes are code points, as everywhere in the language, translated at the ends (the search
 * itself runs on UTF-16 units). A match found by indexOf always starts on a code point: a Chan string
 * holds no lone surrogate (escapes, {@code chr} and decoding refuse them), so a pattern cannot begin
 * with the second half of a pair.
 */
final class TextSearch {
    private TextSearch() {
    }

    /** The first code-point index {@code i >= from} where sub occurs in s, or -1; a from below 0 counts from 0. */
    @TruffleBoundary
    static long find(Object s, Object sub, Object from) {
        String text = Args.string("str.find_from", s);
        String pattern = Args.string("str.find_from", sub);
        long start = switch (from) {
            case Long l -> Math.max(l, 0);
            case BigInteger b -> b.signum() < 0 ? 0 : Long.MAX_VALUE;
            default -> throw Args.expected("str.find_from", "an int", from);
        };
        if (start > Strings.length(text)) {
            return -1;
        }
        int at = text.indexOf(pattern, Strings.offset(text, (int) start));
        return at < 0 ? -1 : Strings.index(text, at);
    }

    /** How many times sub (not "") occurs in s, without overlaps, left to right. */
    @TruffleBoundary
    static long count(Object s, Object sub) {
        String text = Args.string("str.count", s);
        String pattern = nonEmpty("str.count", sub);
        long n = 0;
        for (int at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + pattern.length())) {
            n++;
        }
        return n;
    }

    /**
     * s with every occurrence of old (not "") replaced by new, left to right, without overlaps; or
     * {@code string too long}, measured before anything is copied.
     */
    @TruffleBoundary
    static String replace(Object s, Object old, Object replacement) {
        String text = Args.string("str.replace", s);
        String pattern = nonEmpty("str.replace", old);
        String by = Args.string("str.replace", replacement);
        long n = count(text, pattern);
        StringLimit.check(text.length() + n * (by.length() - pattern.length()));
        return n == 0 ? text : text.replace(pattern, by);
    }

    /** The length of s as the string limit counts it: UTF-16 units, two for a character above U+FFFF. */
    @TruffleBoundary
    static long limitLength(Object s) {
        return Args.string("str.repeat", s).length();
    }

    private static String nonEmpty(String name, Object v) {
        String s = Args.string(name, v);
        if (s.isEmpty()) {
            throw new ChanError(name + ": empty substring");
        }
        return s;
    }
}
