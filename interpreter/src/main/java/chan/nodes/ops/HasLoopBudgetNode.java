package chan.nodes.ops;

import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Whether a counted loop's budget (LoopBudgetNode) has cycles left: the loop's own exit test,
 * placed first in the loop so that the compiler sees a counted loop with a trip count within a
 * quantum, and drops the safepoint checks at its back-edge.
 */
@OperationProxy.Proxyable
public abstract class HasLoopBudgetNode extends Node {
    public abstract boolean execute(long left);

    @Specialization
    public static boolean doHas(long left) {
        return left > 0;
    }
}
