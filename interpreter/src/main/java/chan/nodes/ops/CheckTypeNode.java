package chan.nodes.ops;

import chan.ChanException;
import chan.values.ChanStruct;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Checks a type annotation (`a: int`, `-> string`): the type is a name of `type(v)` (int, float,
 * string, list, …), `any`, `num` (int or float), or a struct name. Returns the value.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "type")
@ConstantOperand(type = String.class, name = "what")
public abstract class CheckTypeNode extends Node {
    public abstract Object execute(String type, String what, Object value);

    @Specialization
    public static Object doCheck(String type, String what, Object value, @Bind Node node) {
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, !matches(type, value))) {
            // Thrown from compiled code, not after a transfer to the interpreter: a program that
            // catches this error at every call (a function tried with arguments of every kind)
            // left compiled code at each one, until Graal gave up compiling the function ("Deopt
            // taken too many times", found by the fuzzer, chan.fuzz seed 564).
            throw mismatch(type, what, value, node);
        }
        return value;
    }

    @TruffleBoundary
    private static ChanException mismatch(String type, String what, Object value, Node node) {
        return ChanException.error(what + " must be " + type + ", got " + describe(value), node);
    }

    public static boolean matches(String type, Object value) {
        switch (type) {
            case "any":
                return true;
            case "num":
                return value instanceof Long || value instanceof Double || value instanceof java.math.BigInteger;
            default:
                if (value instanceof ChanStruct s && s.type().name().equals(type)) {
                    return true;
                }
                return type.equals(Types.name(value));
        }
    }

    private static String describe(Object value) {
        return value instanceof ChanStruct s ? s.type().name() : Types.name(value);
    }
}
