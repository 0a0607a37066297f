package chan.nodes.ops;

import chan.values.Equality;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `a == b`: structural for immutable values (ints and floats compare by value), identity for channels and threads. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "==")
public abstract class EqualNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization
    public static boolean doLong(long a, long b) {
        return a == b;
    }

    @Specialization
    public static boolean doBoolean(boolean a, boolean b) {
        return a == b;
    }

    @Fallback
    @TruffleBoundary
    public static boolean doGeneric(Object a, Object b) {
        return Equality.equal(a, b);
    }
}
