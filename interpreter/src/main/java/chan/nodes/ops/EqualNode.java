package chan.nodes.ops;

import chan.nodes.CanonicalBooleans;
import chan.values.ChanNil;
import chan.values.Equality;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `a == b`: structural for immutable values (ints and floats compare by value), identity for channels and threads. */
@OperationProxy.Proxyable
@TypeSystemReference(CanonicalBooleans.class)
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

    @Specialization
    public static boolean doDouble(double a, double b) {
        return a == b; // IEEE, as the generic rule says: nan != nan, -0.0 == 0.0
    }

    /** nil equals only itself, so a comparison with nil (`next == nil`) is an identity test. */
    @Specialization(guards = "isNil(a) || isNil(b)")
    public static boolean doNil(Object a, Object b) {
        return a == b;
    }

    public static boolean isNil(Object v) {
        return v == ChanNil.NIL;
    }

    @Fallback
    @TruffleBoundary
    public static boolean doGeneric(Object a, Object b) {
        return Equality.equal(a, b);
    }
}
