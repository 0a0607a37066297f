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

/** Unary minus. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "-")
public abstract class NegNode extends Node {
    public abstract Object execute(Object a);

    @Specialization(rewriteOn = ArithmeticException.class)
    public static long doLong(long a) {
        return Math.negateExact(a);
    }

    /**
     * Ints at a site where the least int has been negated: its negation is 2^63, in arbitrary
     * precision. Without this, the DSL's fallback guard would still expect {@link #doLong} to take an
     * int after it was excluded, and compiled code would leave for the interpreter at every negation.
     */
    @Specialization(replaces = "doLong")
    public static Object doLongOverflowed(long a) {
        return Arith.negInt(a);
    }

    @Specialization
    public static double doDouble(double a) {
        return -a;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, @Bind Node node) {
        try {
            return Arith.neg(a);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
