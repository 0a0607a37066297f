package chan.nodes.ops;

import chan.ChanContext;
import chan.runtime.Scheduler;
import chan.values.ChanNil;
import com.oracle.truffle.api.CompilerDirectives;
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

    /*
     * The end-of-quantum check stays inline, marked cold, and not behind a @TruffleBoundary: a call,
     * even on a cold path, kills every memory location the compiler tracks, so each iteration of a
     * compiled loop would reload the context, the scheduler, the strand and its core (bench/loop.chan:
     * 4.5 ns an iteration behind a boundary, 1.4 ns inline).
     */
    @Specialization
    public static Object doPoll(int cycles, @Bind Node node) {
        Scheduler scheduler = ChanContext.get(node).scheduler();
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, scheduler.spendAndCheck(cycles))) {
            return scheduler.chargeRest() ? scheduler.yieldCurrent() : ChanNil.NIL;
        }
        return ChanNil.NIL;
    }
}
