package chan.nodes.ops;

import com.oracle.truffle.api.interop.TruffleObject;
import chan.ChanContext;
import chan.ChanException;
import chan.nodes.ChanBytecodeRootNode;
import chan.runtime.ChanRuntimeError;
import chan.runtime.Scheduler;
import chan.values.ChanFunction;
import chan.values.Copying;
import chan.values.Display;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import java.math.BigInteger;

/**
 * `start f(a, b)`, `start { … }` (a closure of no parameters) and `start on (k) …`: a new thread
 * whose body is the call, with its arguments evaluated now. Everything handed over is copied, so
 * no array or dict is shared. The new thread's first run calls the function with the arguments
 * array {@code [f, a, b]} (see {@code chan.threads.StrandResumeNode}). Returns the thread, or BLOCK
 * until the caller's turn (then the caller resumes with it).
 */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "site")
public abstract class SpawnNode extends Node {
    /**
     * The core operand of a `start` without `on`: the starting thread's core. Not a guest value, so
     * that `start on (nil)` is the error it should be, not a start on this core.
     */
    public static final Object OWN_CORE = new TruffleObject() { // an operand, which a tool may see
        @Override
        public String toString() {
            return "the starting thread's core";
        }
    };

    public abstract Object execute(String site, Object core, Object callee, Object[] args);

    @Specialization
    @TruffleBoundary
    public static Object doSpawn(String site, Object core, Object callee, @Variadic(startOffset = 1) Object[] args, @Bind Node node) {
        if (!(callee instanceof ChanFunction function)) {
            throw ChanException.error("cannot start " + Types.name(callee) + ": not a function", node);
        }
        ChanBytecodeRootNode.checkArity(function, args.length - 1, node);
        for (int i = 1; i < args.length; i++) {
            args[i] = Copying.copyForTransfer(args[i]);
        }
        args[0] = function.copyForTransfer();
        Scheduler scheduler = ChanContext.get(node).scheduler();
        int target = core == OWN_CORE ? scheduler.currentCore() : coreNumber(core, node);
        try {
            // The new thread is seen by others (it may run, send, print): made at the caller's turn.
            Object shownAs = SpawnSite.of(site, node, scheduler);
            return scheduler.atOwnTurn(() -> scheduler.spawn(args, target, shownAs));
        } catch (ChanRuntimeError e) {
            throw ChanException.error(e.getMessage(), node);
        }
    }

    private static int coreNumber(Object core, Node node) {
        if (core instanceof Long k && k >= 0 && k <= Integer.MAX_VALUE) {
            return (int) (long) k;
        }
        boolean positiveInt = core instanceof Long k && k > 0 || core instanceof BigInteger b && b.signum() > 0;
        if (positiveInt) {
            // a core number, only one the machine does not have: the same message as core 4 on 4 cores
            int last = ChanContext.get(node).scheduler().cores() - 1;
            throw ChanException.error("core " + core + " out of range 0.." + last, node);
        }
        throw ChanException.error("start on: the core must be a non-negative int, got " + Display.repr(core), node);
    }
}
