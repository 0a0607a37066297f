package chan.nodes.ops;

import chan.ChanContext;
import chan.runtime.Scheduler;
import chan.values.ChanNil;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
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
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, scheduler.spendAndCheck(cycles))) {
            return endOfQuantum(scheduler);
        }
        return ChanNil.NIL;
    }

    /**
     * The quantum is used up (or the thread killed itself): look at the other cores and the timers.
     * Behind a boundary so that a loop's compiled body holds only the fast path above.
     */
    @TruffleBoundary
    private static Object endOfQuantum(Scheduler scheduler) {
        return scheduler.chargeRest() ? scheduler.yieldCurrent() : ChanNil.NIL;
    }
}
