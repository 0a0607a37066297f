package chan.nodes;

import chan.ChanException;
import chan.ChanLanguage;
import chan.builtins.Builtin;
import chan.runtime.ChanRuntimeError;
import chan.values.ChanError;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * The body of a built-in function: calls its Java implementation with the call's arguments
 * (slot 0 is the function itself), after checking their count when it may vary (a fixed one the
 * call checks, as for any function). Errors surface at the Chan call site, the first frame of the
 * stack trace that has a source position.
 */
public final class BuiltinRootNode extends RootNode {
    private final Builtin builtin;
    /** Whether compiled code inlines the implementation; the others run behind a boundary. */
    private final boolean inlinable;
    /** The counts of arguments it takes (Builtin.fewest, most): a count that may vary is checked only here. */
    private final int fewest;
    private final int most;

    public BuiltinRootNode(ChanLanguage language, Builtin builtin) {
        super(language);
        this.builtin = builtin;
        this.inlinable = builtin.inlinable();
        this.fewest = builtin.fewest();
        this.most = builtin.most();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        try {
            int given = frame.getArguments().length - 1;
            if (given < fewest || given > most) {
                throw arityError(given);
            }
            if (inlinable) {
                return builtin.implementation().call(frame.getArguments());
            }
            return builtin.call(frame.getArguments());
        } catch (ChanError e) {
            throw ChanException.of(e, this);
        } catch (ChanRuntimeError e) {   // a built-in that asks the runtime (close, sleep, after) meets its checks too
            throw ChanException.of(e, this);
        }
    }

    @TruffleBoundary
    private ChanError arityError(int given) {
        return new ChanError(builtin.arityError(given));
    }

    @Override
    public String getName() {
        return builtin.name();
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String toString() {
        return "builtin " + builtin.name();
    }
}
