package chan.nodes.ops;

import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * A counted loop's back-edge: its charge taken from the budget (LoopBudgetNode) in a frame local
 * rather than added to the core's clock. No overflow: the budget is positive here and at most a
 * quantum.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class, name = "cycles")
public abstract class SpendLoopBudgetNode extends Node {
    public abstract long execute(int cycles, long left);

    @Specialization
    public static long doSpend(int cycles, long left) {
        return left - cycles;
    }
}
