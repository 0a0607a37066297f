package chan.nodes.ops;

import chan.ChanException;
import chan.builtins.Ranges;
import chan.nodes.ChanIterator;
import chan.values.ChanError;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Starts `for (x in range(a, b[, step]))` where `range` is the built-in: the loop counts the ints
 * instead of iterating over the list the call would make, with the call's errors at the call's place
 * (StatementCompiler.visitFor). Made here, not behind the count's boundary, so that a compiled loop
 * keeps its cursor and value in registers.
 */
@OperationProxy.Proxyable
public abstract class RangeIterNode extends Node {
    public abstract Object execute(Object from, Object to, Object step);

    @Specialization
    public static Object doRange(Object from, Object to, Object step, @Bind Node node) {
        if (from instanceof Long a && to instanceof Long b && step instanceof Long s && s == 1) {
            int count = Ranges.stepOneCount(a, b); // the usual range, counted inline
            if (count >= 0) {
                return new ChanIterator.OverRange(a, 1, count);
            }
        }
        int count;
        try {
            count = Ranges.count(from, to, step);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
        return new ChanIterator.OverRange((Long) from, (Long) step, count);
    }
}
