package chan.nodes.ops;

import chan.values.ChanStruct;
import chan.values.ChanStructType;
import chan.values.Copying;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

/** `Point{x: 1, y: 2}`: the builder puts the values in declaration order, nil for fields left out. */
@OperationProxy.Proxyable
@ConstantOperand(type = ChanStructType.class)
public abstract class MakeStructNode extends Node {
    public abstract Object execute(ChanStructType type, Object[] values);

    @Specialization
    public static ChanStruct doMake(ChanStructType type, @Variadic Object[] values) {
        return ChanStruct.of(type, values, anyMutable(type, values));
    }

    /**
     * Unrolled over the declaration's field count (a constant in compiled code, where the length of
     * the variadic array is not), so compiled code need not materialize the values array.
     */
    @ExplodeLoop
    private static boolean anyMutable(ChanStructType type, Object[] values) {
        boolean any = false;
        for (int i = 0; i < type.fieldCount(); i++) {
            any |= Copying.hasMutable(values[i]);
        }
        return any;
    }
}
