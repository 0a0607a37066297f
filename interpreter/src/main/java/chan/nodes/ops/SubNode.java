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

/** `a - b`. Ints overflow into arbitrary precision (the generic path), never wrap. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "-")
public abstract class SubNode extends Node {
    public abstract Object execute(Object a, Object b);

    @Specialization(rewriteOn = ArithmeticException.class)
    public static long doLong(long a, long b) {
        return Math.subtractExact(a, b);
    }

    /**
     * Ints at a site where one has overflowed: the difference goes on past 64 bits in arbitrary precision.
     * Without this, the DSL's fallback guard would still expect {@link #doLong} to take two ints after
     * it was excluded, and compiled code would leave for the interpreter at every such difference.
     */
    @Specialization(replaces = "doLong")
    public static Object doLongOverflowed(long a, long b) {
        return Arith.subInts(a, b);
    }

    @Specialization
    public static double doDouble(double a, double b) {
        return a - b;
    }

    /** An int with a float gives a float, as the generic path does ({@code (double) a}), without its boundary call. */
    @Specialization
    public static double doLongDouble(long a, double b) {
        return a - b;
    }

    @Specialization
    public static double doDoubleLong(double a, long b) {
        return a - b;
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object a, Object b, @Bind Node node) {
        try {
            return Arith.sub(a, b);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
