package chan;

import chan.nodes.Positions;
import chan.parser.Diagnostics;
import chan.values.Display;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.SourceSection;
import java.util.List;

/**
 * Prints an uncaught error as docs/errors.md shows: `file:line:col: error: message`, the line with a
 * caret, then the Chan stack trace, innermost frame first. The position and caret are those of the
 * innermost frame in the program's own code: an error raised inside a standard module
 * (`map.fetch: key not found`) is shown at the program's call that led to it, the line its author
 * can act on, as Rust's #[track_caller] does for a library's panics; the trace still lists the
 * library's frames. Frames without a source position
 * (built-ins, the scheduler) are left out. The message stays on its line, its newlines and other
 * control characters escaped as in a crashed thread's line (Crash): `error("a\nb")` shows `a\nb`,
 * not a second line that reads as the source line or a frame.
 */
public final class ErrorReport {
    private ErrorReport() {}

    private static final int MAX_FRAMES = 20;

    /** A function the error left; {@code library}: one of a standard module's. */
    record Frame(String function, SourceSection position, boolean library) {}

    @TruffleBoundary
    public static String format(ChanException e) {
        List<Frame> frames = e.frames();   // recorded as the error unwound (ChanException.addFrame)
        String message = Display.oneLine(e.describe());
        StringBuilder sb = new StringBuilder();
        if (frames.isEmpty()) {
            return "error: " + message + "\n";
        }
        SourceSection top = programFrame(frames).position();
        sb.append(Positions.format(top)).append(": error: ").append(message).append('\n');
        sb.append(Diagnostics.sourceLineWithCaret(top.getSource(), top.getStartLine(), top.getStartColumn()));
        for (int i = 0; i < frames.size(); i++) {
            if (i == MAX_FRAMES - 1 && frames.size() > MAX_FRAMES) {
                // A runaway recursion has thousands of frames: show the innermost and the outermost.
                sb.append("  ... ").append(frames.size() - MAX_FRAMES).append(" more frames\n");
                i = frames.size() - 1;
            }
            Frame f = frames.get(i);
            sb.append("  at ").append(f.function()).append(" (").append(Positions.format(f.position())).append(")\n");
        }
        return sb.toString();
    }

    /** The innermost frame in the program's own code; the innermost of all when every frame is a library's. */
    private static Frame programFrame(List<Frame> frames) {
        for (Frame f : frames) {
            if (!f.library()) {
                return f;
            }
        }
        return frames.get(0);
    }
}
