package chan.nodes.ops;

import chan.values.ChanList;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `[a, b, …]`. */
@OperationProxy.Proxyable
public abstract class MakeListNode extends Node {
    public abstract Object execute(Object[] elements);

    @Specialization
    @TruffleBoundary
    public static ChanList doMake(@Variadic Object[] elements) {
        return ChanList.of(elements);
    }
}
