package chan.nodes.ops;

import chan.builtins.Ranges;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Starts `for (x in range(a, b))`, the built-in's step of one: checks `a` and `b` as the call would
 * (ints, at most 2^31 - 9 of them between), with its errors at its place, and gives `a`, the first
 * int. The loop then runs as `while (next < b)` over a local (StatementCompiler.visitForRange), with
 * no cursor object: a frame that is a real object (one whose function makes calls) would have
 * allocated one at every start of the loop.
 */
@OperationProxy.Proxyable
public abstract class RangeFirstNode extends Node {
    public abstract long execute(Object from, Object to);

    @Specialization
    public static long doInts(long from, long to, @Bind Node node) {
        if (Ranges.stepOneCount(from, to) < 0) {
            RangeIterNode.count(from, to, 1L, node); // more ints than a range may have: its error
        }
        return from;
    }

    @Specialization(replaces = "doInts")
    public static long doOther(Object from, Object to, @Bind Node node) {
        RangeIterNode.count(from, to, 1L, node);
        return (Long) from;
    }
}
