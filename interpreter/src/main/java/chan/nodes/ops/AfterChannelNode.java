package chan.nodes.ops;

import chan.ChanContext;
import chan.ChanException;
import chan.builtins.BuiltinTable;
import chan.runtime.ChanRuntimeError;
import chan.values.ChanError;
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
        long n;
        try {
            n = BuiltinTable.cycles(delay, "after"); // the built-in after(n)'s check and errors
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
        try {
            return ChanContext.get(node).scheduler().choiceTimer(n);
        } catch (ChanRuntimeError e) {
            throw ChanException.of(e, node);
        }
    }
}
