package chan.nodes.ops;

import chan.builtins.Ranges;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.profiles.InlinedBranchProfile;

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

    /*
     * The full count's path (the error, or a span wider than a long's with a larger step) is
     * compiled only once a range here has taken it (the profile): until then a start of the loop is
     * a few nodes, and it is inlined with each copy of a recursive function (Permute's countdown
     * inlined fewer copies of itself while the path was always there). Once taken, the path stays
     * compiled, so a program that catches the error again and again does not leave compiled code
     * each time (CaughtErrorsStayCompiledTest).
     */
    @Specialization
    public static long doInts(long step, long from, long to, @Bind Node node, @Cached InlinedBranchProfile fullCount) {
        boolean needsCount = step == 1 || step == -1 ? Ranges.unitStepTooLong(from, to, step) : Ranges.stepCount(from, to, step) < 0;
        if (needsCount) {
            fullCount.enter(node);
            RangeIterNode.count(from, to, step, node); // raises range's error where it has one
        }
        return from;
    }

    @Specialization(replaces = "doInts")
    public static long doOther(long step, Object from, Object to, @Bind Node node) {
        RangeIterNode.count(from, to, step, node);
        return (Long) from;
    }
}
