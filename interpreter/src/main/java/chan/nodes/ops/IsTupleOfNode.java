package chan.nodes.ops;

import chan.values.ChanTuple;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Pattern test: is the value a tuple of exactly n elements? */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class)
public abstract class IsTupleOfNode extends Node {
    public abstract Object execute(int n, Object t);

    @Specialization
    public static boolean doTuple(int n, ChanTuple t) {
        return t.size() == n;
    }

    @Fallback
    public static boolean doOther(@SuppressWarnings("unused") int n, @SuppressWarnings("unused") Object v) {
        return false;
    }
}
