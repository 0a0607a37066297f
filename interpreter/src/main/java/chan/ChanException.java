package chan;

import chan.values.ChanError;
import chan.values.ChanTuple;
import chan.values.Display;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * A Chan error in flight: `throw v` raises any value v; errors of the language itself carry the
 * value `(:error, "message")`. The location node gives the error's position and the Truffle stack
 * trace gives the Chan stack trace.
 */
public final class ChanException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final Object value;
    /** The positions of the Chan stack when raised in a resumed thread (see {@link ResumedFrames}); else null. */
    final java.util.List<ErrorReport.Frame> resumedFrames;

    public ChanException(Object value, Node location) {
        super(null, null, UNLIMITED_STACK_TRACE, location);
        this.value = value;
        this.resumedFrames = ResumedFrames.capture(location);
    }

    /** An error raised by the language, e.g. `division by zero`. */
    @TruffleBoundary
    public static ChanException error(String message, Node location) {
        return new ChanException(ChanError.errorValue(message), location);
    }

    /** Turns an error from a value helper into a guest error at the operation that called it. */
    @TruffleBoundary
    public static ChanException of(ChanError e, Node location) {
        return error(e.getMessage(), location);
    }

    public Object value() {
        return value;
    }

    /** The text printed for an uncaught error: the message of a language error, else `uncaught throw: v`. */
    @TruffleBoundary
    public String describe() {
        return describe(value);
    }

    @TruffleBoundary
    public static String describe(Object value) {
        if (value instanceof ChanTuple t && t.size() == 2 && t.get(0) == chan.values.ChanAtom.of("error") && t.get(1) instanceof String s) {
            return s;
        }
        return "uncaught throw: " + Display.repr(value);
    }

    @Override
    @TruffleBoundary
    public String getMessage() {
        return describe();
    }
}
