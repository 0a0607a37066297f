package chan.nodes.ops;

import chan.values.ChanList;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Pattern test: is the value a list of n elements (at least n when the pattern has `...rest`)? */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class)
@ConstantOperand(type = boolean.class, name = "orMore")
public abstract class IsListOfNode extends Node {
    public abstract Object execute(int n, boolean orMore, Object list);

    @Specialization
    public static boolean doList(int n, boolean orMore, ChanList list) {
        return orMore ? list.size() >= n : list.size() == n;
    }

    @Fallback
    public static boolean doOther(@SuppressWarnings("unused") int n, @SuppressWarnings("unused") boolean orMore, @SuppressWarnings("unused") Object v) {
        return false;
    }
}
