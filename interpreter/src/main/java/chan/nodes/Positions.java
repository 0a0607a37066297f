package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.SourceSection;

/** How positions print everywhere: `file:line:column`, the file as the user named it. */
public final class Positions {
    private Positions() {}

    @TruffleBoundary
    public static String format(SourceSection s) {
        return fileName(s) + ":" + s.getStartLine() + ":" + s.getStartColumn();
    }

    @TruffleBoundary
    public static String fileName(SourceSection s) {
        return s.getSource().getName();
    }
}
