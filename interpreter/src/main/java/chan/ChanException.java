package chan;

import chan.nodes.ChanBytecodeRootNode;
import chan.runtime.ChanRuntimeError;
import chan.values.ChanError;
import chan.values.ChanTuple;
import chan.values.Display;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import java.util.ArrayList;
import java.util.List;

/**
 * A Chan error in flight: `throw v` raises any value v; errors of the language itself carry the
 * value `(:error, "message")`. Each Chan function it unwinds through adds its frame, which gives the
 * error's position and the Chan stack trace.
 */
public final class ChanException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final Object value;
    /** Where this error left each Chan function it unwound through, innermost first; see {@link #addFrame}. */
    private ArrayList<Unwound> unwound;
    /** Set by a handler that passes this error on unchanged (RethrowNode): its function is recorded already. */
    private boolean passedOn;
    /** Set by an outlined loop that recorded its frame: its function, next, records none (see {@link #skipCallerFrame}). */
    private boolean skipCaller;

    /** A function the error left, at a bytecode index; its source position is looked up only if printed. */
    private record Unwound(String function, BytecodeNode bytecode, int bytecodeIndex) {}

    public ChanException(Object value, Node location) {
        // No Truffle stack trace: Chan records its own frames (addFrame), and nothing reads Truffle's.
        super(null, null, 0, location);
        this.value = value;
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

    /** Turns an error of the runtime's own checks (a closed channel, the clock's end) into a guest error there too. */
    @TruffleBoundary
    public static ChanException of(ChanRuntimeError e, Node location) {
        return error(e.getMessage(), location);
    }

    public Object value() {
        return value;
    }

    /**
     * Records that this error is leaving a Chan function: called by every bytecode root the error unwinds
     * through, resumed continuations included (Truffle's own stack trace has no bytecode index for
     * those, so their positions would be lost). Cheap, since most errors are caught and never printed.
     */
    @TruffleBoundary
    public void addFrame(String function, BytecodeNode bytecode, int bytecodeIndex) {
        if (passedOn) { // the rethrow, intercepted in the function that recorded this error when it caught it
            passedOn = false;
            return;
        }
        if (skipCaller) { // the call of an outlined loop, whose frame stood for this function's
            skipCaller = false;
            return;
        }
        if (unwound == null) {
            unwound = new ArrayList<>();
        }
        unwound.add(new Unwound(function, bytecode, bytecodeIndex));
    }

    /**
     * Marks this error as leaving an outlined loop (chan.nodes.OutlinedLoop), which recorded its
     * position under its function's name: the function's own frame, at its call of the loop, is not
     * recorded again.
     */
    public void skipCallerFrame() {
        skipCaller = true;
    }

    /** Marks this error as rethrown unchanged by a handler (RethrowNode); see {@link #addFrame}. */
    public void passOn() {
        passedOn = true;
    }

    /** The recorded frames that have a source position, innermost first. */
    List<ErrorReport.Frame> frames() {
        List<ErrorReport.Frame> frames = new ArrayList<>();
        for (Unwound u : unwound == null ? List.<Unwound> of() : unwound) {
            SourceSection position = u.bytecodeIndex() < 0 ? null : u.bytecode().getSourceLocation(u.bytecodeIndex());
            if (position != null && position.isAvailable()) {
                String module = u.bytecode().getBytecodeRootNode() instanceof ChanBytecodeRootNode root ? root.library() : null;
                // A standard module's function by its qualified name, `map.fetch`, as the program calls it.
                String function = module == null ? u.function() : module + "." + u.function();
                frames.add(new ErrorReport.Frame(function, position, module != null));
            }
        }
        return frames;
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
        try {
            return "uncaught throw: " + Display.repr(value);
        } catch (chan.values.ChanError tooLong) { // a display form over the string limit (StringLimit)
            return "uncaught throw: a value too long to show (" + tooLong.getMessage() + ")";
        }
    }

    @Override
    @TruffleBoundary
    public String getMessage() {
        return describe();
    }
}
