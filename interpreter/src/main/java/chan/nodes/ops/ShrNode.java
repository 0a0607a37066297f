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

/** Arithmetic shift right; a negative count is an error. */
@OperationProxy.Proxyable
@NodeInfo(shortName = ">>")
public abstract class ShrNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization(guards = {"b >= 0", "b < 64"})
    public static long doLong(long a, long b) {
        return a >> b;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Arith.shr(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
