package chan.builtins;

import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.Display;
import chan.values.StringLimit;
import chan.values.Strings;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;

/**
 * The string built-ins {@code ord chr join split}. Characters are Unicode code points throughout,
 * as everywhere in the language; {@code chr} refuses surrogates, which are not characters.
 */
final class Text {
    private Text() {
    }

    @TruffleBoundary
    static long ord(Object v) {
        String s = Args.string("ord", v);
        int n = Strings.length(s);
        if (n != 1) {
            throw new ChanError("ord: expected a string of one character, got a string of length " + n);
        }
        return s.codePointAt(0);
    }

    @TruffleBoundary
    static String chr(Object v) {
        long cp = Args.longInt("chr", "code point", v);
        if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new ChanError("chr: " + cp + " is not a valid code point");
        }
        return Character.toString((int) cp);
    }

    /** The elements shown as by {@code str} (so numbers need no conversion), separated by sep. */
    @TruffleBoundary
    static String join(Object list, Object sep) {
        ChanList items = Args.list("join", list);
        if (!(sep instanceof String separator)) {
            throw Args.expected("join", "a string separator", sep);
        }
        String[] shown = new String[items.size()];
        int i = 0;
        for (Object item : items) {
            shown[i++] = Display.print(item);
        }
        return StringLimit.join(separator, shown);
    }

    /** Go's strings.Split: n separators give n + 1 parts, empty ones kept; "" splits into characters. */
    @TruffleBoundary
    static ChanList split(Object s, Object sep) {
        String text = Args.string("split", s);
        if (!(sep instanceof String separator)) {
            throw Args.expected("split", "a string separator", sep);
        }
        ArrayList<Object> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            text.codePoints().forEach(cp -> parts.add(Character.toString(cp)));
            return ChanList.from(parts);
        }
        int start = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
            parts.add(text.substring(start, at));
            start = at + separator.length();
        }
        parts.add(text.substring(start));
        return ChanList.from(parts);
    }
}
