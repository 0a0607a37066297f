package chan.nodes.ops;

import chan.values.ChanStruct;
import chan.values.ChanStructType;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * Pattern test: is the value a struct of this type? Struct types are equal by declaration (same
 * name, same fields: {@link ChanStructType}), as {@code ==} compares them, so a struct made from
 * the same declaration in another module matches too; the usual case, the pattern's own type
 * object, is one compare.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = ChanStructType.class)
public abstract class IsStructOfNode extends Node {
    public abstract Object execute(ChanStructType type, Object s);

    /** A type with a class of its own (StructClasses): the struct's class says it all. */
    @Specialization(guards = "s.getClass() == type.ownClass()")
    public static boolean doOwnClass(@SuppressWarnings("unused") ChanStructType type, @SuppressWarnings("unused") Object s) {
        return true;
    }

    @Specialization(guards = "s.type() == type")
    public static boolean doSameType(@SuppressWarnings("unused") ChanStructType type, @SuppressWarnings("unused") ChanStruct s) {
        return true;
    }

    @Specialization(guards = "s.type() != type")
    public static boolean doOtherType(ChanStructType type, ChanStruct s) {
        return sameDeclaration(type, s.type());
    }

    @Fallback
    public static boolean doOther(@SuppressWarnings("unused") ChanStructType type, @SuppressWarnings("unused") Object v) {
        return false;
    }

    @TruffleBoundary
    private static boolean sameDeclaration(ChanStructType a, ChanStructType b) {
        return a.equals(b);
    }
}
