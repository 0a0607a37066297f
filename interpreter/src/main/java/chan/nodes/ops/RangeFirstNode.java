package chan.nodes.ops;

import chan.builtins.Ranges;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Starts `for (x in range(a, b))`, or `range(a, b, step)` with a literal step (never zero:
 * StatementCompiler.literalStep leaves a zero step to the cursor loop): checks `a` and `b` as the call
 * would (ints, at most 2^31 - 9 of them between), with its errors at its place, and gives `a`, the
 * first int. The loop then runs as `while (next < b)` (`next > b` for a step below zero) over a
 * local (StatementCompiler.visitForRange), with no cursor object: a frame that is a real object (one
 * whose function makes calls) would have allocated one at every start of the loop.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = long.class, name = "step")
public abstract class RangeFirstNode extends Node {
    public abstract long execute(long step, Object from, Object to);

    @Specialization
    public static long doInts(long step, long from, long to, @Bind Node node) {
        if (Ranges.stepCount(from, to, step) < 0) {
            RangeIterNode.count(from, to, step, node); // more ints than a range may have: its error
        }
        return from;
    }

    @Specialization(replaces = "doInts")
    public static long doOther(long step, Object from, Object to, @Bind Node node) {
        RangeIterNode.count(from, to, step, node);
        return (Long) from;
    }
}
