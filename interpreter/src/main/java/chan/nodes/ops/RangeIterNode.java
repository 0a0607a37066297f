package chan.nodes.ops;

import chan.ChanException;
import chan.builtins.Ranges;
import chan.nodes.ChanIterator;
import chan.values.ChanError;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Starts `for (x in range(a, b, step))` where `range` is the built-in and the step is not a literal
 * (and any `range` under a pattern that is not a name): the loop counts the ints instead of
 * iterating over the list the call would make, with the call's errors at the call's place
 * (StatementCompiler.visitFor; the usual `for (x in range(a, b))` and `range(a, b, -1)` are loops
 * over a local, RangeFirstNode). Made here, not behind the count's boundary, so that a compiled loop
 * keeps its cursor and value in registers.
 */
@OperationProxy.Proxyable
public abstract class RangeIterNode extends Node {
    public abstract Object execute(Object from, Object to, Object step);

    /*
     * Ints come in unboxed (boxing elimination), and nothing on the way to the loop needs them boxed:
     * when the count's slow path took the operands as objects, compiled code made their boxes at
     * every start of the loop.
     */
    @Specialization
    public static Object doInts(long from, long to, long step, @Bind Node node) {
        int count = Ranges.stepCount(from, to, step); // counted inline, unless BigInteger or an error is needed
        return new ChanIterator.OverRange(from, step, count >= 0 ? count : count(from, to, step, node));
    }

    @Specialization(replaces = "doInts")
    public static Object doOther(Object from, Object to, Object step, @Bind Node node) {
        int count = count(from, to, step, node);
        return new ChanIterator.OverRange((Long) from, (Long) step, count);
    }

    /**
     * range's count, or its error at {@code node} (RangeFirstNode's checks too). Behind one boundary
     * with the error's making (and, for {@link #count(long, long, long, Node)}, the ints' boxes), so
     * that compiled code holds a single call on this path.
     */
    @TruffleBoundary
    static int count(Object from, Object to, Object step, Node node) {
        try {
            return Ranges.count(from, to, step);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }

    /** {@link #count(Object, Object, Object, Node)} of ints, boxed behind the boundary. */
    @TruffleBoundary
    static int count(long from, long to, long step, Node node) {
        return count((Object) from, (Object) to, (Object) step, node);
    }
}
