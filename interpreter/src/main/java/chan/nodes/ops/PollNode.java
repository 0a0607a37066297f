package chan.nodes.ops;

import chan.ChanContext;
import chan.runtime.Scheduler;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Charges the simulated core for the guest code just run (at loop back-edges and function entry)
 * and, when the thread has used its quantum while others wait on its core, returns BLOCK so the
 * thread yields: a busy loop cannot starve its neighbours.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class, name = "cycles")
public abstract class PollNode extends Node {
    public abstract Object execute(int cycles);

    @Specialization
    public static Object doPoll(int cycles, @Bind Node node) {
        Scheduler scheduler = ChanContext.get(node).scheduler();
        if (scheduler.charge(cycles)) {
            return scheduler.yieldCurrent();
        }
        return ChanNil.NIL;
    }
}
