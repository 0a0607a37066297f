package chan.nodes.ops;

import chan.ChanContext;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Adds to the core's clock what a counted loop spent of its budget since the budget was read
 * ({@code start - left}, LoopBudgetNode): at its quantum check and wherever the loop is left, so that
 * the clock is exact wherever anything can see it.
 */
@OperationProxy.Proxyable
public abstract class SettleLoopBudgetNode extends Node {
    public abstract Object execute(long start, long left);

    @Specialization
    public static Object doSettle(long start, long left, @Bind Node node) {
        ChanContext.get(node).meter.spend(start - left);
        return ChanNil.NIL;
    }
}
