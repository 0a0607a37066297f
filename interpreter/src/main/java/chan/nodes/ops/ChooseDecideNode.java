package chan.nodes.ops;

import chan.nodes.ChooseShape;
import chan.nodes.ChooseStateAccess;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `choose`, phase 3: records which option won and what it received; returns the state. */
@OperationProxy.Proxyable
@ConstantOperand(type = ChooseShape.class)
public abstract class ChooseDecideNode extends Node {
    // The select's result comes first: its suspension loop then yields with nothing under it on the
    // operand stack (a compiled yield would copy such values into the thread's frame, allocating).
    public abstract Object execute(ChooseShape shape, Object result, Object state);

    @Specialization
    public static Object doDecide(ChooseShape shape, Object result, Object state, @Bind Node node) {
        return ChooseStateAccess.decide(shape, state, result, node);
    }
}
