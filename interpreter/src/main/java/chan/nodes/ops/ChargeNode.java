package chan.nodes.ops;

import chan.ChanContext;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Charges the simulated core for a function's entry, without a quantum check: the checks at
 * back-edges and before the calls that may recur are enough (EntryChecks, RecursionChecks). It never
 * suspends, so unlike Poll it needs no suspension path: an inlined body carries one add to the clock
 * where Poll adds, compares and branches.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class, name = "cycles")
public abstract class ChargeNode extends Node {
    public abstract Object execute(int cycles);

    @Specialization
    public static Object doCharge(int cycles, @Bind Node node) {
        ChanContext.get(node).meter.spend(cycles);
        return ChanNil.NIL;
    }
}
