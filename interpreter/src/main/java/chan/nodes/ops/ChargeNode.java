package chan.nodes.ops;

import chan.ChanContext;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Charges the simulated core for the entry of a function that cannot be part of a recursion, without
 * a quantum check (EntryChecks): a thread cannot run on for ever through such entries alone, so the
 * checks at back-edges and at the entries of functions that may recur are enough. It never suspends,
 * so unlike Poll it needs no suspension path: an inlined body carries one add to the clock where Poll
 * adds, compares and branches.
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
