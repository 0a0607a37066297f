package chan.nodes.ops;

import chan.values.ChanList;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** The `...rest` of a list pattern: the list without its first n elements. */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class)
public abstract class ListTailNode extends Node {
    public abstract Object execute(int n, Object list);

    @Specialization
    @TruffleBoundary
    public static ChanList doTail(int n, ChanList list) {
        return list.slice(n, list.size());
    }
}
