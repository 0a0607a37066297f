package chan.nodes.ops;

import chan.ChanException;
import chan.values.ChanStruct;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `r with {f: v, …}`: a copy of struct r with the named fields replaced. */
@OperationProxy.Proxyable
@ConstantOperand(type = String[].class)
public abstract class StructWithNode extends Node {
    public abstract Object execute(String[] fields, Object target, Object[] values);

    @Specialization
    @TruffleBoundary
    public static ChanStruct doWith(String[] fields, Object target, @Variadic Object[] values, @Bind Node node) {
        if (!(target instanceof ChanStruct r)) {
            throw ChanException.error("cannot use 'with' on " + Types.name(target) + ": not a struct", node);
        }
        int[] indexes = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            indexes[i] = r.type().fieldIndex(fields[i]);
            if (indexes[i] < 0) {
                throw ChanException.error("struct " + r.type().name() + " has no field '" + fields[i] + "'", node);
            }
        }
        return r.with(indexes, values);
    }
}
