package chan.nodes.ops;

import chan.nodes.ChooseShape;
import chan.nodes.ChooseStateAccess;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `choose`, phase 1: the evaluated options (guard, channel, value each) become the runtime's cases. */
@OperationProxy.Proxyable
@ConstantOperand(type = ChooseShape.class)
public abstract class ChooseCasesNode extends Node {
    public abstract Object execute(ChooseShape shape, Object[] operands);

    @Specialization
    public static Object doBuild(ChooseShape shape, @Variadic Object[] operands) {
        return ChooseStateAccess.build(shape, operands);
    }
}
