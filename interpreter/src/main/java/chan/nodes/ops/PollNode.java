package chan.nodes.ops;

import chan.ChanContext;
import chan.runtime.Meter;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Charges the simulated core for the guest code just run (at loop back-edges and function entry)
 * and, when the thread has used its quantum while others wait on its core, makes the thread yield:
 * a busy loop cannot starve its neighbours. True when the thread must suspend, with BLOCK handed on
 * in ChanContext.carried: the compiler tests it as an `if`, two instructions at every interpreted
 * back-edge where comparing a returned value with BLOCK took five (ModuleCompiler.emitPoll).
 */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class, name = "cycles")
public abstract class PollNode extends Node {
    public abstract boolean execute(int cycles);

    /*
     * The end of a quantum has two paths, neither of which calls anything. Usually nothing else could
     * run first (the scheduler's quiet bound says so), and the next quantum starts inline: one load,
     * one compare, one store. Otherwise the poll returns BLOCK undecided, the thread suspends, and the
     * scheduler loop makes the full check (Scheduler.runsOn), resuming the thread at once when it need
     * not yield. The scheduler's scan (run queues of every core, the timers) is thus neither compiled
     * into every loop and function body nor called from them: a call, even on a cold path, kills every
     * memory location the compiler tracks when it merges back into the loop, and so makes each
     * iteration reload the context, the scheduler and the core; a suspension leaves the compiled code
     * through its Yield instead, and merges back into nothing. The inline start holds only while
     * ChanContext.quietQuanta does: a preemption asked for from outside (the REPL's Ctrl-C) takes the
     * running code out of its compiled form, which read the quiet bound at its entry.
     */
    @Specialization
    public static boolean doPoll(int cycles, @Bind Node node) {
        ChanContext context = ChanContext.get(node);
        Meter meter = context.meter;
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, meter.spendAndCheck(cycles))) {
            if (context.quietQuanta().isValid() && meter.startQuietQuantum()) {
                return false;
            }
            context.carried = context.scheduler().deferQuantumEnd();
            return true;
        }
        return false;
    }
}
