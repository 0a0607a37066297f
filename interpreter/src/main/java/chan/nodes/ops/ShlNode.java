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

/** Shift left; bits shifted out promote to arbitrary precision rather than being lost. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "<<")
public abstract class ShlNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization(guards = {"b >= 0", "b < 63", "fits(a, b)"})
    public static long doLong(long a, long b) {
        return a << b;
    }

    /** The shift loses no bits: shifting back gives a again. */
    public static boolean fits(long a, long b) {
        return ((a << b) >> b) == a;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Arith.shl(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
