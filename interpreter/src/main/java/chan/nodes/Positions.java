package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * How positions print everywhere: `file:line:column`, the file as the user named it. The column
 * counts code points, as rustc's do: tokens and source sections count UTF-16 units, in which a
 * character outside the BMP (an emoji) is two, so each printed column is converted from those.
 */
public final class Positions {
    private Positions() {}

    @TruffleBoundary
    public static String format(SourceSection s) {
        return format(s.getSource(), s.getStartLine(), s.getStartColumn());
    }

    /** A position given by its 1-based line and its 1-based column in UTF-16 units of that line. */
    @TruffleBoundary
    public static String format(Source source, int line, int utf16Column) {
        return source.getName() + ":" + line + ":" + column(source, line, utf16Column);
    }

    @TruffleBoundary
    public static String fileName(SourceSection s) {
        return s.getSource().getName();
    }

    /** The 1-based column in code points of a 1-based column in UTF-16 units (past the line's end, one per unit). */
    public static int column(Source source, int line, int utf16Column) {
        if (line < 1 || line > source.getLineCount()) {
            return utf16Column;
        }
        CharSequence text = source.getCharacters(line);
        int before = Math.min(Math.max(utf16Column - 1, 0), text.length());
        return Character.codePointCount(text, 0, before) + utf16Column - before;
    }
}
