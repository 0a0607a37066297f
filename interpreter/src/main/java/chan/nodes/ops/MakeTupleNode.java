package chan.nodes.ops;

import chan.values.ChanTuple;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `(a, b, …)`. */
@OperationProxy.Proxyable
public abstract class MakeTupleNode extends Node {
    public abstract Object execute(Object[] elements);

    @Specialization
    public static ChanTuple doMake(@Variadic Object[] elements) {
        return new ChanTuple(elements);
    }
}
