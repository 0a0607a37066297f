package chan.nodes.ops;

import chan.ChanException;
import chan.values.Arith;
import chan.values.ChanError;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `a % b`: the remainder takes the sign of a (as in Go and C); by zero is an error. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "%")
public abstract class ModNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization(guards = "isSafeDivisor(b)")
    public static long doLong(long a, long b) {
        return a % b;
    }

    /** Neither zero (an error) nor -1 (MIN_VALUE / -1 overflows): both take the generic path. */
    public static boolean isSafeDivisor(long b) {
        return b != 0 && b != -1;
    }

    @Specialization(guards = "isNonZero(b)")
    public static double doDouble(double a, double b) {
        return a % b;
    }

    /** A float zero divisor (either sign) is the generic path's "division by zero". */
    public static boolean isNonZero(double b) {
        return b != 0.0;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Arith.mod(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
