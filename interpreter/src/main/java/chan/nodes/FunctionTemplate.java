package chan.nodes;

import chan.values.ChanFunction;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A compiled function expression or `start` block: the root is shared by every closure made from
 * it (strands running the same function must share its root, DESIGN.md), only the captured values
 * differ.
 */
public final class FunctionTemplate {
    private final String name;
    private final int arity;
    private ChanBytecodeRootNode root;

    public FunctionTemplate(String name, int arity) {
        this.name = name;
        this.arity = arity;
    }

    /** Set by the builder when the function's root is complete. */
    public void setRoot(ChanBytecodeRootNode root) {
        this.root = root;
    }

    @TruffleBoundary
    public ChanFunction instantiate(Object[] captures) {
        return new ChanFunction(name, arity, root.getCallTarget(), captures);
    }

    @Override
    public String toString() {
        return "template " + name;
    }
}
