package chan.nodes.ops;

import chan.values.ChanStruct;
import chan.values.ChanStructType;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Pattern test: is the value a struct of this type? */
@OperationProxy.Proxyable
@ConstantOperand(type = ChanStructType.class)
public abstract class IsStructOfNode extends Node {
    public abstract Object execute(ChanStructType type, Object s);

    @Specialization
    public static boolean doStruct(ChanStructType type, ChanStruct s) {
        return s.type() == type;
    }

    @Fallback
    public static boolean doOther(@SuppressWarnings("unused") ChanStructType type, @SuppressWarnings("unused") Object v) {
        return false;
    }
}
