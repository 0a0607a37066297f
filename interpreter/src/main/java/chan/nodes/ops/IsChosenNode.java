package chan.nodes.ops;

import chan.nodes.ChooseStateAccess;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Did option {@code index} win? */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class)
public abstract class IsChosenNode extends Node {
    public abstract Object execute(int index, Object state);

    @Specialization
    public static boolean doCheck(int index, Object state) {
        return ChooseStateAccess.option(state) == index;
    }
}
