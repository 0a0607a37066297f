package chan.nodes.ops;

import chan.ChanException;
import chan.values.Arith;
import chan.values.ChanError;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `a / b`: ints truncate toward zero (as in Go and C); by zero is an error. */
@OperationProxy.Proxyable
@ImportStatic(Divisors.class)
@NodeInfo(shortName = "/")
public abstract class DivNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization(guards = "isSafe(b)")
    public static long doLong(long a, long b) {
        return a / b;
    }

    @Specialization(guards = "isNonZero(b)")
    public static double doDouble(double a, double b) {
        return a / b;
    }

    /** An int with a float gives a float, as the generic path does ({@code (double) a}), without its boundary call. */
    @Specialization(guards = "isNonZero(b)")
    public static double doLongDouble(long a, double b) {
        return a / b;
    }

    @Specialization(guards = "isNonZeroInt(b)")
    public static double doDoubleLong(double a, long b) {
        return a / b;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Arith.div(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
