package chan.nodes.ops;

import chan.ChanException;
import chan.values.ChanStruct;
import chan.values.ChanStructType;
import chan.values.TypeAnnotation;
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
 * string, list, …), `any`, `num` (int or float), or a struct type (TypeAnnotation). Returns the value.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = TypeAnnotation.class, name = "type")
@ConstantOperand(type = String.class, name = "what")
public abstract class CheckTypeNode extends Node {
    public abstract Object execute(TypeAnnotation type, String what, Object value);

    @Specialization
    public static Object doCheck(TypeAnnotation type, String what, Object value, @Bind Node node) {
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, !type.matches(value))) {
            // Thrown from compiled code, not after a transfer to the interpreter: a program that
            // catches this error at every call (a function tried with arguments of every kind)
            // left compiled code at each one, until Graal gave up compiling the function ("Deopt
            // taken too many times", found by the fuzzer, chan.fuzz seed 564).
            throw mismatch(type, what, value, node);
        }
        return value;
    }

    @TruffleBoundary
    private static ChanException mismatch(TypeAnnotation type, String what, Object value, Node node) {
        if (value instanceof ChanStruct s && s.type().name().equals(type.name()) && type.struct() != null) {
            // Two declarations of one name: "must be P, got P" would say nothing, so each shows its fields.
            return ChanException.error(what + " must be " + declaration(type.struct()) + ", got " + declaration(s.type()), node);
        }
        return ChanException.error(what + " must be " + type.name() + ", got " + describe(value), node);
    }

    private static String declaration(ChanStructType type) {
        return "struct " + type.name() + " { " + String.join(", ", type.fieldNames()) + " }";
    }

    private static String describe(Object value) {
        return value instanceof ChanStruct s ? s.type().name() : Types.name(value);
    }
}
