package chan.nodes.ops;

import chan.ChanException;
import chan.values.ChanStruct;
import chan.values.ChanStructType;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `r.field` on a struct; the field's index is cached per struct type. */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class)
@NodeInfo(shortName = ".")
public abstract class GetFieldNode extends Node {
    public abstract Object execute(String field, Object r);

    @Specialization(guards = {"r.type() == cachedType", "index >= 0"}, limit = "3")
    public static Object doCached(String field, ChanStruct r,
                    @Cached("r.type()") ChanStructType cachedType,
                    @Cached("cachedType.fieldIndex(field)") int index) {
        return r.get(index);
    }

    @Specialization(replaces = "doCached")
    @TruffleBoundary
    public static Object doGeneric(String field, Object r, @Bind Node node) {
        if (r instanceof ChanStruct s) {
            int index = s.type().fieldIndex(field);
            if (index >= 0) {
                return s.get(index);
            }
            throw ChanException.error("struct " + s.type().name() + " has no field '" + field + "'", node);
        }
        throw ChanException.error("cannot read field '" + field + "' of " + Types.name(r) + ": not a struct", node);
    }
}
