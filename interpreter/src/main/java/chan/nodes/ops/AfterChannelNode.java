package chan.nodes.ops;

import chan.ChanContext;
import chan.ChanException;
import chan.runtime.ChanRuntimeError;
import chan.values.Display;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `option after(n):` is a receive on a timer channel that fires n cycles from now. */
@OperationProxy.Proxyable
public abstract class AfterChannelNode extends Node {
    public abstract Object execute(Object delay);

    @Specialization
    @TruffleBoundary
    public static Object doAfter(Object delay, @Bind Node node) {
        if (delay instanceof java.math.BigInteger b && b.signum() >= 0) {
            throw ChanException.error(chan.builtins.BuiltinTable.pastTheClock("after", b), node);
        }
        if (!(delay instanceof Long n) || n < 0) {
            throw ChanException.error("after: expected a non-negative int of cycles, got " + Display.repr(delay), node);
        }
        try {
            return ChanContext.get(node).scheduler().choiceTimer(n);
        } catch (ChanRuntimeError e) {
            throw ChanException.error(e.getMessage(), node);
        }
    }
}
