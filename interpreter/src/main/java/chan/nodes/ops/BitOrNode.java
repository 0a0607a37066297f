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

/** Bitwise or of ints. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "|")
public abstract class BitOrNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization
    public static long doLong(long a, long b) {
        return a | b;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Arith.or(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
