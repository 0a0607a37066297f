package chan.nodes.ops;

import chan.ChanException;
import chan.values.ChanError;
import chan.values.Compare;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `a <= b` on numbers (ints and floats mix), strings, and tuples or lists lexicographically. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "<=")
public abstract class LessEqualNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization
    public static boolean doLong(long a, long b) {
        return a <= b;
    }

    @Specialization
    public static boolean doDouble(double a, double b) {
        return a <= b;
    }

    @Fallback
    @TruffleBoundary
    public static boolean doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Compare.lessEqual(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
