package chan.nodes.ops;

import chan.ChanException;
import chan.builtins.BuiltinTable;
import chan.values.ChanDict;
import chan.values.ChanMap;
import chan.values.ChanStruct;
import chan.values.ChanStructType;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/**
 * `r.field` on a struct; the field's index is cached per struct type. A type with a Java class of
 * its own (StructClasses) is told by the struct's class alone; the others by their type field.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class)
@NodeInfo(shortName = ".")
public abstract class GetFieldNode extends Node {
    public abstract Object execute(String field, Object r);

    @Specialization(guards = {"r.getClass() == cachedClass", "index >= 0"}, limit = "3")
    public static Object doOwnClass(String field, Object r,
                    @Cached("ownClass(r)") Class<? extends ChanStruct> cachedClass,
                    @Cached("fieldIndex(r, field)") int index) {
        return CompilerDirectives.castExact(r, cachedClass).get(index);
    }

    @Specialization(guards = {"r.type() == cachedType", "index >= 0"}, limit = "3")
    public static Object doCached(String field, ChanStruct r,
                    @Cached("r.type()") ChanStructType cachedType,
                    @Cached("cachedType.fieldIndex(field)") int index) {
        return r.get(index);
    }

    @Specialization(replaces = {"doOwnClass", "doCached"})
    @TruffleBoundary
    public static Object doGeneric(String field, Object r, @Bind Node node) {
        if (r instanceof ChanStruct s) {
            int index = s.type().fieldIndex(field);
            if (index >= 0) {
                return s.get(index);
            }
            throw ChanException.error("struct " + s.type().name() + " has no field '" + field + "'", node);
        }
        throw ChanException.error("cannot read field '" + field + "' of " + Types.name(r) + ": not a struct" + habitHint(field, r), node);
    }

    /** How Chan writes what a method call (`xs.push(v)`) or a field read of a map (`m.key`) meant elsewhere. */
    private static String habitHint(String field, Object r) {
        if (BuiltinTable.isBuiltinName(field)) {
            return "; Chan has no methods: call the built-in, " + field + "(" + Types.name(r) + (BuiltinTable.takesOneArgument(field) ? ")" : ", …)");
        }
        if (r instanceof ChanMap || r instanceof ChanDict) {
            return "; a " + Types.name(r) + "'s value is read as m[key]";
        }
        return "";
    }

    /** The class that stands for {@code r}'s type alone, or null (not a struct, or a shared class). */
    public static Class<? extends ChanStruct> ownClass(Object r) {
        return r instanceof ChanStruct s ? s.type().ownClass() : null;
    }

    public static int fieldIndex(Object r, String field) {
        return r instanceof ChanStruct s ? s.type().fieldIndex(field) : -1;
    }
}
